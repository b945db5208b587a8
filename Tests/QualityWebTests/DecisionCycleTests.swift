import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Issue 5, "done when": a full cycle of each of 000 and 002, from call to certificate, through HTTP —
/// with a conflict, a divergent score, a tie at the quota line, a substantiated complaint and a backfill.
@Suite("Decisions: panels, committee, notice, titles")
struct DecisionCycleTests {
    struct Scenario {
        var programme: String
        var clock: FixedClock
        var opens: CalendarDate
        var closes: CalendarDate
        /// The strongest applicant (complained about later), then two that tie at the quota line.
        var applicants: @Sendable (_ app: Application) async throws -> [String]
        var titleYears: Int
    }

    static func extraOfficer(_ district: String, on app: Application) async throws {
        guard try await Account.query(on: app.db).filter(\.$role == .districtOfficer).filter(\.$district == district).first() == nil else { return }
        let hash = try await app.password.async.hash(DemoCity.password)
        try await Account(username: "test-officer-\(district.unicodeScalars.first!.value)", displayName: "\(district)科长", passwordHash: hash,
                          role: .districtOfficer, district: district).create(on: app.db)
    }

    static func runCycle(_ scenario: Scenario) async throws {
        try await withTestApp(clock: scenario.clock, demo: true) { app in
            // setup: the call (quota 2), three applicants, their district officers, a second committee member
            let callID = try await ApplicationFlowTests.publishCall(app, programme: scenario.programme, opens: scenario.opens,
                                                                    closes: scenario.closes, quota: "2")
            let cycle = DecisionCycle(app: app, callID: callID)
            let usernames = try await scenario.applicants(app)
            for username in usernames {
                let account = try #require(try await Account.query(on: app.db).filter(\.$username == username).first())
                try await Self.extraOfficer(account.district!, on: app)
            }
            let hash = try await app.password.async.hash(DemoCity.password)
            try await Account(username: "test-committee-2", displayName: "钱委员", passwordHash: hash, role: .committee).create(on: app.db)

            // Applications, district check, eligibility review (and on-site review where the procedure has one).
            var ids: [UUID] = []
            for username in usernames {
                ids.append(try await cycle.apply(username))
                scenario.clock.advance(seconds: 60)
            }
            for id in ids { try await cycle.forward(id) }
            scenario.clock.set(scenario.closes.adding(days: 1))
            let city = TestClient(app)
            try await city.signIn("demo-city")
            #expect(try await city.post("/admin/calls/\(callID)/stage", form: ["stage": "review"]).status == .seeOther)
            for id in ids { try await cycle.passEligibility(id, city: city) }
            let programme = try #require(app.qualityCity.assessor.programme(scenario.programme))
            // Drawing before the on-site review is refused for 000, whose procedure requires it.
            if programme.requiresOnSiteReview {
                let early = try await city.post("/admin/calls/\(callID)/draw", form: [:])
                #expect(early.status == .conflict)
                for id in ids { try await cycle.onSite(id, city: city) }
            }

            // The draw: three unconflicted experts each, evenly loaded, automatic conflicts logged.
            let drawn = try await city.post("/admin/calls/\(callID)/draw", form: [:])
            #expect(drawn.status == .seeOther, "draw failed: \(drawn.body.prefix(500))")
            let seats = try await PanelAssignment.query(on: app.db).filter(\.$call.$id == callID).all()
            #expect(seats.count == 3 * ids.count)
            let loads = Dictionary(grouping: seats, by: { $0.$expert.id }).mapValues(\.count).values
            #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 1, "uneven load \(loads)")
            for id in ids {
                #expect(try await CallApplication.find(id, on: app.db)?.stage == .expertReview)
            }
            if usernames.contains("demo-enterprise-sz") {
                // Demo expert 7 works for 鹏程: found at the draw, logged, never seated on its panel.
                let insider = try #require(try await Account.query(on: app.db).filter(\.$username == "demo-expert-7").first())
                let expert = try #require(try await Expert.query(on: app.db).filter(\.$account.$id == insider.id!).first())
                let automatic = try await Recusal.query(on: app.db).filter(\.$application.$id == ids[0]).filter(\.$expert.$id == expert.id!).all()
                #expect(automatic.map(\.kind) == ["same_affiliation"])
                #expect(!seats.contains { $0.$application.id == ids[0] && $0.$expert.id == expert.id })
            }

            // A declared conflict: the first expert of the strongest applicant stands down and is replaced.
            var strongest = try await cycle.seats(ids[0])
            let (standingDown, standingDownUser) = strongest[0]
            let recuser = TestClient(app)
            try await recuser.signIn(standingDownUser)
            // Before declaring, the application itself is hidden from the expert.
            #expect(try await recuser.get("/applications/\(ids[0])").status == .notFound)
            let recused = try await recuser.post("/reviews/\(standingDown)/declare", form: ["conflict": "yes", "reason": "本人曾为该企业提供咨询服务"])
            #expect(recused.status == .seeOther)
            strongest = try await cycle.seats(ids[0])
            #expect(strongest.count == 3)
            #expect(!strongest.map(\.1).contains(standingDownUser))
            let log = try await Recusal.query(on: app.db).filter(\.$application.$id == ids[0]).all()
            #expect(log.contains { $0.kind == "declared" && $0.reason.contains("咨询") })
            #expect(try await city.get("/admin/calls/\(callID)/review").body.contains("本人曾为该企业提供咨询服务"))

            // Scores: the strongest has a divergent panel; the other two tie at the quota line.
            for (index, (seat, expert)) in strongest.enumerated() {
                try await cycle.score(seat: seat, expert: expert, total: [92, 90, 60][index])
            }
            // An expert sees other experts' scores only after submitting.
            let others = try await cycle.seats(ids[1])
            let late = TestClient(app)
            try await late.signIn(others[2].1)
            _ = try await late.post("/reviews/\(others[2].0)/declare", form: ["conflict": "no"])
            #expect(!(try await late.get("/reviews/\(others[2].0)").body.contains("panel-scores")))
            for id in ids.dropFirst() {
                for (seat, expert) in try await cycle.seats(id) where !(id == ids[1] && seat == others[2].0) {
                    try await cycle.score(seat: seat, expert: expert, total: 78)
                }
            }
            // Out-of-range points are refused with the indicator named, and nothing is recorded.
            let outOfRange = try await late.post("/reviews/\(others[2].0)/scores", form: ["opinion": "x"])
            #expect(outOfRange.status == .unprocessableEntity)
            #expect(try await ExpertScore.query(on: app.db).filter(\.$assignment.$id == others[2].0).count() == 0)
            try await cycle.score(seat: others[2].0, expert: others[2].1, total: 78)
            #expect(try await late.get("/reviews/\(others[2].0)").body.contains("panel-scores"))
            for id in ids { #expect(try await CallApplication.find(id, on: app.db)?.stage == .scored) }
            let top = try #require(try await CallApplication.find(ids[0], on: app.db))
            #expect(top.divergent == true)
            #expect(top.aggregateScore == 8067)   // (92 + 90 + 60) / 3 = 80.67

            // The committee: the ranked list shows the divergence and the tie-break at the line.
            #expect(try await city.post("/admin/calls/\(callID)/stage", form: ["stage": "committee"]).status == .seeOther)
            let member = TestClient(app)
            try await member.signIn("demo-committee")
            let list = try await member.get("/committee/\(callID)")
            #expect(list.body.contains("评分差异较大"))
            #expect(list.body.contains("同分，按申报提交时间先后排序"))
            #expect(list.body.contains("tie-rule"))
            // Two members approve at the same moment: one list, never more than the quota.
            let other = TestClient(app)
            try await other.signIn("test-committee-2")
            _ = try await other.get("/committee/\(callID)")
            async let first = member.post("/committee/\(callID)/approve", form: [:])
            async let second = other.post("/committee/\(callID)/approve", form: [:])
            let statuses = [try await first.status, try await second.status]
            #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses)")
            #expect(statuses.contains(.conflict))
            let proposed = try await CallApplication.query(on: app.db).filter(\.$call.$id == callID).filter(\.$stage == .proposed).all()
            #expect(Set(proposed.compactMap(\.id)) == Set([ids[0], ids[1]]))
            #expect(try await Call.find(callID, on: app.db)?.approvedCount == 2)

            // Public notice, a complaint about the first candidate, substantiated; the next ranked is backfilled.
            let publicClient = TestClient(app)
            let notice = try await publicClient.get("/notices/\(callID)")
            #expect(notice.status == .ok)
            let call = try #require(try await Call.find(callID, on: app.db))
            let ends = try #require(call.noticeEndsOn)
            #expect(ends == call.noticeStartsOn!.adding(days: 9))
            #expect(notice.body.contains(ends.iso))
            let noContact = try await publicClient.post("/notices/\(callID)/complaints", form: [
                "applicationID": ids[0].uuidString, "name": "赵先生", "contact": "", "text": "该企业去年发生重大质量投诉，申报材料未如实披露。"])
            #expect(noContact.status == .unprocessableEntity)
            let filed = try await publicClient.post("/notices/\(callID)/complaints", form: [
                "applicationID": ids[0].uuidString, "name": "赵先生", "contact": "13900001111", "text": "该企业去年发生重大质量投诉，申报材料未如实披露。"])
            #expect(filed.status == .seeOther)
            // The complainant's contact is never shown in public.
            #expect(!(try await publicClient.get("/notices/\(callID)").body.contains("13900001111")))
            let complaint = try #require(try await Complaint.query(on: app.db).filter(\.$call.$id == callID).first())
            let manage = try await city.get("/admin/calls/\(callID)/notice")
            #expect(manage.body.contains("13900001111"))
            // The final list cannot be published while the notice runs or a complaint is open.
            #expect(try await city.post("/admin/calls/\(callID)/final", form: [:]).status == .conflict)
            let resolved = try await city.post("/admin/complaints/\(complaint.id!)", form: ["decision": "substantiated", "outcome": "经核查，投诉属实。"])
            #expect(resolved.status == .seeOther)
            #expect(try await CallApplication.find(ids[0], on: app.db)?.stage == .disqualified)
            #expect(try await Call.find(callID, on: app.db)?.approvedCount == 1)
            scenario.clock.advance(days: 3)
            try await city.signIn("demo-city")   // days later: a new session
            let backfilled = try await city.post("/admin/calls/\(callID)/backfill", form: [:])
            #expect(backfilled.status == .seeOther)
            #expect(try await CallApplication.find(ids[2], on: app.db)?.stage == .proposed)
            // No one is left to backfill into a full quota.
            #expect(try await city.post("/admin/calls/\(callID)/backfill", form: [:]).status == .conflict)
            let extended = try #require(try await Call.find(callID, on: app.db)?.noticeEndsOn)
            #expect(extended == scenario.clock.today().adding(days: 9))

            // The final list, on the day after the notice ends: titles with their validity.
            scenario.clock.set(extended)
            try await city.signIn("demo-city")
            #expect(try await city.post("/admin/calls/\(callID)/final", form: [:]).status == .conflict)
            scenario.clock.set(extended.adding(days: 1))
            try await city.signIn("demo-city")
            #expect(try await city.post("/admin/calls/\(callID)/final", form: [:]).status == .seeOther)
            let titles = try await Title.query(on: app.db).filter(\.$call.$id == callID).sort(\.$certificateNumber).all()
            #expect(Set(titles.map(\.$application.id)) == Set([ids[1], ids[2]]))
            let granted = extended.adding(days: 1)
            #expect(titles.allSatisfy { $0.validUntil == granted.lastDayOfPeriod(years: scenario.titleYears) })
            #expect(try await CallApplication.find(ids[0], on: app.db)?.stage == .disqualified)

            // Verification by certificate number (page and API) and by credit code; the printable certificate.
            let number = titles[0].certificateNumber
            let verified = try await publicClient.get("/verify?q=\(number)")
            #expect(verified.body.contains(number))
            #expect(verified.body.contains("有效"))
            let enterprise = try #require(try await Enterprise.find(titles[0].$enterprise.id, on: app.db))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/titles/verify?q=\(enterprise.creditCode)")
            #expect(api.status == .ok)
            let body = try api.content.decode(TitleVerificationDTO.self)
            #expect(body.titles.map(\.certificateNumber).contains(number))
            #expect(body.titles.first { $0.certificateNumber == number }?.validToday == true)
            #expect(try await publicClient.get("/certificates/\(number)").body.contains(enterprise.name))
            #expect(try await publicClient.get("/verify?q=<script>").status == .unprocessableEntity)

            // The disqualified applicant reads the experts' opinions (anonymised).
            let loser = TestClient(app)
            try await loser.signIn(usernames[0])
            let page = try await loser.get("/applications/\(ids[0])")
            #expect(page.body.contains("expert-opinions"))
            #expect(page.body.contains("专家 A"))
            #expect(!page.body.contains("评审专家）"))

            #expect(try await AuditChain.verify(on: app.db).isIntact)
        }
    }

    @Test("002: Jiangmen innovation centres, ≤5 a year (2 in this call), three-year titles")
    func innovationCentre() async throws {
        try await Self.runCycle(Scenario(
            programme: "jm-innovation-centre", clock: FixedClock(CalendarDate(year: 2024, month: 9, day: 20)!),
            opens: CalendarDate(year: 2024, month: 9, day: 1)!, closes: CalendarDate(year: 2024, month: 10, day: 31)!,
            applicants: { app in
                ["demo-enterprise-jm",
                 try await DecisionCycle.account(for: .centreModest, index: 0, on: app),
                 try await DecisionCycle.account(for: .centreModest, index: 1, on: app)]
            }, titleYears: 3))
    }

    @Test("000: Shenzhen backbone enterprises, ≤100 a year (2 in this call), four-year titles, on-site review, automatic conflict")
    func backbone() async throws {
        let clock = FixedClock.standard()
        let today = clock.today()
        try await Self.runCycle(Scenario(
            programme: "sz-backbone", clock: clock, opens: today.adding(days: -5), closes: today.adding(days: 10),
            applicants: { app in
                ["demo-enterprise-sz",
                 try await DecisionCycle.account(for: .grantAwardee, facts: .backboneStrong, on: app),
                 try await DecisionCycle.account(for: .grantCarbonLabel, facts: .backboneStrong, on: app)]
            }, titleYears: 4))
    }

    @Test("000's draw logs the expert who works for the applicant as an automatic conflict")
    func automaticConflict() {
        let applicant = PanelDraw.Applicant(id: UUID(), creditCode: "91440305MA5QC0019X", name: "深圳市鹏程精密制造有限公司")
        let insider = PanelDraw.Expert(id: UUID(), affiliation: "深圳市鹏程精密制造有限公司", employerCreditCode: nil, relationships: [])
        let employee = PanelDraw.Expert(id: UUID(), affiliation: "某协会", employerCreditCode: "91440305ma5qc0019x", relationships: [])
        let related = PanelDraw.Expert(id: UUID(), affiliation: "某大学", employerCreditCode: nil, relationships: ["深圳市 鹏程精密制造有限公司"])
        let stranger = PanelDraw.Expert(id: UUID(), affiliation: "某研究院", employerCreditCode: nil, relationships: ["别的公司"])
        #expect(PanelDraw.conflict(insider, applicant) == .sameAffiliation)
        #expect(PanelDraw.conflict(employee, applicant) == .sameEnterprise)
        #expect(PanelDraw.conflict(related, applicant) == .declaredRelationship)
        #expect(PanelDraw.conflict(stranger, applicant) == nil)
    }
}
