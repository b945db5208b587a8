import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("Uploads")
struct UploadTests {
    @Test("names are reduced to a harmless last component", arguments: [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\张三\\营业执照.pdf", "营业执照.pdf"),
        ("..", "file"),
        ("a\u{0}b\u{7}.pdf", "ab.pdf"),
        ("/", "file"),
    ])
    func displayNames(raw: String, expected: String) {
        #expect(UploadStore.displayName(raw) == expected)
    }

    @Test("the type comes from the bytes, not from the name")
    func sniffing() {
        #expect(UploadStore.sniff(Fixtures.pdf, filename: "x.exe") == .pdf)
        #expect(UploadStore.sniff(Data("MZ\u{90}".utf8), filename: "x.pdf") == nil)
        #expect(UploadStore.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), filename: "a.xlsx") == .xlsx)
        #expect(UploadStore.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), filename: "a.zip") == nil)
    }

    @Test("a file stored twice is kept once, under its SHA-256, outside the web root")
    func storage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qc-up-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = UploadStore(directory: directory, maxBytes: 1024)
        let first = try store.store(data: Fixtures.pdf, filename: "../a.pdf")
        let second = try store.store(data: Fixtures.pdf, filename: "b.pdf")
        #expect(first.sha256 == second.sha256)
        #expect(first.displayName == "a.pdf")
        #expect(try store.read(sha256: first.sha256) == Fixtures.pdf)
        #expect(throws: AppError.self) { try store.read(sha256: "../../etc/passwd") }
        #expect(throws: AppError.self) { try store.store(data: Data(count: 1025), filename: "big.pdf") }
        #expect(throws: AppError.self) { try store.store(data: Data(), filename: "empty.pdf") }
    }

    @Test("an unacceptable upload is refused on the page, in the reader's language, and nothing is attached")
    func refusedUpload() async throws {
        try await withTestApp(demo: true) { app in
            let today = app.qualityCity.clock.today()
            let callID = try await ApplicationFlowTests.publishCall(app, programme: "sz-backbone", opens: today, closes: today.adding(days: 5))
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let id = try #require(TestClient.applicationID(fromLocation: try await enterprise.post("/calls/\(callID)/apply", form: [:]).location))
            let filesBefore = try await EvidenceFile.query(on: app.db).count()
            let exe = try await enterprise.upload("/applications/\(id)/materials", fields: ["materialKey": "m1"],
                                                  filename: "virus.pdf", contentType: "application/pdf", data: Data("MZ\u{90}\u{0}".utf8))
            #expect(exe.status == .unsupportedMediaType)
            #expect(exe.body.contains("不支持该文件类型"))
            let unknownKey = try await enterprise.upload("/applications/\(id)/materials", fields: ["materialKey": "nope"],
                                                         filename: "a.pdf", data: Fixtures.pdf)
            #expect(unknownKey.status == .unprocessableEntity)
            #expect(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == id).count() == 0)
            #expect(try await EvidenceFile.query(on: app.db).count() == filesBefore)
        }
    }
}

@Suite("Enterprise sign-up")
struct SignupTests {
    static func form(code: String, username: String = "acme-quality") -> [String: String] {
        ["creditCode": code, "name": "深圳市示例精工有限公司", "district": "南山区", "registeredOn": "2015-01-01",
         "legalForm": "legalPerson", "industryCode": "C3981", "contactName": "王五", "contactPhone": "13800138000",
         "username": username, "password": "quality2026", "passwordConfirmation": "quality2026"]
    }

    static let validCode = CreditCode.withCheckDigit("91440300MA5QC0099")!.value

    @Test("a wrong check digit is named, with the digit it should be")
    func wrongCheckDigit() async throws {
        try await withTestApp { app in
            let client = TestClient(app)
            try await client.get("/signup")
            let expected = Self.validCode.last!
            let wrong = String(Self.validCode.dropLast()) + (expected == "0" ? "1" : "0")
            let page = try await client.post("/signup", form: Self.form(code: wrong))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("校验码错误"))
            #expect(page.body.contains("应为“\(expected)”"))
            // Everything else typed is kept; the password is not sent back.
            #expect(page.body.contains("深圳市示例精工有限公司"))
            #expect(!page.body.contains("quality2026"))
            #expect(try await Enterprise.query(on: app.db).count() == 0)
        }
    }

    @Test("a valid registration creates the enterprise and signs it in")
    func registers() async throws {
        try await withTestApp { app in
            let client = TestClient(app)
            try await client.get("/signup")
            let page = try await client.post("/signup", form: Self.form(code: Self.validCode.lowercased()))
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/enterprise") == true)
            let enterprise = try #require(try await Enterprise.query(on: app.db).first())
            #expect(enterprise.creditCode == Self.validCode)
            #expect(enterprise.city == "深圳市")
            let home = try await client.get("/enterprise")
            #expect(home.status == .ok)
            #expect(home.body.contains("深圳市示例精工有限公司"))
            // The same code cannot be registered twice.
            let again = TestClient(app)
            try await again.get("/signup")
            let duplicate = try await again.post("/signup", form: Self.form(code: Self.validCode, username: "someone-else"))
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.contains("已注册"))
        }
    }

    @Test("every problem is reported at once", arguments: [
        ("industryCode", "X99", "行业代码"),
        ("registeredOn", "2015-02-30", "日期格式"),
        ("contactPhone", "abc", "电话号码"),
        ("username", "a", "用户名"),
        ("password", "short1", "至少 8 位"),
        ("district", "火星区", "请选择所在区"),
    ])
    func fieldProblems(field: String, value: String, message: String) async throws {
        try await withTestApp { app in
            let client = TestClient(app)
            try await client.get("/signup")
            var form = Self.form(code: Self.validCode)
            form[field] = value
            if field == "password" { form["passwordConfirmation"] = value }
            let page = try await client.post("/signup", form: form)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains(message))
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }
}
