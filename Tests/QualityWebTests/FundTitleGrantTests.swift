import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// 002 第九条 and 第十一条: the one-off ¥100,000 for a first pass, made when the final list is published;
/// the fund-use plan and the reports due every 31 January; and the clawback issue 7 calls on a revocation.
@Suite("Grants made with an innovation-centre title")
struct FundTitleGrantTests {
    /// A 002 call on notice with one proposed application of `enterprise`, its notice period over.
    static func callOnNotice(_ app: Application, enterprise: Enterprise, year: Int, endedOn: CalendarDate) async throws -> UUID {
        let call = Call(programmeID: "jm-innovation-centre", policyID: "jm-innovation-centre-2022", year: year,
                        title: LocalizedText(zh: "\(year) 年创新中心", en: "\(year) centres"), opensOn: endedOn.adding(days: -90),
                        closesOn: endedOn.adding(days: -60), quota: 5, stage: .notice, materials: [], contacts: "x")
        call.noticeStartsOn = endedOn.adding(days: -9)
        call.noticeEndsOn = endedOn
        try await call.create(on: app.db)
        let application = CallApplication(callID: call.id!, enterpriseID: enterprise.id!, district: enterprise.district)
        application.stage = .proposed
        try await application.create(on: app.db)
        return call.id!
    }

    @Test("a first title brings the ¥100,000 grant, approved against the year's fund; a second title brings none")
    func firstPassGrant() async throws {
        let clock = FixedClock(CalendarDate(year: 2024, month: 11, day: 24)!)
        try await withTestApp(clock: clock) { app in
            // setup
            let kit = FundFixture(app: app)
            let fund = try await kit.fund("jm-innovation-centre-2022", programme: "jm-innovation-centre", year: 2024, budget: "200000")
            let (centre, user) = try await kit.enterprise(40)
            let notices = NoticeService(database: app.db, clock: clock, assessor: app.qualityCity.assessor)
            let callID = try await Self.callOnNotice(app, enterprise: centre, year: 2024, endedOn: CalendarDate(year: 2024, month: 11, day: 20)!)

            // MUT: the final list
            let titles = try await notices.publishFinal(actor: .system, callID: callID)

            // validation: the grant waits for approval, with the policy's amount and the fund of its year
            let title = try #require(titles.first)
            let grant = try #require(try await GrantApplication.query(on: app.db).filter(\.$titleID == title.id).first())
            #expect(grant.origin == .title && grant.stage == .submitted)
            #expect(grant.offered == Money.yuan(100_000).fen)
            #expect(grant.$fund.id == fund.id)
            #expect(grant.matters == [GrantFromTitle.matter(programmeID: "jm-innovation-centre")])
            let approved = try await kit.approve(grant)
            #expect(approved.approvedAmount == Money.yuan(100_000).fen)
            #expect(try await kit.balances(fund).available == Money.yuan(100_000).fen)

            // The plan is due at once; a yearly report by each 31 January within the validity.
            var due = try await GrantReports(database: app.db, clock: clock).due(approved)
            #expect(due.map(\.kind) == [.plan])
            clock.set(CalendarDate(year: 2026, month: 2, day: 5)!)
            due = try await GrantReports(database: app.db, clock: clock).due(approved)
            #expect(due.map(\.year) == [0, 2024, 2025])
            #expect(due.filter(\.overdue).map(\.year) == [2024, 2025])
            // The yearly report is the title's (filed on its page, with the fund use); it is not asked twice.
            let reports = GrantReports(database: app.db, clock: clock)
            let annualHere = await FundFixture.refusal {
                _ = try await reports.submit(user, grant: approved, kind: "annual", year: "2024", text: "2024 年度工作总结与资金使用情况。", spent: "")
            }
            #expect(annualHere?.status == .conflict && annualHere?.message.zh.contains("荣誉称号页面") == true)
            let lifecycle = LifecycleService(database: app.db, clock: clock, assessor: app.qualityCity.assessor)
            try await lifecycle.fileReport(user, titleID: title.id!, year: 2024,
                                           summary: "2024 年度中心开展质量研究 2 项，完成检测设备升级与人员培训。", fundUse: "资助资金 6 万元用于检测设备升级。")
            #expect(try await reports.due(approved).map(\.year) == [0, 2025])
            _ = try await reports.submit(user, grant: approved, kind: "plan", year: "", text: "资助资金用于检测设备升级与质量人员培训。", spent: "")
            let twice = await FundFixture.refusal {
                _ = try await reports.submit(user, grant: approved, kind: "plan", year: "", text: "再次报送资金使用计划。", spent: "")
            }
            #expect(twice?.status == .conflict)
            #expect(try await reports.due(approved).map(\.year) == [2025])
            #expect(try await reports.titleReports(of: approved).first?.fundUse.contains("6 万元") == true)
            let overdue = try await reports.overdue()
            #expect(overdue.map(\.1.year) == [2025])

            // A second pass (re-review) of the same enterprise: the money is for the first time only.
            let again = try await Self.callOnNotice(app, enterprise: centre, year: 2026, endedOn: CalendarDate(year: 2026, month: 2, day: 1)!)
            let second = try await notices.publishFinal(actor: .system, callID: again)
            #expect(second.count == 1)
            #expect(try await GrantApplication.query(on: app.db).filter(\.$titleID == second[0].id).count() == 0)
            let withheld = try await AuditEvent.query(on: app.db).filter(\.$action == "grant_withheld").all()
            #expect(withheld.count == 1 && withheld[0].reason?.contains("仅限首次") == true)
        }
    }

