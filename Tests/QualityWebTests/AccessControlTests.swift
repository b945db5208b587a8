import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Issue 4: no role reaches what it must not — another district, another enterprise, another stage's actions.
@Suite("Who may do what: roles × routes")
struct AccessControlTests {
    /// A submitted application of the Nanshan demo enterprise, a draft of the Jiangmen one, and the clients.
    struct World {
        var app: Application
        var submitted: UUID
        var draft: UUID
        var version: String
    }

    static func world(_ app: Application, _ body: (World) async throws -> Void) async throws {
        let today = app.qualityCity.clock.today()
        let callID = try await ApplicationFlowTests.publishCall(app, programme: "sz-backbone", opens: today, closes: today.adding(days: 20))
        let sz = TestClient(app)
        try await sz.signIn("demo-enterprise-sz")
        let submitted = try #require(TestClient.applicationID(fromLocation: try await sz.post("/calls/\(callID)/apply", form: [:]).location))
        var page = try await sz.get("/applications/\(submitted)")
        _ = try await sz.post("/applications/\(submitted)/form", form: Fixtures.completeForm.merging(["version": TestClient.version(in: page.body)!]) { $1 })
        for key in ["m1", "m2"] {
            _ = try await sz.upload("/applications/\(submitted)/materials", fields: ["materialKey": key], filename: "a.pdf", data: Fixtures.pdf)
        }
        page = try await sz.get("/applications/\(submitted)")
        _ = try await sz.post("/applications/\(submitted)/submit", form: ["version": TestClient.version(in: page.body)!, "commitment": "accepted"])
        #expect(try await CallApplication.find(submitted, on: app.db)?.stage == .submitted)
        let jm = TestClient(app)
        try await jm.signIn("demo-enterprise-jm")
        let draft = try #require(TestClient.applicationID(fromLocation: try await jm.post("/calls/\(callID)/apply", form: [:]).location))
        let version = String(try #require(try await CallApplication.find(submitted, on: app.db)).version)
        try await body(World(app: app, submitted: submitted, draft: draft, version: version))
    }

    enum Who: String, CaseIterable {
        case anonymous, ownEnterprise = "demo-enterprise-sz", otherEnterprise = "demo-enterprise-jm"
        case ownDistrict = "demo-district-nanshan", otherDistrict = "demo-district-pengjiang"
        case city = "demo-city", expert = "demo-expert-1", committee = "demo-committee", finance = "demo-finance"
    }

    static func client(_ app: Application, _ who: Who) async throws -> TestClient {
        let client = TestClient(app)
        if who == .anonymous { try await client.get("/login") } else { try await client.signIn(who.rawValue) }
        return client
    }

    @Test("reading an application: only its enterprise, its district and the city", arguments: Who.allCases)
    func read(who: Who) async throws {
        try await withTestApp(demo: true) { app in
            try await Self.world(app) { world in
                let client = try await Self.client(app, who)
                let page = try await client.get("/applications/\(world.submitted)")
                let expected: HTTPStatus = switch who {
                case .anonymous: .unauthorized
                case .ownEnterprise, .ownDistrict, .city: .ok
                default: .notFound
                }
                #expect(page.status == expected, "\(who) reading a submitted application")
                if expected == .ok { #expect(page.body.contains("测试企业有限公司")) }
                // A draft is the enterprise's own business: even its district and the city do not see it.
                let draft = try await client.get("/applications/\(world.draft)")
                let draftExpected: HTTPStatus = switch who {
                case .anonymous: .unauthorized
                case .otherEnterprise: .ok
                default: .notFound
                }
                #expect(draft.status == draftExpected, "\(who) reading another's draft")
                // The list shows nothing that the reader may not open.
                let list = try await client.get("/applications")
                if [.ownEnterprise, .ownDistrict, .city].contains(who) {
                    #expect(list.body.contains(world.submitted.uuidString))
                } else {
                    #expect(!list.body.contains(world.submitted.uuidString))
                }
                #expect(!list.body.contains(world.draft.uuidString) || who == .otherEnterprise)
            }
        }
    }

    @Test("acting on an application: each action only by its role, its district, its stage", arguments: Who.allCases)
    func act(who: Who) async throws {
        try await withTestApp(demo: true) { app in
            try await Self.world(app) { world in
                let client = try await Self.client(app, who)
                let deadline = app.qualityCity.clock.today().adding(days: 5).iso
                let attempts: [(String, [String: String], [Who: HTTPStatus])] = [
                    ("forward", ["opinion": "同意", "recommend": "yes"], [.ownDistrict: .seeOther]),
                    ("return", ["reason": "补充", "deadline": deadline], [.ownDistrict: .seeOther]),
                    ("eligibility", ["decision": "pass"], [:]),
                    ("onsite", ["decision": "pass", "findings": "属实"], [:]),
                    ("submit", ["commitment": "accepted"], [:]),
                    ("withdraw", [:], [.ownEnterprise: .seeOther]),
                ]
                for (action, fields, allowed) in attempts {
                    let before = try #require(try await CallApplication.find(world.submitted, on: app.db))
                    let response = try await client.post("/applications/\(world.submitted)/\(action)",
                                                         form: fields.merging(["version": String(before.version)]) { $1 })
                    let roleOfRoute: Set<Who> = switch action {
                    case "forward", "return": [.ownDistrict, .otherDistrict]
                    case "eligibility", "onsite": [.city]
                    default: [.ownEnterprise, .otherEnterprise]
                    }
                    let expected: HTTPStatus
                    if who == .anonymous {
                        expected = .unauthorized
                    } else if let status = allowed[who] {
                        expected = status
                    } else if !roleOfRoute.contains(who) {
                        expected = .forbidden
                    } else if who == .otherDistrict || who == .otherEnterprise {
                        expected = .notFound
                    } else {
                        expected = .conflict   // the right role, the wrong stage
                    }
                    #expect(response.status == expected, "\(who) → \(action): \(response.status)")
                    let after = try #require(try await CallApplication.find(world.submitted, on: app.db))
                    if expected == .seeOther {
                        #expect(after.version == before.version + 1)
                        return   // the application moved on; the rest of the table assumed "submitted"
                    } else {
                        #expect(after.stage == before.stage && after.version == before.version, "\(who) → \(action) changed something")
                    }
                }
            }
        }
    }

    @Test("secretariat pages are for the city officer only", arguments: Who.allCases)
    func adminPages(who: Who) async throws {
        try await withTestApp(demo: true) { app in
            let client = try await Self.client(app, who)
            let expected: HTTPStatus = who == .anonymous ? .unauthorized : (who == .city ? .ok : .forbidden)
            #expect(try await client.get("/admin/calls").status == expected)
            #expect(try await client.get("/admin/accounts").status == expected)
            let created = try await client.post("/admin/accounts", form: [
                "username": "new-officer-\(who)", "displayName": "新", "role": "city_officer", "password": "abcd12345"])
            #expect(created.status == (who == .city ? .seeOther : expected))
            let exists = try await Account.query(on: app.db).filter(\.$username == "new-officer-\(who)".lowercased()).count()
            #expect(exists == (who == .city ? 1 : 0))
        }
    }

    @Test("a material file is served only to those who may see the application")
    func files() async throws {
        try await withTestApp(demo: true) { app in
            try await Self.world(app) { world in
                let material = try #require(try await ApplicationMaterial.query(on: app.db)
                    .filter(\.$application.$id == world.submitted).first())
                let path = "/applications/\(world.submitted)/files/\(material.$file.id)"
                for who in Who.allCases {
                    let client = try await Self.client(app, who)
                    let response = try await client.get(path)
                    let expected: HTTPStatus = switch who {
                    case .anonymous: .unauthorized
                    case .ownEnterprise, .ownDistrict, .city: .ok
                    default: .notFound
                    }
                    #expect(response.status == expected, "\(who) downloading a material")
                    if expected == .ok {
                        #expect(response.body.hasPrefix("%PDF-"))
                        #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                    }
                }
            }
        }
    }
}
