import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Issue 4, "done when": an application of each of 000 and 002 goes from the call to "forwarded to the
/// city" through the HTTP interface, with a return for correction and a resubmission.
@Suite("Calls and applications through the pages")
struct ApplicationFlowTests {
    /// Publishes a call as the city officer and returns its id.
    static func publishCall(_ app: Application, programme: String, opens: CalendarDate, closes: CalendarDate, quota: String = "") async throws -> UUID {
        let city = TestClient(app)
        try await city.signIn("demo-city")
        let created = try await city.post("/admin/calls", form: [
            "programmeID": programme, "opensOn": opens.iso, "closesOn": closes.iso, "quota": quota,
            "materials": "申报表及承诺书 | Application form and commitment\n营业执照复印件 | Business licence\n获奖证书 | Award certificates | 选交",
            "contacts": "测试联系人 0755-00000000", "noticeDays": "10", "scoreAggregate": "mean",
        ])
        #expect(created.status == .seeOther, "call not created: \(created.body.prefix(400))")
        let call = try #require(try await Call.query(on: app.db).filter(\.$programmeID == programme).filter(\.$stage == .draft).first())
        let published = try await city.post("/admin/calls/\(call.id!)/stage", form: ["stage": "open"])
        #expect(published.status == .seeOther)
        return call.id!
    }

    /// The whole first half of the procedure for one enterprise and its district officer.
    static func journey(_ app: Application, callID: UUID, enterprise username: String, district officerName: String) async throws {
        // Enterprise starts and fills in the application.
        let enterprise = TestClient(app)
        try await enterprise.signIn(username)
        let started = try await enterprise.post("/calls/\(callID)/apply", form: [:])
        let id = try #require(TestClient.applicationID(fromLocation: started.location))
        var page = try await enterprise.get("/applications/\(id)")
        #expect(page.body.contains("草稿"))
        var version = try #require(TestClient.version(in: page.body))
        let saved = try await enterprise.post("/applications/\(id)/form", form: Fixtures.completeForm.merging(["version": version]) { $1 })
        #expect(saved.status == .seeOther)

        // Submitting without the materials and the commitment is refused, changing nothing.
        page = try await enterprise.get("/applications/\(id)")
        version = try #require(TestClient.version(in: page.body))
        let refused = try await enterprise.post("/applications/\(id)/submit", form: ["version": version, "commitment": "accepted"])
        #expect(refused.status == .unprocessableEntity)
        #expect(refused.body.contains("尚未上传必交材料"))
        #expect(try await CallApplication.find(id, on: app.db)?.stage == .draft)

        for key in ["m1", "m2"] {
            let uploaded = try await enterprise.upload("/applications/\(id)/materials", fields: ["materialKey": key],
                                                       filename: "材料-\(key).pdf", data: Fixtures.pdf)
            #expect(uploaded.status == .seeOther, "upload failed: \(uploaded.body.prefix(300))")
        }
        page = try await enterprise.get("/applications/\(id)")
        version = try #require(TestClient.version(in: page.body))
        let noCommitment = try await enterprise.post("/applications/\(id)/submit", form: ["version": version])
        #expect(noCommitment.status == .unprocessableEntity)
        #expect(noCommitment.body.contains("承诺书"))
        let submitted = try await enterprise.post("/applications/\(id)/submit", form: ["version": version, "commitment": "accepted"])
        #expect(submitted.status == .seeOther)
        #expect(try await CallApplication.find(id, on: app.db)?.stage == .submitted)

        // The district officer is told, and returns it for correction.
        let officer = TestClient(app)
        try await officer.signIn(officerName)
        #expect(try await officer.get("/inbox").body.contains("新申报待审核"))
        #expect(try await officer.get("/applications").body.contains(id.uuidString))
        page = try await officer.get("/applications/\(id)")
        #expect(page.body.contains("return-form"))
        version = try #require(TestClient.version(in: page.body))
        let deadline = app.qualityCity.clock.today().adding(days: 7)
        let returned = try await officer.post("/applications/\(id)/return", form: [
            "version": version, "reason": "营业执照复印件未加盖公章，请补充。", "deadline": deadline.iso])
        #expect(returned.status == .seeOther)
        #expect(try await CallApplication.find(id, on: app.db)?.stage == .returned)

        // The enterprise sees why, corrects and resubmits.
        #expect(try await enterprise.get("/inbox").body.contains("未加盖公章"))
        let reupload = try await enterprise.upload("/applications/\(id)/materials", fields: ["materialKey": "m2"],
                                                   filename: "营业执照（盖章）.pdf", data: Fixtures.pdf + Data("%sealed".utf8))
        #expect(reupload.status == .seeOther)
        page = try await enterprise.get("/applications/\(id)")
        #expect(page.body.contains("营业执照（盖章）.pdf"))
        version = try #require(TestClient.version(in: page.body))
        let resubmitted = try await enterprise.post("/applications/\(id)/submit", form: ["version": version, "commitment": "accepted"])
        #expect(resubmitted.status == .seeOther)
        #expect(try await CallApplication.find(id, on: app.db)?.stage == .submitted)

        // The officer forwards it with a preliminary opinion; the city is told.
        page = try await officer.get("/applications/\(id)")
        version = try #require(TestClient.version(in: page.body))
        let noOpinion = try await officer.post("/applications/\(id)/forward", form: ["version": version, "opinion": " ", "recommend": "yes"])
        #expect(noOpinion.status == .unprocessableEntity)
        let forwarded = try await officer.post("/applications/\(id)/forward", form: [
            "version": version, "opinion": "材料齐全，经核实情况属实，同意推荐。", "recommend": "yes"])
        #expect(forwarded.status == .seeOther)
        let final = try #require(try await CallApplication.find(id, on: app.db))
        #expect(final.stage == .forwarded)
        #expect(final.districtRecommendation == "recommend")
        #expect(final.evaluationJSON != nil)

        let city = TestClient(app)
        try await city.signIn("demo-city")
        #expect(try await city.get("/inbox").body.contains("区局报送"))

        // Every change is in the audit trail, in order, and the chain is intact.
        let actions = try await AuditEvent.query(on: app.db).filter(\.$subjectID == id.uuidString).sort(\.$id).all().map(\.action)
        #expect(actions == ["create", "attach_material", "attach_material", "submit", "return", "attach_material", "submit", "forward"])
        #expect(try await AuditChain.verify(on: app.db).isIntact)
    }

