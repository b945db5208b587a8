import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("JSON API: calls, public and published by the secretariat")
struct APICallsTests {
    @Test("the public sees published calls with their rules, materials, window and quota; drafts are hidden")
    func publicCalls() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a draft call
            let city = try await APIClient.signedIn(app, "demo-city")
            let draft = try await city.post("/api/v1/calls", json: ["programmeId": "sz-backbone", "opensOn": "2026-12-01", "closesOn": "2027-01-31"])
            #expect(draft.status == .created, "\(draft.text)")
            let draftID = try draft.decode(CallDetailDTO.self).id
            // MUT
            let list = try await APIClient(app).get("/api/v1/calls").decode(CallListDTO.self)
            // validation
            #expect(!list.calls.isEmpty)
            #expect(list.calls.allSatisfy { $0.stage != .draft })
            #expect(!list.calls.contains { $0.id == draftID })
            #expect(try await APIClient(app).get("/api/v1/calls/\(draftID)").status == .notFound)
            #expect(try await city.get("/api/v1/calls").decode(CallListDTO.self).calls.contains { $0.id == draftID })
            #expect(try await city.get("/api/v1/calls/\(draftID)").status == .ok)

            let open = try #require(list.calls.first { $0.accepting })
            let detail = try await APIClient(app).get("/api/v1/calls/\(open.id)").decode(CallDetailDTO.self)
            #expect(detail.quota == 100)
            #expect(detail.materials.map(\.key) == ["form", "licence", "certificates"])
            #expect(detail.programme?.id == "sz-backbone")
            #expect(!detail.contacts.isEmpty)
            #expect(detail.opensOn <= app.qualityCity.clock.today() && app.qualityCity.clock.today() <= detail.closesOn)
        }
    }

    @Test("publishing a call is checked as on the secretariat's page, and only the allowed stage moves are made")
    func publish() async throws {
        try await withTestApp(demo: true) { app in
            let city = try await APIClient.signedIn(app, "demo-city")
            let demoCalls = try await Call.query(on: app.db).count()
            // The page's checks: an unknown programme, a window that closes before it opens, a quota above the limit.
            let bad = try await city.post("/api/v1/calls", json: [
                "programmeId": "nonesuch", "opensOn": "2026-12-01", "closesOn": "2026-11-01", "quota": 0, "noticeDays": 3,
            ])
            #expect(bad.status == .unprocessableEntity, "\(bad.text)")
            #expect(Set(try bad.error.fields?.keys.map { $0 } ?? []) == ["programmeId", "closesOn", "quota", "materials", "noticeDays"], "\(bad.text)")
            let overQuota = try await city.post("/api/v1/calls", json: [
                "programmeId": "sz-backbone", "opensOn": "2026-12-01", "closesOn": "2026-11-01", "quota": 101,
            ])
            #expect(Set(try overQuota.error.fields?.keys.map { $0 } ?? []) == ["closesOn", "quota"])
            let piped = try await city.post("/api/v1/calls", json: [
                "programmeId": "sz-backbone", "opensOn": "2026-12-01", "closesOn": "2027-01-31", "materials": [["titleZh": "申报表|承诺书"]],
            ])
            #expect(try piped.error.fields?["materials[0]"] != nil)
            let unknownNested = try await city.post("/api/v1/calls", json: [
                "programmeId": "sz-backbone", "opensOn": "2026-12-01", "closesOn": "2027-01-31", "materials": [["titleZh": "申报表", "key": "x"]],
            ])
            #expect(try unknownNested.error.fields?["materials[0].key"] == Strings.API.unknownField)
            #expect(try await Call.query(on: app.db).count() == demoCalls)

            // A good one, then its stages.
            let created = try await city.post("/api/v1/calls", json: [
                "programmeId": "sz-backbone", "year": 2027, "titleZh": "2027 年度骨干企业认定（第一批）", "opensOn": "2026-12-01",
                "closesOn": "2027-01-31", "quota": 60, "contacts": "秘书处", "noticeDays": 7, "scoreAggregate": "trimmed_mean",
            ])
            #expect(created.status == .created)
            let call = try created.decode(CallDetailDTO.self)
            #expect(call.title.zh == "2027 年度骨干企业认定（第一批）")
            #expect(call.title.en.contains("2027"))
            #expect(call.quota == 60 && call.noticeDays == 7 && call.scoreAggregate == .trimmedMean && call.year == 2027)
            #expect(!call.materials.isEmpty, "the programme's own list is used when none is given")
            let stage = "/api/v1/calls/\(call.id)/stage"
            #expect(try await city.post(stage, json: ["stage": "final"]).status == .conflict)
            #expect(try await city.post(stage, json: ["stage": "nonesuch"]).status == .unprocessableEntity)
            let opened = try await city.post(stage, json: ["stage": "open"])
            #expect(opened.status == .ok)
            #expect(try opened.decode(CallDetailDTO.self).publishedAt != nil)
            #expect(try await APIClient(app).get("/api/v1/calls/\(call.id)").status == .ok)
            #expect(try await city.post("/api/v1/calls/\(UUID())/stage", json: ["stage": "open"]).status == .notFound)
        }
    }
}
