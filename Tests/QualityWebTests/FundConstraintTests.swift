import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Each constraint the seeds put on grants, at its boundary: what is just allowed goes through, what is one
/// over is refused with its explanation, and the refusal writes nothing.
@Suite("Grants: constraints at their boundaries")
struct FundConstraintTests {
    @Test("per-enterprise-per-year cap (003 item 3, at most 3 a year): exactly 3 approved, the 4th refused")
    func perYearCap() async throws {
        try await withTestApp { app in
            // setup: a sandbox fund of the 003 draft, an enterprise with four green certificates
            let kit = FundFixture(app: app)
            let fund = try await kit.fund(FundFixture.policy003, budget: "1000000")
            let certificates = (1...4).map { (CertificationType.greenProduct, "GP-2026-00\($0)") }
            let (_, company) = try await kit.enterprise(1, certificates: certificates)
            let pair = try await kit.apply(company, fund: fund, programme: FundFixture.green003, matters: ["certificate:GP-2026-001", "certificate:GP-2026-002"])
            let third = try await kit.apply(company, fund: fund, programme: FundFixture.green003, matters: ["certificate:GP-2026-003"])
            let fourth = try await kit.apply(company, fund: fund, programme: FundFixture.green003, matters: ["certificate:GP-2026-004"])
            #expect(pair.cap == Money.yuan(100_000).fen)   // ¥50,000 a certificate, two of them
            // MUT: two, then the third (exactly at the cap)
            _ = try await kit.approve(pair, amount: "100000")
            let atCap = try await kit.approve(third, amount: "50000")
            // validation
            #expect(atCap.stage == .approved)
            let before = try await kit.balances(fund)
            // MUT: one over
            let refused = await FundFixture.refusal { _ = try await kit.approve(fourth, amount: "50000") }
            // validation: refused with the count, nothing written
            #expect(refused?.status == .conflict)
            #expect(refused?.code == "grant_refused")
            let reason = try #require(refused?.fields["per-year-limit"])
            #expect(reason.zh.contains("已资助 3 项") && reason.zh.contains("超过每年 3 项的上限"))
            #expect(reason.en.contains("over the limit of 3"))
            #expect(try await GrantApplication.find(fourth.id!, on: app.db)?.stage == .submitted)
            #expect(try await kit.balances(fund) == before)
            #expect(try await GrantMatter.query(on: app.db).filter(\.$matterKey == "certificate:GP-2026-004").count() == 0)
        }
    }

    @Test("fund balance: exactly enough is approved; one fen short is refused with the shortfall")
    func balanceBoundary() async throws {
        try await withTestApp { app in
            // setup: ¥150,000 for carbon-footprint labels (004 item 3, up to ¥100,000 a certificate)
            let kit = FundFixture(app: app)
            let fund = try await kit.fund(budget: "150000")
            let (_, company) = try await kit.enterprise(2, certificates: [(.gbaCarbonFootprintLabel, "CFL-A"), (.gbaCarbonFootprintLabel, "CFL-B")])
            let first = try await kit.apply(company, fund: fund, programme: FundFixture.carbon004, matters: ["certificate:CFL-A"])
            let second = try await kit.apply(company, fund: fund, programme: FundFixture.carbon004, matters: ["certificate:CFL-B"])
            _ = try await kit.approve(first, amount: "100000")
            // MUT: one fen more than the ¥50,000 left
            let refused = await FundFixture.refusal { _ = try await kit.approve(second, amount: "50000.01") }
            // validation
            let reason = try #require(refused?.fields["fund-balance"])
            #expect(reason.zh.contains("可用余额为 5 万元") && reason.zh.contains("差 0.01 元"))
            #expect(reason.en.contains("short by ¥0.01"))
            #expect(try await kit.balances(fund).available == Money.yuan(50_000).fen)
            #expect(try await GrantApplication.find(second.id!, on: app.db)?.stage == .submitted)
            #expect(try await GrantMatter.query(on: app.db).filter(\.$matterKey == "certificate:CFL-B").count() == 0)
            // MUT: exactly what is left
            let approved = try await kit.approve(second, amount: "50000.00")
            // validation
            #expect(approved.approvedAmount == Money.yuan(50_000).fen)
            let balances = try await kit.balances(fund)
            #expect(balances.available == 0 && balances.committed == Money.yuan(150_000).fen)
        }
    }

