import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("JSON API: every refusal is an ErrorBody with the right status, in both languages, and changes nothing")
struct APIErrorTests {
    /// Every error answer has a code and both texts.
    static func expectError(_ reply: APIClient.Reply, _ status: HTTPStatus, code: String? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.headers.contentType?.subType == "json", sourceLocation: sourceLocation)
        let error = try reply.error
        #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty, sourceLocation: sourceLocation)
        #expect(error.message.zh != error.message.en, sourceLocation: sourceLocation)
        if let code { #expect(error.code == code, sourceLocation: sourceLocation) }
    }

    @Test("401: no token, an unknown token, a signed-out token, an expired token")
    func unauthorized() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            // MUT + validation
            let none = try await APIClient(app).get("/api/v1/me")
            try Self.expectError(none, .unauthorized, code: "sign_in_required")
            #expect(none.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            try Self.expectError(try await APIClient(app, token: "not-a-token").get("/api/v1/applications"), .unauthorized)

            let signedOut = try await APIClient.signedIn(app, "demo-city")
            #expect(try await signedOut.delete("/api/v1/session").status == .noContent)
            try Self.expectError(try await signedOut.get("/api/v1/me"), .unauthorized)

            let expiring = try await APIClient.signedIn(app, "demo-city")
            #expect(try await expiring.get("/api/v1/me").status == .ok)
            clock.advance(seconds: SessionAuthenticator.apiLifetime + 1)
            try Self.expectError(try await expiring.get("/api/v1/me"), .unauthorized)
        }
    }

    @Test("403: a role calling another role's route")
    func forbidden() async throws {
        try await withTestApp(demo: true) { app in
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            let committee = try await APIClient.signedIn(app, "demo-committee")
            let call = try await enterprise.openBackboneCall()
            let id = UUID()
            try Self.expectError(try await enterprise.post("/api/v1/applications/\(id)/forward",
                                                           json: ["version": 1, "opinion": "x", "recommend": true]), .forbidden, code: "forbidden")
            try Self.expectError(try await district.post("/api/v1/calls", json: ["programmeId": "sz-backbone"]), .forbidden)
            try Self.expectError(try await district.post("/api/v1/calls/\(call.id)/applications"), .forbidden)
            try Self.expectError(try await committee.get("/api/v1/applications"), .forbidden)
            try Self.expectError(try await district.get("/api/v1/enterprise"), .forbidden)
        }
    }

    @Test("404: an unknown id, a malformed id, a draft call, a material not uploaded")
    func notFound() async throws {
        try await withTestApp(demo: true) { app in
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            try Self.expectError(try await enterprise.get("/api/v1/applications/\(UUID())"), .notFound, code: "not_found")
            try Self.expectError(try await enterprise.get("/api/v1/applications/not-a-uuid"), .notFound)
            try Self.expectError(try await APIClient(app).get("/api/v1/calls/\(UUID())"), .notFound)
            try Self.expectError(try await enterprise.post("/api/v1/calls/\(UUID())/applications"), .notFound)
            try Self.expectError(try await enterprise.post("/api/v1/inbox/\(UUID())/read"), .notFound)
            let call = try await enterprise.openBackboneCall()
            let draft = try await enterprise.post("/api/v1/calls/\(call.id)/applications").decode(ApplicationDetailDTO.self)
            try Self.expectError(try await enterprise.get("/api/v1/applications/\(draft.id)/materials/licence"), .notFound)
        }
    }

    @Test("409: an action the stage does not allow, a stale version, a closed call, a passed correction deadline")
    func conflicts() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            // setup
            var enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let prepared = try await enterprise.preparedApplication(to: call.id)
            // A stale version: nothing is saved.
            let stale = try await enterprise.put("/api/v1/applications/\(prepared.id)/form",
                                                 json: ["version": prepared.version - 1, "summary": "旧版本"])
            try Self.expectError(stale, .conflict, code: "conflict")
            let unchanged = try await enterprise.get("/api/v1/applications/\(prepared.id)").decode(ApplicationDetailDTO.self)
            #expect(unchanged.form.summary == prepared.form.summary && unchanged.version == prepared.version)

            // After the call's last day (Asia/Shanghai), submission is refused. (The token would have expired:
            // an API session lasts 30 days.)
            clock.set(call.closesOn.adding(days: 1))
            enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            try Self.expectError(try await enterprise.post("/api/v1/applications/\(prepared.id)/submit",
                                                           json: ["version": prepared.version, "commitmentAccepted": true]), .conflict)
            clock.set(call.closesOn)
            let submitted = try await enterprise.post("/api/v1/applications/\(prepared.id)/submit",
                                                      json: ["version": prepared.version, "commitmentAccepted": true])
            #expect(submitted.status == .ok)

            // The city cannot review eligibility before the district forwards; the district cannot return twice.
            let city = try await APIClient.signedIn(app, "demo-city")
            let version = try submitted.decode(ApplicationDetailDTO.self).version
            try Self.expectError(try await city.post("/api/v1/applications/\(prepared.id)/eligibility",
                                                     json: ["version": version, "decision": "fail", "reason": "不符合"]), .conflict)
            try Self.expectError(try await city.post("/api/v1/applications/\(prepared.id)/onsite",
                                                     json: ["version": version, "decision": "pass", "findings": "一致"]), .conflict)
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            let returned = try await district.post("/api/v1/applications/\(prepared.id)/return",
                                                   json: ["version": version, "reason": "请补正", "deadline": clock.today().adding(days: 3).iso])
            #expect(returned.status == .ok)
            let afterReturn = try returned.decode(ApplicationDetailDTO.self)
            try Self.expectError(try await district.post("/api/v1/applications/\(prepared.id)/forward",
                                                         json: ["version": afterReturn.version, "opinion": "同意", "recommend": true]), .conflict)

            // After the correction deadline, resubmission is refused.
            clock.set(clock.today().adding(days: 4))
            try Self.expectError(try await enterprise.post("/api/v1/applications/\(prepared.id)/submit",
                                                           json: ["version": afterReturn.version, "commitmentAccepted": true]), .conflict)
            #expect(try await enterprise.get("/api/v1/applications/\(prepared.id)").decode(ApplicationDetailDTO.self).stage == .returned)
        }
    }

    @Test("413: an upload above the limit is refused and nothing is attached")
    func tooLarge() async throws {
        try await withTestApp(demo: true) { app in
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let draft = try await enterprise.post("/api/v1/calls/\(call.id)/applications").decode(ApplicationDetailDTO.self)
            var big = SampleFiles.pdf
            big.append(Data(count: app.qualityCity.configuration.maxUploadBytes))
            // MUT
            let reply = try await enterprise.upload("/api/v1/applications/\(draft.id)/materials/licence", data: big,
                                                    contentType: "application/pdf", filename: "big.pdf")
            // validation
            try Self.expectError(reply, .payloadTooLarge, code: "too_large")
            #expect(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == draft.id).count() == 0)
        }
    }

    @Test("415: a body that is not JSON, an upload of an unaccepted type, content that is not what it claims")
    func unsupportedMediaType() async throws {
        try await withTestApp(demo: true) { app in
            var headers = HTTPHeaders()
            headers.contentType = .plainText
            let notJSON = try await APIClient(app).send(.POST, "/api/v1/session", headers: headers,
                                                        body: ByteBuffer(string: "username=demo-city&password=demo12345"))
            try Self.expectError(notJSON, .unsupportedMediaType, code: "unsupported_media_type")
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let draft = try await enterprise.post("/api/v1/calls/\(call.id)/applications").decode(ApplicationDetailDTO.self)
            let path = "/api/v1/applications/\(draft.id)/materials/licence"
            try Self.expectError(try await enterprise.upload(path, data: Data("hello".utf8), contentType: "text/plain", filename: "a.txt"),
                                 .unsupportedMediaType)
            try Self.expectError(try await enterprise.upload(path, data: SampleFiles.png, contentType: "application/pdf", filename: "a.pdf"),
                                 .unsupportedMediaType)
            try Self.expectError(try await enterprise.upload(path, data: Data("MZ\u{90}".utf8), contentType: "application/octet-stream",
                                                             filename: "a.exe"), .unsupportedMediaType)
            #expect(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == draft.id).count() == 0)
        }
    }

    @Test("422: field problems are named in `fields`, in both languages; nothing is saved")
    func unprocessable() async throws {
        try await withTestApp(demo: true) { app in
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await enterprise.openBackboneCall()
            let draft = try await enterprise.post("/api/v1/calls/\(call.id)/applications").decode(ApplicationDetailDTO.self)
            let form = "/api/v1/applications/\(draft.id)/form"

            let badPhone = try await enterprise.put(form, json: ["version": draft.version, "contactPhone": "电话", "address": "新地址"])
            try Self.expectError(badPhone, .unprocessableEntity, code: "invalid_input")
            #expect(try badPhone.error.fields?["contactPhone"]?.en.contains("phone") == true)
            let after = try await enterprise.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self)
            #expect(after.version == draft.version && after.form.address == draft.form.address)

            let unknown = try await enterprise.put(form, json: ["version": draft.version, "creditCode": "91440300MA5QC0001X"])
            try Self.expectError(unknown, .unprocessableEntity)
            #expect(try unknown.error.fields?["creditCode"] == Strings.API.unknownField)
            let wrongType = try await enterprise.put(form, json: ["version": "1"])
            #expect(try wrongType.error.fields?["version"] != nil)
            let null = try await enterprise.put(form, json: ["version": draft.version, "summary": NSNull()])
            #expect(try null.error.fields?["summary"] == Strings.API.notNull)
            let missing = try await enterprise.put(form, json: ["summary": "没有版本号"])
            #expect(try missing.error.fields?["version"] == Strings.API.requiredField)
            var headers = HTTPHeaders()
            headers.contentType = .json
            let malformed = try await enterprise.send(.PUT, form, headers: headers, body: ByteBuffer(string: "{\"version\": "))
            try Self.expectError(malformed, .unprocessableEntity)

            // Submitting an incomplete application names what is missing.
            let incomplete = try await enterprise.post("/api/v1/applications/\(draft.id)/submit",
                                                       json: ["version": draft.version, "commitmentAccepted": true])
            try Self.expectError(incomplete, .unprocessableEntity)
            #expect(try incomplete.error.fields?["legalRepresentative"] != nil)
            let prepared = try await enterprise.preparedApplication(to: call.id)
            let uncommitted = try await enterprise.post("/api/v1/applications/\(draft.id)/submit",
                                                        json: ["version": prepared.version, "commitmentAccepted": false])
            #expect(try uncommitted.error.fields?["commitmentAccepted"] != nil)

            let noFilename = try await enterprise.upload("/api/v1/applications/\(draft.id)/materials/licence", data: SampleFiles.pdf,
                                                         contentType: "application/pdf", filename: nil)
            #expect(try noFilename.error.fields?["filename"] != nil)
            let unknownMaterial = try await enterprise.upload("/api/v1/applications/\(draft.id)/materials/nonesuch", data: SampleFiles.pdf,
                                                              contentType: "application/pdf", filename: "x.pdf")
            try Self.expectError(unknownMaterial, .unprocessableEntity)

            let badFilter = try await enterprise.get("/api/v1/applications?stage=nonesuch")
            #expect(try badFilter.error.fields?["stage"] != nil)
            #expect(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == prepared.id).count() == prepared.materials.count)
            #expect(try await enterprise.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self).stage == .draft)
        }
    }

    @Test("422 on sign-up lists every problem at once, the credit code's check digit among them")
    func signUpProblems() async throws {
        try await withTestApp(demo: true) { app in
            let reply = try await APIClient(app).post("/api/v1/enterprises", json: [
                "creditCode": "91440300MA5QC00010", "name": "", "district": "火星区", "registeredOn": "2015-02-30",
                "legalForm": "legalPerson", "industryCode": "C3981", "contactName": "张经理", "contactPhone": "0755-83177171",
                "username": "ab", "password": "short",
            ])
            try Self.expectError(reply, .unprocessableEntity)
            let fields = try reply.error.fields ?? [:]
            #expect(Set(fields.keys) == ["creditCode", "name", "district", "registeredOn", "username", "password"])
            #expect(try await Account.query(on: app.db).filter(\.$username == "ab").count() == 0)
        }
    }

    @Test("429: the fifth failure locks the user name, for the API and the sign-in page alike")
    func throttled() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            let api = APIClient(app)
            // Failures on the page and through the API count together.
            let page = TestClient(app)
            for attempt in 1...2 {
                #expect(try await page.post("/login", form: ["username": "demo-city", "password": "wrong\(attempt)"]).status == .unauthorized)
            }
            for attempt in 3...LoginController.maxFailures {
                let failed = try await api.post("/api/v1/session", json: ["username": "demo-city", "password": "wrong\(attempt)"])
                try Self.expectError(failed, .unauthorized, code: "sign_in_failed")
            }
            let locked = try await api.post("/api/v1/session", json: ["username": "demo-city", "password": DemoCity.password])
            try Self.expectError(locked, .tooManyRequests, code: "throttled")
            #expect(try locked.error.message.zh.contains("15 分钟"))
            #expect(try await page.post("/login", form: ["username": "demo-city", "password": DemoCity.password]).status == .tooManyRequests)
            clock.advance(seconds: LoginController.window + 1)
            _ = try await APIClient.signedIn(app, "demo-city")
        }
    }
}
