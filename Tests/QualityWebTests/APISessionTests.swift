import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("JSON API: tokens, sign-up, the enterprise's own record")
struct APISessionTests {
    @Test("a token is issued, names its account, is stored hashed, and ends with DELETE /session")
    func tokenLifecycle() async throws {
        try await withTestApp(demo: true) { app in
            // MUT
            let reply = try await APIClient(app).post("/api/v1/session", json: ["username": "demo-district-nanshan", "password": DemoCity.password])
            // validation
            #expect(reply.status == .created)
            #expect(reply.headers.first(name: .setCookie).map { $0.contains(SessionAuthenticator.cookieName) } != true)
            let session = try reply.decode(SessionDTO.self)
            #expect(session.account.role == .districtOfficer)
            #expect(session.account.district == "南山区")
            #expect(session.account.enterpriseId == nil)
            #expect(abs(session.expiresAt.timeIntervalSince(app.qualityCity.clock.now()) - SessionAuthenticator.apiLifetime) < 2)
            let stored = try #require(try await UserSession.query(on: app.db).filter(\.$kind == "api").first())
            #expect(stored.tokenHash == SessionAuthenticator.hash(session.token))

            let client = APIClient(app, token: session.token)
            let me = try await client.get("/api/v1/me")
            #expect(me.status == .ok)
            #expect(me.headers.first(name: .cacheControl) == "no-store")
            #expect(try me.decode(AccountDTO.self).username == "demo-district-nanshan")
            #expect(try await client.delete("/api/v1/session").status == .noContent)
            #expect(try await UserSession.query(on: app.db).filter(\.$kind == "api").count() == 0)
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("missing credentials are 422 with fields; a wrong password is 401")
    func badCredentials() async throws {
        try await withTestApp(demo: true) { app in
            let missing = try await APIClient(app).post("/api/v1/session", json: ["username": "demo-city"])
            #expect(missing.status == .unprocessableEntity)
            #expect(try missing.error.fields?["password"] != nil)
            let wrong = try await APIClient(app).post("/api/v1/session", json: ["username": "demo-city", "password": "nope"])
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.error.message == Strings.Login.failed)
        }
    }

    @Test("an API call that relies on the browser's session cookie still needs the anti-forgery token")
    func cookieNeedsCSRF() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a browser signed in on the site
            let browser = TestClient(app)
            try await browser.signIn("demo-enterprise-sz")
            let call = try await APIClient(app).get("/api/v1/calls").decode(CallListDTO.self).calls.first { $0.accepting }
            let path = "/api/v1/calls/\(try #require(call).id)/applications"
            // MUT: a forged cross-site request carries the cookie but not the token
            let forged = try await browser.send(.POST, path, headers: [:], body: nil)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: CSRFMiddleware.headerName, value: try #require(browser.csrfToken))
            let genuine = try await browser.send(.POST, path, headers: headers, body: nil)
            // validation
            #expect(forged.status == .forbidden)
            #expect(genuine.status == .created)
            #expect(try await CallApplication.query(on: app.db).filter(\.$call.$id == (try #require(call)).id).count() == 1)
        }
    }

    @Test("an enterprise signs up through the API, signs in, and sees each open call with the engine's assessment")
    func signUpAndHome() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a valid code for 南山区 (division 440305)
            let code = try #require(CreditCode.withCheckDigit("91440305MA5QCAP01")).value
            // MUT
            let reply = try await APIClient(app).post("/api/v1/enterprises", json: [
                "creditCode": code, "name": "深圳市接口测试科技有限公司", "district": "南山区", "registeredOn": "2015-06-01",
                "legalForm": "legalPerson", "industryCode": "C3981", "contactName": "张经理", "contactPhone": "0755-83177171",
                "username": "api-test", "password": "apitest2026", "passwordConfirmation": "apitest2026",
            ])
            // validation
            #expect(reply.status == .created, "\(reply.text)")
            let result = try reply.decode(SignUpResultDTO.self)
            #expect(result.account.role == .enterprise)
            #expect(result.account.enterpriseId == result.enterprise.id)
            #expect(result.enterprise.creditCode == code)
            let again = try await APIClient(app).post("/api/v1/enterprises", json: [
                "creditCode": code, "name": "重复", "district": "南山区", "registeredOn": "2015-06-01", "legalForm": "legalPerson",
                "industryCode": "C", "contactName": "李", "contactPhone": "13800138000", "username": "api-test-2", "password": "apitest2026",
            ])
            #expect(again.status == .unprocessableEntity)
            #expect(try again.error.fields?["creditCode"] != nil)

            let enterprise = try await APIClient.signedIn(app, "api-test", password: "apitest2026")
            let home = try await enterprise.get("/api/v1/enterprise")
            #expect(home.status == .ok)
            let model = try home.decode(EnterpriseHomeDTO.self)
            #expect(model.enterprise.id == result.enterprise.id)
            #expect(!model.openCalls.isEmpty)
            #expect(model.openCalls.allSatisfy { $0.call.accepting && $0.assessment != nil && $0.applicationId == nil })
            #expect(model.applications.isEmpty)
            if case .object(let facts) = model.facts { #expect(facts["registration"] != nil) } else { Issue.record("facts missing") }
        }
    }
}