    @Test("first time only (004 item 9): a first award is funded; an earlier award, or an earlier grant imported later, refuses it")
    func firstTime() async throws {
        try await withTestApp { app in
            // setup
            let kit = FundFixture(app: app)
            let fund = try await kit.fund(budget: "5000000")
            let lastYear = kit.today.year - 1
            let award = { (year: Int) in AwardRecord(kind: .guangdongQualityAward, level: .provincial, year: year) }
            let (_, first) = try await kit.enterprise(3, awards: [award(lastYear)])
            let (_, again) = try await kit.enterprise(4, awards: [award(2019), award(lastYear)])
            let (imported, later) = try await kit.enterprise(5, awards: [award(lastYear)])

            // MUT + validation: the first award, fixed ¥1,000,000
            let grant = try await kit.apply(first, fund: fund, programme: FundFixture.guangdong004)
            #expect(grant.matters == ["award:guangdongQualityAward:\(lastYear)"])
            #expect(grant.offered == Money(wan: 100).fen)
            #expect(try await kit.approve(grant).stage == .approved)

            // An earlier award in the facts: not accepted, with the engine's reason.
            let notFirst = await FundFixture.refusal { _ = try await kit.apply(again, fund: fund, programme: FundFixture.guangdong004) }
            #expect(notFirst?.fields["first-time-only"]?.zh.contains("此前已获评") == true)
            #expect(try await GrantApplication.query(on: app.db).filter(\.$enterprise.$id == again.enterpriseID).count() == 0)

            // An earlier grant imported after the application: the approval sees it.
            let pending = try await kit.apply(later, fund: fund, programme: FundFixture.guangdong004)
            let csv = "统一社会信用代码,项目编号,事项,资助日期,资助金额（元）\n\(imported.creditCode),\(FundFixture.guangdong004),award:guangdongQualityAward:2019,2020-03-01,1000000\n"
            let report = try await FundHistoryImport(database: app.db, clock: kit.clock, assessor: app.qualityCity.assessor)
                .run(data: Data(csv.utf8), filename: "history.csv", actor: .system)
            #expect(report.imported == 1 && report.errors.isEmpty)
            let refused = await FundFixture.refusal { _ = try await kit.approve(pending) }
            #expect(refused?.fields["first-time-only"]?.zh.contains("仅限首次") == true)
            #expect(try await kit.balances(fund).committed == Money(wan: 100).fen)
        }
    }

    @Test("no double benefit: the same certificate under 004 and then 003 is refused, and the other way round")
    func doubleBenefit() async throws {
        try await withTestApp { app in
            // setup: one carbon-footprint certificate, funds of both policies
            let kit = FundFixture(app: app)
            let fund004 = try await kit.fund(budget: "1000000")
            let fund003 = try await kit.fund(FundFixture.policy003, budget: "1000000")
            let (_, one) = try await kit.enterprise(6, certificates: [(.gbaCarbonFootprintLabel, "CFL-X")])
            let (_, two) = try await kit.enterprise(7, certificates: [(.gbaCarbonFootprintLabel, "CFL-Y")])

            // MUT: funded under 004, then applied for under 003
            _ = try await kit.approve(try await kit.apply(one, fund: fund004, programme: FundFixture.carbon004, matters: ["certificate:CFL-X"]),
                                      amount: "100000")
            let under003 = await FundFixture.refusal {
                _ = try await kit.apply(one, fund: fund003, programme: FundFixture.green003, matters: ["certificate:CFL-X"])
            }
            // validation
            let reason = try #require(under003?.fields["no-double-benefit"])
            #expect(reason.zh.contains("certificate:CFL-X") && reason.zh.contains(FundFixture.policy004) && reason.zh.contains("不得重复享受"))

            // MUT: funded under 003 first, then 004 — the engine's own item-14 rule refuses it
            _ = try await kit.approve(try await kit.apply(two, fund: fund003, programme: FundFixture.green003, matters: ["certificate:CFL-Y"]),
                                      amount: "50000")
            let under004 = await FundFixture.refusal {
                _ = try await kit.apply(two, fund: fund004, programme: FundFixture.carbon004, matters: ["certificate:CFL-Y"])
            }
            #expect(under004?.fields["no-double-benefit"]?.zh.contains(FundFixture.policy003) == true)
            #expect(try await kit.balances(fund004).committed == Money.yuan(100_000).fen)
        }
    }

