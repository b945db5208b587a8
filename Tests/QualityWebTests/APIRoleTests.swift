import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("JSON API: no role reaches what it must not — another enterprise, another district, another role's actions")
struct APIRoleTests {
    enum Who: String, CaseIterable, CustomStringConvertible {
        case anonymous, owner, otherEnterprise, district, otherDistrict, city, committee

        var username: String? {
            switch self {
            case .anonymous: nil
            case .owner: "demo-enterprise-sz"
            case .otherEnterprise: "demo-enterprise-grant"
            case .district: "demo-district-nanshan"
            case .otherDistrict: "demo-district-pengjiang"
            case .city: "demo-city"
            case .committee: "demo-committee"
            }
        }

        var description: String { rawValue }
    }

    /// One request and the status each person gets. Bodies carry a stale version, so a person who passes the
    /// role and district checks is stopped by the version or stage (409, 422): nothing ever changes.
    struct Case: Sendable {
        var method: HTTPMethod
        var path: String
        var json: [String: any Sendable]?
        var upload: Bool = false
        var expected: [Who: HTTPStatus]
    }

    static func cases(application id: UUID, call: UUID, deadline: String) -> [Case] {
        let stale = 0
        let read: [Who: HTTPStatus] = [.anonymous: .unauthorized, .owner: .ok, .otherEnterprise: .notFound, .district: .ok,
                                       .otherDistrict: .notFound, .city: .ok, .committee: .notFound]
        func only(_ who: [Who: HTTPStatus]) -> [Who: HTTPStatus] {
            var all: [Who: HTTPStatus] = Dictionary(uniqueKeysWithValues: Who.allCases.map { ($0, HTTPStatus.forbidden) })
            all[.anonymous] = .unauthorized
            return all.merging(who) { $1 }
        }
        let enterprise = only([.owner: .conflict, .otherEnterprise: .notFound])
        let district = only([.district: .conflict, .otherDistrict: .notFound])
        let city = only([.city: .conflict])
        let base = "/api/v1/applications/\(id)"
        return [
            Case(method: .GET, path: base, expected: read),
            Case(method: .GET, path: base + "/materials/licence", expected: read),
            Case(method: .PUT, path: base + "/form", json: ["version": stale, "summary": "改"], expected: enterprise),
            Case(method: .PUT, path: base + "/materials/licence", upload: true, expected: enterprise),
            Case(method: .POST, path: base + "/submit", json: ["version": stale, "commitmentAccepted": true], expected: enterprise),
            Case(method: .POST, path: base + "/withdraw", json: ["version": stale], expected: enterprise),
            Case(method: .POST, path: base + "/return", json: ["version": stale, "reason": "补正", "deadline": deadline], expected: district),
            Case(method: .POST, path: base + "/forward", json: ["version": stale, "opinion": "同意", "recommend": true], expected: district),
            Case(method: .POST, path: base + "/eligibility", json: ["version": stale, "decision": "fail", "reason": "不符"], expected: city),
            Case(method: .POST, path: base + "/onsite", json: ["version": stale, "decision": "pass", "findings": "一致"], expected: city),
            Case(method: .GET, path: "/api/v1/applications", expected: only([.owner: .ok, .otherEnterprise: .ok, .district: .ok,
                                                                             .otherDistrict: .ok, .city: .ok])),
            Case(method: .GET, path: "/api/v1/enterprise", expected: only([.owner: .ok, .otherEnterprise: .ok])),
            Case(method: .GET, path: "/api/v1/enterprise/facts", expected: only([.owner: .ok, .otherEnterprise: .ok])),
            Case(method: .PUT, path: "/api/v1/enterprise/contact", json: ["contactName": "改", "contactPhone": "不是电话"],
                 expected: only([.owner: .unprocessableEntity, .otherEnterprise: .unprocessableEntity])),
            Case(method: .POST, path: "/api/v1/calls/\(UUID())/applications", expected: only([.owner: .notFound, .otherEnterprise: .notFound])),
            Case(method: .POST, path: "/api/v1/calls", json: ["programmeId": "nonesuch", "opensOn": "x", "closesOn": "y"],
                 expected: only([.city: .unprocessableEntity])),
            Case(method: .POST, path: "/api/v1/calls/\(call)/stage", json: ["stage": "final"], expected: only([.city: .conflict])),
            Case(method: .GET, path: "/api/v1/inbox", expected: only(Dictionary(uniqueKeysWithValues: Who.allCases.dropFirst().map { ($0, .ok) }))),
            Case(method: .GET, path: "/api/v1/me", expected: only(Dictionary(uniqueKeysWithValues: Who.allCases.dropFirst().map { ($0, .ok) }))),
        ]
    }

