import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Issue 7, "done when": the clock drives a title through its lifetime — granted, reports on time, one
/// late, rectification, revocation, re-application refused with the ban explained, allowed after three years.
@Suite("Title lifecycle and supervision")
struct TitleLifecycleTests {
    /// The policy files with the 002 measures renewed (in force for 13 years instead of 3), as a bureau
    /// would publish a renewal: a data change in a copy of the folder.
    static func renewedPolicies() throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/QualityRules/Policies")
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("qc-policies-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: target.path).first { $0.hasPrefix("002") })
        let url = target.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("inForce: {from: 2022-03-01, years: 3}"))
        try text.replacingOccurrences(of: "inForce: {from: 2022-03-01, years: 3}", with: "inForce: {from: 2022-03-01, years: 13}")
            .write(to: url, atomically: true, encoding: .utf8)
        return target.path
    }

    /// A 002 title of the Jiangmen demo enterprise, granted on `day` (setup: issuing titles is tested in the decision cycle).
    static func grantTitle(_ app: Application, on day: CalendarDate) async throws -> Title {
        let enterprise = try #require(try await Enterprise.query(on: app.db).filter(\.$name == DemoEnterprises.specs[6].name).first())
        let call = Call(programmeID: "jm-innovation-centre", policyID: "jm-innovation-centre-2022", year: day.year,
                        title: LocalizedText(zh: "\(day.year) 年度创新中心", en: "\(day.year) centres"),
                        opensOn: day.adding(days: -80), closesOn: day.adding(days: -40), quota: 5, stage: .final, materials: [], contacts: "")
        try await call.create(on: app.db)
        let application = CallApplication(callID: call.id!, enterpriseID: enterprise.id!, district: enterprise.district)
        application.stage = .selected
        try await application.create(on: app.db)
        let title = Title(certificateNumber: "JMQIC-\(day.year)-901", enterpriseID: enterprise.id!, programmeID: "jm-innovation-centre",
                          callID: call.id!, applicationID: application.id!, grantedOn: day, validFrom: day, validUntil: day.lastDayOfPeriod(years: 3))
        try await title.create(on: app.db)
        return title
    }

    static func runJobs(_ app: Application) async throws -> JobRunnerHandle.Result {
        try await QualityCityApp.jobRunner(app).runDue()
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test("grant → on time → late under rectification → missed → revoked → barred for three years → allowed again")
    func lifetime() async throws {
        let clock = FixedClock(Self.day(2024, 11, 20))
        let policies = try Self.renewedPolicies()
        defer { try? FileManager.default.removeItem(atPath: policies) }
        try await withTestApp(clock: clock, demo: true, policies: policies) { app in
            // setup
            let title = try await Self.grantTitle(app, on: clock.today())
            let id = title.id!
            #expect(title.validUntil == Self.day(2027, 11, 19))
            let holder = TestClient(app)
            try await holder.signIn("demo-enterprise-jm")
            let schedule = try await app.qualityCity.assessor.programme("jm-innovation-centre")?.supervision?.annualReport?
                .reportYears(within: DayRange(start: title.validFrom, end: title.validUntil))
            #expect(schedule == [2024, 2025, 2026])

            // The first report: a reminder before 31 January 2025, filed on time, no rectification.
            _ = try await Self.runJobs(app)
            clock.set(Self.day(2025, 1, 18))
            #expect(try await Self.runJobs(app).ran >= 1)
            try await holder.signIn("demo-enterprise-jm")
            #expect(try await holder.get("/inbox").body.contains("请提交 2024 年度工作总结"))
            // Too short a report is refused; nothing is recorded.
            let short = try await holder.post("/titles/\(id)/reports", form: ["year": "2024", "summary": "短", "fundUse": ""])
            #expect(short.status == .unprocessableEntity)
            #expect(try await AnnualReport.query(on: app.db).filter(\.$title.$id == id).count() == 0)
            let filed = try await holder.post("/titles/\(id)/reports", form: [
                "year": "2024", "summary": "中心开展质量攻关项目 3 项，完成检测设备升级，培训质量人员 120 人次。", "fundUse": "资助资金 10 万元已用于检测设备升级。"])
            #expect(filed.status == .seeOther)
            clock.set(Self.day(2025, 2, 1))
            _ = try await Self.runJobs(app)
            #expect(try await Rectification.query(on: app.db).filter(\.$title.$id == id).count() == 0)

            // The second report is missed: on 1 February 2026 a rectification notice with a deadline.
            clock.set(Self.day(2026, 2, 1))
            _ = try await Self.runJobs(app)
            let notice = try #require(try await Rectification.query(on: app.db).filter(\.$title.$id == id).filter(\.$reportYear == 2025).first())
            #expect(notice.deadline == Self.day(2026, 3, 3))
            try await holder.signIn("demo-enterprise-jm")
            #expect(try await holder.get("/inbox").body.contains("整改通知"))
            // Filed late, within the rectification period: resolved, marked late, the title stays.
            clock.set(Self.day(2026, 2, 10))
            try await holder.signIn("demo-enterprise-jm")
            _ = try await holder.post("/titles/\(id)/reports", form: [
                "year": "2025", "summary": "补报：2025 年度中心完成标准制定 1 项、专利申请 4 项，质量提升成效明显。", "fundUse": "无新增资助资金支出。"])
            #expect(try await Rectification.find(notice.id!, on: app.db)?.status == .resolved)
            #expect(try await AnnualReport.query(on: app.db).filter(\.$title.$id == id).filter(\.$year == 2025).first()?.late == true)
            clock.set(Self.day(2026, 3, 10))
            _ = try await Self.runJobs(app)
            #expect(try await Title.find(id, on: app.db)?.status == .active)

            // The third is missed and not rectified: revoked the day after the deadline, not before.
            clock.set(Self.day(2027, 2, 1))
            _ = try await Self.runJobs(app)
            let last = try #require(try await Rectification.query(on: app.db).filter(\.$title.$id == id).filter(\.$reportYear == 2026).first())
            #expect(last.deadline == Self.day(2027, 3, 3))
            clock.set(Self.day(2027, 3, 3))
            _ = try await Self.runJobs(app)
            #expect(try await Title.find(id, on: app.db)?.status == .active)
            clock.set(Self.day(2027, 3, 4))
            _ = try await Self.runJobs(app)
            let revoked = try #require(try await Title.find(id, on: app.db))
            #expect(revoked.status == .revoked)
            #expect(revoked.endKind == "reports_not_filed")
            #expect(revoked.endedOn == Self.day(2027, 3, 4))
            // Running the jobs again changes nothing.
            let audited = try await AuditEvent.query(on: app.db).filter(\.$subjectID == id.uuidString).count()
            let again = try await Self.runJobs(app)
            #expect(again.failed == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectID == id.uuidString).count() == audited)
            // The public verification shows it revoked.
            #expect(try await TestClient(app).get("/verify?q=\(revoked.certificateNumber)").body.contains("已取消"))

            // A new call within three years: the submission is refused, and the ban is explained.
            clock.set(Self.day(2030, 3, 3))
            let callID = try await ApplicationFlowTests.publishCall(app, programme: "jm-innovation-centre", opens: Self.day(2030, 3, 1),
                                                                    closes: Self.day(2030, 4, 30), quota: "5")
            let cycle = DecisionCycle(app: app, callID: callID)
            let barred = try await Self.trySubmit(cycle, app: app)
            #expect(barred.status == .conflict)
            #expect(barred.body.contains("三年内不得重新申请") || barred.body.contains("取消"))
            #expect(barred.body.contains("2030-03-04"))
            // Three years after the revocation, the same enterprise may apply again.
            clock.set(Self.day(2030, 3, 4))
            let allowed = try await Self.trySubmit(cycle, app: app)
            #expect(allowed.status == .seeOther, "still barred: \(allowed.body.prefix(400))")
            #expect(try await AuditChain.verify(on: app.db).isIntact)
        }
    }

    /// Applies (or reopens the draft) and submits; returns the answer to the submission.
    static func trySubmit(_ cycle: DecisionCycle, app: Application) async throws -> TestClient.Page {
        let client = TestClient(app)
        try await client.signIn("demo-enterprise-jm")
        let id = try #require(TestClient.applicationID(fromLocation: try await client.post("/calls/\(cycle.callID)/apply", form: [:]).location))
        var page = try await client.get("/applications/\(id)")
        var form = Fixtures.completeForm
        form["version"] = try #require(TestClient.version(in: page.body))
        _ = try await client.post("/applications/\(id)/form", form: form)
        for key in ["m1", "m2"] {
            _ = try await client.upload("/applications/\(id)/materials", fields: ["materialKey": key], filename: "\(key).pdf", data: Fixtures.pdf)
        }
        page = try await client.get("/applications/\(id)")
        return try await client.post("/applications/\(id)/submit", form: ["version": try #require(TestClient.version(in: page.body)), "commitment": "accepted"])
    }

    @Test("each job runs once, even with two runners at the same moment; a crashed run is picked up after its lease")
    func jobsRunOnce() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let now = app.qualityCity.clock.now()
            for index in 0..<10 {
                try await JobQueue.schedule(kind: "test.noop", runAt: now.addingTimeInterval(-60), uniqueKey: "noop-\(index)", on: app.db)
            }
            #expect(try await JobQueue.schedule(kind: "test.noop", runAt: now, uniqueKey: "noop-0", on: app.db) == false)
            // MUT: two workers claim at once
            async let first = JobQueue.claimDue(now: now, worker: "a", lease: 300, on: app.db)
            async let second = JobQueue.claimDue(now: now, worker: "b", lease: 300, on: app.db)
            let claimed = try await first + second
            // validation
            #expect(claimed.count == 10)
            #expect(Set(claimed.compactMap(\.id)).count == 10)
            // Worker "a" crashes without finishing; before the lease ends nobody may take its jobs…
            let fromA = claimed.filter { $0.lockedBy == "a" }
            for job in claimed where job.lockedBy == "b" { try await JobQueue.finish(job, worker: "b", at: now, on: app.db) }
            #expect(try await JobQueue.claimDue(now: now.addingTimeInterval(299), worker: "c", lease: 300, on: app.db).isEmpty)
            // …after it, another worker picks them up.
            let retried = try await JobQueue.claimDue(now: now.addingTimeInterval(301), worker: "c", lease: 300, on: app.db)
            #expect(Set(retried.compactMap(\.id)) == Set(fromA.compactMap(\.id)))
        }
    }

    @Test("a change report goes holder → district → city; a scope change can terminate without a ban")
    func changeReports() async throws {
        let clock = FixedClock(Self.day(2024, 11, 20))
        try await withTestApp(clock: clock, demo: true) { app in
            let title = try await Self.grantTitle(app, on: clock.today())
            let holder = TestClient(app)
            try await holder.signIn("demo-enterprise-jm")
            let future = try await holder.post("/titles/\(title.id!)/changes", form: ["kind": "scope_change", "effectiveOn": "2024-12-31", "details": "x"])
            #expect(future.status == .unprocessableEntity)
            #expect(try await holder.post("/titles/\(title.id!)/changes", form: [
                "kind": "scope_change", "effectiveOn": "2024-11-18", "details": "主营业务由电机制造变更为物流服务"]).status == .seeOther)
            let change = try #require(try await ChangeReport.query(on: app.db).filter(\.$title.$id == title.id!).first())
            // Another district cannot forward it; its own can.
            let other = TestClient(app)
            try await other.signIn("demo-district-nanshan")
            #expect(try await other.post("/changes/\(change.id!)/forward", form: ["note": "x"]).status == .notFound)
            let district = TestClient(app)
            try await district.signIn("demo-district-pengjiang")
            #expect(try await district.post("/changes/\(change.id!)/forward", form: ["note": "属实"]).status == .seeOther)
            let city = TestClient(app)
            try await city.signIn("demo-city")
            #expect(try await city.post("/changes/\(change.id!)/record", form: ["note": "经营范围重大变更，终止资格", "terminate": "yes"]).status == .seeOther)
            let ended = try #require(try await Title.find(title.id!, on: app.db))
            #expect(ended.status == .terminated)
            #expect(ended.endKind == "scope_changed")
            // A termination is not a revocation: the engine sees no ban.
            let enterprise = try #require(try await Enterprise.find(ended.$enterprise.id, on: app.db))
            let facts = try await FactsAssembler.assemble(enterprise, on: app.db)
            #expect(facts.contains("terminatedOn"))
            #expect(!facts.contains("revokedOn"))
        }
    }
}