    @Test("clawback on revocation: an unpaid grant is released, a paid one clawed back, in the caller's transaction")
    func clawback() async throws {
        let clock = FixedClock(CalendarDate(year: 2024, month: 11, day: 24)!)
        try await withTestApp(clock: clock) { app in
            // setup: two centres, one grant approved (unpaid), one paid
            let kit = FundFixture(app: app)
            let fund = try await kit.fund("jm-innovation-centre-2022", programme: "jm-innovation-centre", year: 2024, budget: "200000")
            let notices = NoticeService(database: app.db, clock: clock, assessor: app.qualityCity.assessor)
            var issued: [Title] = []
            for index in [41, 42] {
                let (centre, _) = try await kit.enterprise(index)
                let call = try await Self.callOnNotice(app, enterprise: centre, year: 2024, endedOn: CalendarDate(year: 2024, month: 11, day: 20)!)
                issued += try await notices.publishFinal(actor: .system, callID: call)
            }
            let titles = issued
            var grants: [GrantApplication] = []
            for title in titles {
                let grant = try #require(try await GrantApplication.query(on: app.db).filter(\.$titleID == title.id).first())
                grants.append(try await kit.approve(grant))
            }
            let finance = try await kit.finance()
            let batch = try await kit.disbursements.createBatch(finance, grantIDs: [grants[1].id!.uuidString], label: "第一批")
            _ = try await kit.disbursements.markPaid(finance, batchID: batch.id!, paymentReference: "JMCZ-2024-01", paidOn: "")
            let actor = AuditActor(accountID: nil, role: "city_officer", name: "市局")

            // MUT: a rolled-back revocation changes nothing
            await #expect(throws: CancellationError.self) {
                try await app.db.writeTransaction { tx in
                    _ = try await FundService.clawBack(grantsOf: .title(titles[0].id!), reason: "弄虚作假", actor: actor, at: clock.now(), on: clock.today(), tx: tx)
                    throw CancellationError()
                }
            }
            #expect(try await GrantApplication.find(grants[0].id!, on: app.db)?.stage == .approved)

            // MUT: both revocations
            let outcomes = try await app.db.writeTransaction { tx in
                let first = try await FundService.clawBack(grantsOf: .title(titles[0].id!), reason: "弄虚作假", actor: actor,
                                                           at: clock.now(), on: clock.today(), tx: tx)
                let second = try await FundService.clawBack(grantsOf: .callApplication(titles[1].$application.id), reason: "弄虚作假", actor: actor,
                                                            at: clock.now(), on: clock.today(), tx: tx)
                return first + second
            }
            // validation
            #expect(outcomes.map(\.to) == [.released, .clawedBack])
            #expect(outcomes.map(\.amount) == [Money.yuan(100_000), Money.yuan(100_000)])
            let balances = try await kit.balances(fund)
            #expect(balances.available == Money.yuan(100_000).fen)
            #expect(balances.committed == 0 && balances.disbursed == 0 && balances.clawedBack == Money.yuan(100_000).fen)
            // The released grant's matter is free again; the clawed-back one stays funded.
            #expect(try await GrantMatter.query(on: app.db).filter(\.$grantID == grants[0].id).count() == 0)
            #expect(try await GrantMatter.query(on: app.db).filter(\.$grantID == grants[1].id).count() == 1)
            // Doing it again finds nothing more to take back.
            let again = try await app.db.writeTransaction { tx in
                try await FundService.clawBack(grantsOf: .title(titles[0].id!), reason: "再次", actor: actor, at: clock.now(), on: clock.today(), tx: tx)
            }
            #expect(again.isEmpty)
        }
    }
}