    @Test("role × route: every API route answers each person as the table says, and nothing changes")
    func matrix() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a submitted application of a 南山区 enterprise, with its materials
            let owner = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await owner.openBackboneCall()
            let prepared = try await owner.preparedApplication(to: call.id)
            let submitted = try await owner.post("/api/v1/applications/\(prepared.id)/submit",
                                                 json: ["version": prepared.version, "commitmentAccepted": true])
            let before = try submitted.decode(ApplicationDetailDTO.self)
            #expect(before.stage == .submitted)
            var clients: [Who: APIClient] = [.anonymous: APIClient(app)]
            for who in Who.allCases {
                if let username = who.username { clients[who] = try await APIClient.signedIn(app, username) }
            }
            let auditRows = try await AuditEvent.query(on: app.db).count()
            let deadline = app.qualityCity.clock.today().adding(days: 7).iso

            // MUT
            for testCase in Self.cases(application: prepared.id, call: call.id, deadline: deadline) {
                for who in Who.allCases {
                    let client = try #require(clients[who])
                    let reply: APIClient.Reply
                    if testCase.upload {
                        reply = try await client.upload(testCase.path, data: SampleFiles.pdf, contentType: "application/pdf", filename: "x.pdf")
                    } else {
                        reply = try await client.sendJSON(testCase.method, testCase.path, json: testCase.json, headers: [:])
                    }
                    // validation
                    #expect(reply.status == testCase.expected[who], "\(testCase.method) \(testCase.path) as \(who): \(reply.text.prefix(200))")
                }
            }
            let after = try await owner.get("/api/v1/applications/\(prepared.id)").decode(ApplicationDetailDTO.self)
            #expect(after.version == before.version && after.stage == .submitted)
            #expect(try await AuditEvent.query(on: app.db).count() == auditRows)
        }
    }

    @Test("lists are scoped: an enterprise sees its own, a district its district's submitted ones, the city all submitted")
    func scopedLists() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a submitted application in 南山区 and a draft of a 宝安区 enterprise
            let owner = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await owner.openBackboneCall()
            let prepared = try await owner.preparedApplication(to: call.id)
            _ = try await owner.post("/api/v1/applications/\(prepared.id)/submit", json: ["version": prepared.version, "commitmentAccepted": true])
            let other = try await APIClient.signedIn(app, "demo-enterprise-grant")
            let draft = try await other.post("/api/v1/calls/\(call.id)/applications").decode(ApplicationDetailDTO.self)

            // Scoped to this test's call: the demo city has applications of its own in other calls.
            func ids(_ username: String, _ query: String = "") async throws -> Set<UUID> {
                let client = try await APIClient.signedIn(app, username)
                let scoped = (query.isEmpty ? "?" : query + "&") + "call=\(call.id)"
                return Set(try await client.get("/api/v1/applications" + scoped).decode(ApplicationListDTO.self).applications.map(\.id))
            }
            // MUT + validation
            #expect(try await ids("demo-enterprise-sz") == [prepared.id])
            #expect(try await ids("demo-enterprise-grant") == [draft.id])
            #expect(try await ids("demo-district-nanshan") == [prepared.id])
            #expect(try await ids("demo-district-pengjiang") == [])
            #expect(try await ids("demo-city") == [prepared.id])
            #expect(try await ids("demo-city", "?stage=draft") == [])
            #expect(try await APIClient.signedIn(app, "demo-city").get("/api/v1/applications?call=\(UUID())")
                .decode(ApplicationListDTO.self).applications.isEmpty)
            // A district officer cannot see or forward another district's application, nor a draft of its own.
            let nanshan = try await APIClient.signedIn(app, "demo-district-nanshan")
            let baoanDraft = try await nanshan.post("/api/v1/applications/\(draft.id)/forward",
                                                    json: ["version": draft.version, "opinion": "同意", "recommend": true])
            #expect(baoanDraft.status == .notFound)
            let ownDraft = try await owner.post("/api/v1/calls/\(call.id)/applications")
            #expect(ownDraft.status == .ok)
        }
    }

    @Test("a district officer cannot forward its own district's draft (it cannot see drafts)")
    func draftInvisibleToDistrict() async throws {
        try await withTestApp(demo: true) { app in
            let owner = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let call = try await owner.openBackboneCall()
            let draft = try await owner.preparedApplication(to: call.id)
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            // MUT
            let forward = try await district.post("/api/v1/applications/\(draft.id)/forward",
                                                  json: ["version": draft.version, "opinion": "同意", "recommend": true])
            let read = try await district.get("/api/v1/applications/\(draft.id)")
            // validation
            #expect(forward.status == .notFound)
            #expect(read.status == .notFound)
            #expect(try await owner.get("/api/v1/applications/\(draft.id)").decode(ApplicationDetailDTO.self).stage == .draft)
        }
    }
}
