import Fluent
import Foundation
import NIOCore
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Spreadsheet
import Testing
import Vapor

/// Issue 4: the enterprise keeps its profile and facts, with evidence files, through the pages.
@Suite("Enterprise profile, facts workbook and evidence")
struct ProfileTests {
    enum Who: String, CaseIterable {
        case anonymous, enterprise = "demo-enterprise-sz", district = "demo-district-nanshan", city = "demo-city"
        case expert = "demo-expert-1", finance = "demo-finance"
    }

    static func client(_ app: Application, _ who: Who) async throws -> TestClient {
        let client = TestClient(app)
        if who == .anonymous { try await client.get("/login") } else { try await client.signIn(who.rawValue) }
        return client
    }

    static func enterprise(_ app: Application, _ username: String = "demo-enterprise-sz") async throws -> Enterprise {
        let account = try #require(try await Account.query(on: app.db).filter(\.$username == username).first())
        return try #require(try await Enterprise.find(account.$enterprise.id, on: app.db))
    }

    /// The downloaded workbook with some sheets edited, as the enterprise's staff would in Excel.
    static func edited(_ workbook: Data, _ edit: (inout [String: Table]) -> Void) throws -> Data {
        let reader = try XLSXReader(data: workbook)
        var tables = try reader.sheetNames.map { try reader.table(sheetNamed: $0) }
        var byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        edit(&byName)
        tables = tables.compactMap { byName[$0.name] }
        return try XLSXWriter().data(tables)
    }

    static func uploadWorkbook(_ client: TestClient, _ data: Data) async throws -> TestClient.Page {
        try await client.upload("/enterprise/facts", fields: [:], filename: "企业信息.xlsx",
                                contentType: UploadStore.Kind.xlsx.contentType, data: data)
    }

    // MARK: Who may

    @Test("only the enterprise reaches its profile and workbook: other roles 403, anonymous 401", arguments: Who.allCases)
    func access(who: Who) async throws {
        try await withTestApp(demo: true) { app in
            let client = try await Self.client(app, who)
            let expected: HTTPStatus = switch who {
            case .anonymous: .unauthorized
            case .enterprise: .ok
            default: .forbidden
            }
            #expect(try await client.get("/enterprise/profile").status == expected)
            let download = try await client.download("/enterprise/facts.xlsx")
            #expect(download.status == expected)
            let upload = try await Self.uploadWorkbook(client, Data("x".utf8))
            #expect(upload.status == (who == .enterprise ? .unprocessableEntity : expected))
            let contact = try await client.post("/enterprise/profile/contact", form: ["contactName": "某人", "contactPhone": "13800138000"])
            #expect(contact.status == (who == .enterprise ? .seeOther : expected))
        }
    }

    // MARK: The profile page

    @Test("the profile shows the registration, every section with Chinese labels, the engine's figures and the contact")
    func profilePage() async throws {
        try await withTestApp(demo: true) { app in
            let client = try await Self.client(app, .enterprise)
            let company = try await Self.enterprise(app)
            // MUT
            let page = try await client.get("/enterprise/profile")
            // validation
            #expect(page.status == .ok)
            for text in [company.name, company.creditCode, "认证证书", "ISO 9001 质量管理体系认证", "有效", "近三年（2023–2025 年）纳税合计",
                         "6,300 万元", "首席质量官", "已任命，持培训证书", "下载企业信息表", "/enterprise/facts.xlsx", "专利", "暂无"] {
                #expect(page.body.contains(text), "the profile does not show \(text)")
            }
            let english = try await client.get("/enterprise/profile?lang=en")
            #expect(english.body.contains("ISO 9001 quality management certification"))
            #expect(english.body.contains("Valid"))
        }
    }

