import Fluent
import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Testing
import Vapor

/// Drives applications through the whole procedure over HTTP, one person at a time, as the pages do.
struct DecisionCycle {
    let app: Application
    let callID: UUID

    /// Gives a demo enterprise a sign-in (setup only: demo enterprises other than three come without one).
    static func account(for profile: DemoEnterprises.Profile, index: Int = 0, facts: DemoEnterprises.Profile? = nil, on app: Application) async throws -> String {
        let spec = DemoEnterprises.specs.filter { $0.profile == profile }[index]
        let enterprise = try #require(try await Enterprise.query(on: app.db).filter(\.$name == spec.name).first())
        if let facts, let code = CreditCode(enterprise.creditCode) {
            var reshaped = spec
            reshaped.profile = facts
            enterprise.factsJSON = DemoFacts.facts(for: reshaped, creditCode: code, today: app.qualityCity.clock.today())
            try await enterprise.update(on: app.db)
        }
        let username = "test-\(enterprise.creditCode.lowercased())"
        if try await Account.query(on: app.db).filter(\.$username == username).first() == nil {
            let hash = try await app.password.async.hash(DemoCity.password)
            try await Account(username: username, displayName: enterprise.name, passwordHash: hash, role: .enterprise,
                              district: enterprise.district, enterpriseID: enterprise.id).create(on: app.db)
        }
        return username
    }

    func apply(_ username: String) async throws -> UUID {
        let client = TestClient(app)
        try await client.signIn(username)
        let id = try #require(TestClient.applicationID(fromLocation: try await client.post("/calls/\(callID)/apply", form: [:]).location))
        var page = try await client.get("/applications/\(id)")
        var form = Fixtures.completeForm
        form["version"] = try #require(TestClient.version(in: page.body))
        _ = try await client.post("/applications/\(id)/form", form: form)
        for key in ["m1", "m2"] {
            _ = try await client.upload("/applications/\(id)/materials", fields: ["materialKey": key], filename: "\(key).pdf", data: Fixtures.pdf)
        }
        page = try await client.get("/applications/\(id)")
        let submitted = try await client.post("/applications/\(id)/submit", form: ["version": try #require(TestClient.version(in: page.body)),
                                                                                  "commitment": "accepted"])
        #expect(submitted.status == .seeOther, "submit failed: \(submitted.body.prefix(500))")
        return id
    }

    func forward(_ id: UUID) async throws {
        let application = try #require(try await CallApplication.find(id, on: app.db))
        let officer = try #require(try await Account.query(on: app.db).filter(\.$role == .districtOfficer)
            .filter(\.$district == application.district).first())
        let client = TestClient(app)
        try await client.signIn(officer.username)
        let page = try await client.get("/applications/\(id)")
        let done = try await client.post("/applications/\(id)/forward", form: [
            "version": try #require(TestClient.version(in: page.body)), "opinion": "经核实，同意推荐。", "recommend": "yes"])
        #expect(done.status == .seeOther)
    }

    /// The city decides every clause that needs a finding as met, and passes the eligibility review.
    func passEligibility(_ id: UUID, city: TestClient) async throws {
        let page = try await city.get("/applications/\(id)")
        var form = ["version": try #require(TestClient.version(in: page.body)), "decision": "pass", "reason": "符合申报条件"]
        for key in Self.findingKeys(in: page.body) { form["finding.\(key)"] = "met" }
        let done = try await city.post("/applications/\(id)/eligibility", form: form)
        #expect(done.status == .seeOther, "eligibility failed: \(done.body.prefix(800))")
    }

    func onSite(_ id: UUID, city: TestClient) async throws {
        let page = try await city.get("/applications/\(id)")
        let done = try await city.post("/applications/\(id)/onsite", form: [
            "version": try #require(TestClient.version(in: page.body)), "decision": "pass", "findings": "现场抽查验证，材料属实。"])
        #expect(done.status == .seeOther)
    }

    static func findingKeys(in html: String) -> [String] {
        var keys: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "name=\"finding.") {
            let tail = rest[range.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            let key = String(tail[..<end])
            if !keys.contains(key) { keys.append(key) }
            rest = tail[end...]
        }
        return keys
    }

    /// The seats drawn for an application: (seat id, expert's user name), excluding recused ones.
    func seats(_ applicationID: UUID) async throws -> [(UUID, String)] {
        try await PanelAssignment.query(on: app.db).filter(\.$application.$id == applicationID).filter(\.$status != .recused)
            .with(\.$expert) { $0.with(\.$account) }.all().map { ($0.id!, $0.expert.account.username) }
    }

    /// An expert declares no conflict and scores to the given total (in whole points), indicator by indicator.
    func score(seat: UUID, expert username: String, total: Int) async throws {
        let client = TestClient(app)
        try await client.signIn(username)
        if try await PanelAssignment.find(seat, on: app.db)?.status == .assigned {
            let declared = try await client.post("/reviews/\(seat)/declare", form: ["conflict": "no"])
            #expect(declared.status == .seeOther)
        }
        let call = try #require(try await Call.find(callID, on: app.db))
        let rubric = try #require(try app.qualityCity.assessor.scoringRubric(programmeID: call.programmeID, customYAML: call.rubricYAML))
        var remaining = total * 100
        var form = ["opinion": "企业质量管理基础扎实，建议关注持续改进。"]
        for indicator in rubric.indicators {
            let points = min(indicator.maximum, remaining)
            remaining -= points
            form["points.\(indicator.id)"] = Points(hundredths: points).description
            form["justification.\(indicator.id)"] = "依据申报材料核实。"
        }
        let submitted = try await client.post("/reviews/\(seat)/scores", form: form)
        #expect(submitted.status == .seeOther, "scores refused: \(submitted.body.prefix(600))")
    }
}