    @Test("000: a Shenzhen enterprise applies, is returned for correction, resubmits and is forwarded")
    func backbone() async throws {
        try await withTestApp(demo: true) { app in
            let today = app.qualityCity.clock.today()
            let call = try await Self.publishCall(app, programme: "sz-backbone", opens: today.adding(days: -1), closes: today.adding(days: 30))
            try await Self.journey(app, callID: call, enterprise: "demo-enterprise-sz", district: "demo-district-nanshan")
        }
    }

    @Test("002: a Jiangmen manufacturer applies while the measures are in force")
    func innovationCentre() async throws {
        // The 002 measures were in force 2022-03-01 to 2025-02-28; apply in autumn 2024.
        let clock = FixedClock(CalendarDate(year: 2024, month: 9, day: 20)!)
        try await withTestApp(clock: clock, demo: true) { app in
            let call = try await Self.publishCall(app, programme: "jm-innovation-centre",
                                                  opens: CalendarDate(year: 2024, month: 9, day: 1)!,
                                                  closes: CalendarDate(year: 2024, month: 10, day: 31)!, quota: "5")
            try await Self.journey(app, callID: call, enterprise: "demo-enterprise-jm", district: "demo-district-pengjiang")
        }
    }

    @Test("a late submission is refused with the deadline in the message, and nothing changes")
    func lateSubmission() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            let today = clock.today()
            let callID = try await Self.publishCall(app, programme: "sz-backbone", opens: today.adding(days: -10), closes: today)
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let started = try await enterprise.post("/calls/\(callID)/apply", form: [:])
            let id = try #require(TestClient.applicationID(fromLocation: started.location))
            var page = try await enterprise.get("/applications/\(id)")
            let version = try #require(TestClient.version(in: page.body))
            _ = try await enterprise.post("/applications/\(id)/form", form: Fixtures.completeForm.merging(["version": version]) { $1 })
            for key in ["m1", "m2"] {
                _ = try await enterprise.upload("/applications/\(id)/materials", fields: ["materialKey": key], filename: "\(key).pdf", data: Fixtures.pdf)
            }
            // The deadline day ends at midnight Beijing time: one minute past is too late.
            clock.set(today.endInShanghai.addingTimeInterval(60))
            // Half a day later the browser session has lapsed; the person signs in again.
            try await enterprise.signIn("demo-enterprise-sz")
            page = try await enterprise.get("/applications/\(id)")
            let current = try #require(TestClient.version(in: page.body))
            let late = try await enterprise.post("/applications/\(id)/submit", form: ["version": current, "commitment": "accepted"])
            #expect(late.status == .conflict)
            #expect(late.body.contains(today.iso))
            #expect(try await CallApplication.find(id, on: app.db)?.stage == .draft)
        }
    }

    @Test("a withdrawn application can be withdrawn only once and leaves the district's queue")
    func withdraw() async throws {
        try await withTestApp(demo: true) { app in
            let today = app.qualityCity.clock.today()
            let callID = try await Self.publishCall(app, programme: "sz-backbone", opens: today, closes: today.adding(days: 5))
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let id = try #require(TestClient.applicationID(fromLocation: try await enterprise.post("/calls/\(callID)/apply", form: [:]).location))
            let page = try await enterprise.get("/applications/\(id)")
            let version = try #require(TestClient.version(in: page.body))
            #expect(try await enterprise.post("/applications/\(id)/withdraw", form: ["version": version, "reason": "暂不申报"]).status == .seeOther)
            #expect(try await CallApplication.find(id, on: app.db)?.stage == .withdrawn)
            let again = try await enterprise.post("/applications/\(id)/withdraw", form: ["version": String(Int(version)! + 1)])
            #expect(again.status == .conflict)
        }
    }

    @Test("a stale form (someone acted first) is refused instead of overwriting")
    func staleVersion() async throws {
        try await withTestApp(demo: true) { app in
            let today = app.qualityCity.clock.today()
            let callID = try await Self.publishCall(app, programme: "sz-backbone", opens: today, closes: today.adding(days: 5))
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let id = try #require(TestClient.applicationID(fromLocation: try await enterprise.post("/calls/\(callID)/apply", form: [:]).location))
            let page = try await enterprise.get("/applications/\(id)")
            let version = try #require(TestClient.version(in: page.body))
            #expect(try await enterprise.post("/applications/\(id)/form", form: Fixtures.completeForm.merging(["version": version]) { $1 }).status == .seeOther)
            var changed = Fixtures.completeForm
            changed["summary"] = "第二个标签页的旧内容"
            let stale = try await enterprise.post("/applications/\(id)/form", form: changed.merging(["version": version]) { $1 })
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("刚被他人更新"))
            // What the person typed is still on the page.
            #expect(stale.body.contains("第二个标签页的旧内容"))
            let stored = try #require(try await CallApplication.find(id, on: app.db))
            #expect(!stored.formJSON.contains("第二个标签页"))
        }
    }
}