    @Test("bad input is refused with a clear message and nothing is written")
    func badInput() async throws {
        try await withTestApp { app in
            // setup
            let kit = FundFixture(app: app)
            let fund = try await kit.fund(budget: "500000")
            let (_, company) = try await kit.enterprise(8, certificates: [(.gbaCarbonFootprintLabel, "CFL-Z")])
            let grant = try await kit.apply(company, fund: fund, programme: FundFixture.carbon004)
            let before = try await kit.balances(fund)
            let audit = try await AuditEvent.query(on: app.db).count()
            // MUT + validation
            let cases: [(String, String, String)] = [
                ("-100", "amount", "不能为负数"), ("100.005", "amount", "两位小数"), ("100000.01", "amount", "超过上限"),
                ("0", "amount", "大于零"), ("abc", "amount", "须为数字"), ("50000", "reason", "说明理由"),
            ]
            for (amount, field, message) in cases {
                let refused = await FundFixture.refusal {
                    _ = try await kit.approval.approve(try await kit.city(), grantID: grant.id!, .init(version: grant.version, amount: amount))
                }
                #expect(refused?.status == .unprocessableEntity, "\(amount)")
                #expect(refused?.fields[field]?.zh.contains(message) == true, "\(amount): \(String(describing: refused?.fields))")
            }
            let unknownFund = await FundFixture.refusal {
                _ = try await kit.approval.approve(try await kit.city(), grantID: grant.id!,
                                                   .init(version: grant.version, fundID: UUID().uuidString, amount: "1000", reason: "x"))
            }
            #expect(unknownFund?.fields["fundID"] == Strings.Funds.unknownFund)
            let unknownApply = await FundFixture.refusal {
                _ = try await kit.grants.apply(company, .init(fundID: UUID().uuidString, programmeID: FundFixture.carbon004))
            }
            #expect(unknownApply?.fields["fundID"] == Strings.Funds.unknownFund)
            let negativeBudget = await FundFixture.refusal {
                _ = try await kit.funds.move(try await kit.finance(), fundID: fund.id!, movement: .appropriation, amount: "-5", memo: "x")
            }
            #expect(negativeBudget?.fields["amount"]?.zh.contains("负数") == true)
            let overdrawn = await FundFixture.refusal {
                _ = try await kit.funds.move(try await kit.finance(), fundID: fund.id!, movement: .reduction, amount: "500000.01", memo: "调减")
            }
            #expect(overdrawn?.status == .conflict)
            // Nothing was written by any of them.
            #expect(try await kit.balances(fund) == before)
            #expect(try await AuditEvent.query(on: app.db).count() == audit)
            #expect(try await GrantApplication.find(grant.id!, on: app.db)?.stage == .submitted)
        }
    }

    @Test("tiered and rank-and-threshold items: the officer's tier or the evaluation result settles the amount")
    func tiersAndRank() async throws {
        try await withTestApp { app in
            // setup
            let kit = FundFixture(app: app)
            let fund = try await kit.fund(budget: "10000000")
            let (_, company) = try await kit.enterprise(9)
            // 004 item 8: grades of ¥2,000,000 / ¥1,000,000 / ¥500,000, with a finding on the connectivity effect.
            let tiered = await FundFixture.refusal {
                _ = try await kit.apply(company, fund: fund, programme: "sz2023-m08-gba-qi-connectivity", tier: "fourth")
            }
            #expect(tiered?.fields["tier"] != nil)
            let graded = try await kit.apply(company, fund: fund, programme: "sz2023-m08-gba-qi-connectivity", tier: "second")
            let undecided = await FundFixture.refusal { _ = try await kit.approve(graded) }
            #expect(undecided?.fields["connectivity-effect"]?.zh.contains("待认定") == true)
            let approved = try await kit.approve(graded, findings: ["connectivityEffect": true])
            #expect(approved.approvedAmount == Money(wan: 100).fen)

            // 004 item 10: 50% of the maximum (inclusive) and a rank within 15.
            let excellence = try await kit.apply(company, fund: fund, programme: "sz2023-m10-excellence-performance")
            let city = try await kit.city()
            let below = await FundFixture.refusal {
                _ = try await kit.approval.approve(city, grantID: excellence.id!, .init(version: 1, score: "499", maximumScore: "1000", rank: "3"))
            }
            #expect(below?.fields["rank-and-threshold"]?.zh.contains("未达到 50%") == true)
            let outside = await FundFixture.refusal {
                _ = try await kit.approval.approve(city, grantID: excellence.id!, .init(version: 1, score: "500", maximumScore: "1000", rank: "16"))
            }
            #expect(outside?.fields["rank-and-threshold"]?.zh.contains("不在前 15 名") == true)
            let exactly = try await kit.approval.approve(city, grantID: excellence.id!, .init(version: 1, score: "500", maximumScore: "1000", rank: "15"))
            #expect(exactly.approvedAmount == Money(wan: 30).fen)
        }
    }
}