    @Test("contact details are saved; a bad phone number is refused beside what was typed and nothing changes")
    func contact() async throws {
        try await withTestApp(demo: true) { app in
            let client = try await Self.client(app, .enterprise)
            // MUT
            let refused = try await client.post("/enterprise/profile/contact", form: ["contactName": "张经理", "contactPhone": "电话"])
            // validation
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(Strings.Form.badPhone.zh))
            #expect(refused.body.contains("value=\"张经理\""))
            #expect(try await Self.enterprise(app).contactName == nil)
            // MUT
            let saved = try await client.post("/enterprise/profile/contact", form: ["contactName": "张经理", "contactPhone": "0755-83177171"])
            // validation
            #expect(saved.status == .seeOther)
            let company = try await Self.enterprise(app)
            #expect(company.contactName == "张经理")
            #expect(company.contactPhone == "0755-83177171")
        }
    }

    // MARK: The workbook

    @Test("an edited workbook replaces the facts: version bumped, audit row written, the engine's verdicts shown")
    func uploadSucceeds() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let client = try await Self.client(app, .enterprise)
            let before = try await Self.enterprise(app)
            let download = try await client.download("/enterprise/facts.xlsx")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentType) == UploadStore.Kind.xlsx.contentType)
            #expect(download.headers.first(name: .contentDisposition)?.contains(before.creditCode) == true)
            let workbook = try Self.edited(download.body) { sheets in
                sheets["专利"]!.rows.append(["ZL202410000001.1", "发明专利", "中国", .date(SheetDate(year: 2024, month: 6, day: 1)!)])
                sheets["纳税"]!.rows.append([.integer(2020), .decimal(Decimal(string: "123.45")!)])
            }
            // MUT
            let upload = try await Self.uploadWorkbook(client, workbook)
            // validation
            #expect(upload.status == .seeOther, "\(upload.body.prefix(2000))")
            #expect(upload.location == "/enterprise/profile?done=facts")
            let after = try await Self.enterprise(app)
            #expect(after.factsVersion == before.factsVersion + 1)
            let facts = try #require(JSONText.decode(EnterpriseFacts.self, from: after.factsJSON))
            #expect(facts.patents.last?.number == "ZL202410000001.1")
            #expect(facts.tax(year: 2020) == Money(fen: 12_345))
            #expect(after.factsJSON == JSONText.encode(facts), "the stored facts are not in sorted-key form")
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "update_facts").first())
            #expect(audit.subjectID == before.id!.uuidString)
            #expect(audit.actorRole == Role.enterprise.rawValue)
            #expect(audit.reason == "企业信息第 1 版 → 第 2 版；纳税 3 → 4；专利 6 → 7")
            #expect(try await AuditChain.verify(on: app.db).isIntact)
            let page = try await client.get(upload.location!)
            #expect(page.body.contains("企业信息已更新（第 2 版）"))
            #expect(page.body.contains("id=\"verdicts\""))
            #expect(page.body.contains("href=\"/enterprise\""))
            #expect(page.body.contains("纳税 3 → 4"))
        }
    }

    @Test("a workbook with problems in three sheets lists all three and saves nothing")
    func uploadRefused() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let client = try await Self.client(app, .enterprise)
            let before = try await Self.enterprise(app)
            let workbook = try Self.edited(try await client.download("/enterprise/facts.xlsx").body) { sheets in
                sheets["专利"]!.rows = [["ZL1", "发明专利", "中国", "2023-02-29"]]
                sheets["纳税"]!.rows[0].set(1, .decimal(Decimal(string: "12.345")!))
                sheets["认证证书"]!.rows[0].set(0, "不存在的证书")
            }
            let audits = try await AuditEvent.query(on: app.db).count()
            // MUT
            let page = try await Self.uploadWorkbook(client, workbook)
            // validation
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("id=\"workbook-problems\""))
            #expect(page.body.contains("工作表「认证证书」第 2 行「类型」列：“不存在的证书”不是可填写的值"))
            #expect(page.body.contains("工作表「纳税」第 2 行「纳税额（元）」列：金额最多保留两位小数（分）"))
            #expect(page.body.contains("工作表「专利」第 2 行「授予日期」列：日期不存在"))
            let after = try await Self.enterprise(app)
            #expect(after.factsJSON == before.factsJSON)
            #expect(after.factsVersion == before.factsVersion)
            #expect(try await AuditEvent.query(on: app.db).count() == audits)
        }
    }

    @Test("changing the credit code is refused with a message and nothing is saved")
    func creditCodeChange() async throws {
        try await withTestApp(demo: true) { app in
            let client = try await Self.client(app, .enterprise)
            let before = try await Self.enterprise(app)
            let other = try await Self.enterprise(app, "demo-enterprise-grant")
            let workbook = try Self.edited(try await client.download("/enterprise/facts.xlsx").body) { sheets in
                sheets["基本信息"]!.rows[0].set(1, .text(other.creditCode))
            }
            let page = try await Self.uploadWorkbook(client, workbook)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("工作表「基本信息」第 2 行「统一社会信用代码」：不能通过上传修改：平台登记为“\(before.creditCode)”"))
            #expect(try await Self.enterprise(app).factsJSON == before.factsJSON)
        }
    }

    @Test("reviewers' attestations and the platform's history survive an upload")
    func attestationsSurvive() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let client = try await Self.client(app, .enterprise)
            let company = try await Self.enterprise(app)
            var facts = try #require(JSONText.decode(EnterpriseFacts.self, from: company.factsJSON))
            facts.attestations = [Attestation(key: "financialSoundness", finding: .met, by: "王秘书", on: CalendarDate(year: 2026, month: 5, day: 2)!)]
            facts.history = History(titles: [TitleRecord(programme: "sz-backbone", grantedOn: CalendarDate(year: 2020, month: 1, day: 1)!)],
                                    grants: [GrantRecord(programme: "sz2023-m09-award", policy: "sz-quality-brand-measures-2023",
                                                         matter: "award:guangdongQualityAward:2025", date: CalendarDate(year: 2026, month: 3, day: 1)!,
                                                         amount: Money(wan: 50))])
            company.factsJSON = JSONText.encode(facts)
            try await company.save(on: app.db)
            let workbook = try Self.edited(try await client.download("/enterprise/facts.xlsx").body) { sheets in
                #expect(sheets.keys.allSatisfy { !$0.contains("认定") })
                sheets["商标"]!.rows.append(["88888888", "中国", "2022-02-22"])
            }
            // MUT
            let page = try await Self.uploadWorkbook(client, workbook)
            // validation
            #expect(page.status == .seeOther)
            let stored = try #require(JSONText.decode(EnterpriseFacts.self, from: try await Self.enterprise(app).factsJSON))
            #expect(stored.attestations == facts.attestations)
            #expect(stored.history == facts.history)
            #expect(stored.trademarks.count == facts.trademarks.count + 1)
        }
    }

    // MARK: Evidence files

    @Test("evidence files: uploaded with what they prove, listed, downloadable by the enterprise alone")
    func evidence() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let client = try await Self.client(app, .enterprise)
            // The demo's applications already hold scans; count only what this test adds.
            let labelled = EvidenceFile.query(on: app.db).filter(\.$label != nil)
            let before = try await labelled.copy().count()
            // MUT: no label
            let unlabelled = try await client.upload("/enterprise/evidence", fields: ["label": " "], filename: "证书.pdf", data: Fixtures.pdf)
            #expect(unlabelled.status == .unprocessableEntity)
            #expect(unlabelled.body.contains(Strings.Profile.labelRequired.zh))
            #expect(try await labelled.copy().count() == before)
            // MUT
            let uploaded = try await client.upload("/enterprise/evidence", fields: ["label": "认证证书 CN-QMS-2024-0451"],
                                                   filename: "../ISO9001证书.pdf", data: Fixtures.pdf)
            // validation
            #expect(uploaded.status == .seeOther)
            let file = try #require(try await EvidenceFile.query(on: app.db).filter(\.$label == "认证证书 CN-QMS-2024-0451").first())
            #expect(try await labelled.copy().count() == before + 1)
            #expect(file.$enterprise.id == (try await Self.enterprise(app)).id)
            let page = try await client.get("/enterprise/profile?done=evidence")
            #expect(page.body.contains("ISO9001证书.pdf"))
            #expect(page.body.contains("认证证书 CN-QMS-2024-0451"))
            let path = "/enterprise/evidence/\(file.id!)"
            #expect(page.body.contains(path))
            let own = try await client.download(path)
            #expect(own.status == .ok)
            #expect(own.body == Fixtures.pdf)
            for who in [Who.anonymous, .district, .city] {
                let other = try await Self.client(app, who).download(path)
                #expect(other.status == (who == .anonymous ? .unauthorized : .notFound), "\(who)")
            }
            let otherEnterprise = TestClient(app)
            try await otherEnterprise.signIn("demo-enterprise-jm")
            #expect(try await otherEnterprise.download(path).status == .notFound)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "attach_evidence").count() == 1)
        }
    }

    @Test("a material of a submitted application may be downloaded by its district and the city, not another district")
    func materialEvidence() async throws {
        try await withTestApp(demo: true) { app in
            try await AccessControlTests.world(app) { world in
                let material = try #require(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == world.submitted).first())
                let path = "/enterprise/evidence/\(material.$file.id)"
                for (username, expected) in [("demo-district-nanshan", HTTPStatus.ok), ("demo-city", .ok),
                                             ("demo-district-pengjiang", .notFound), ("demo-enterprise-sz", .ok),
                                             ("demo-enterprise-jm", .notFound), ("demo-expert-1", .notFound)] {
                    let client = TestClient(app)
                    try await client.signIn(username)
                    #expect(try await client.download(path).status == expected, "\(username)")
                }
            }
        }
    }
}

extension TestClient {
    struct Download {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: Data
    }

    /// A GET whose body is bytes (a workbook, a file), with the client's cookies.
    func download(_ path: String) async throws -> Download {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(.GET, path, headers: headers)
        return Download(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}
