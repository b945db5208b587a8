import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Approvals arriving at the same moment, over HTTP, on whichever database the suite runs on (SQLite, and
/// PostgreSQL when QC_TEST_DATABASE_URL is set): never more money than the fund has, never past a cap, never
/// the same matter twice.
@Suite("Grants: concurrent approvals")
struct FundConcurrencyTests {
    /// Fires every approval at once through the API and returns the statuses.
    static func approveAll(_ app: Application, _ grants: [GrantApplication], amount: String) async throws -> [HTTPStatus] {
        let city = try await APIClient.signedIn(app, "test-city")
        return try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for grant in grants {
                group.addTask {
                    try await city.post("/api/v1/grants/\(grant.id!)/approve",
                                        json: ["version": grant.version, "amount": amount, "reason": "按认证费用核定"]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("20 approvals at once against a fund that can pay 5: exactly 5 approved, the rest told the balance")
    func fundNeverOverdrawn() async throws {
        try await withTestApp { app in
            // setup: ¥500,000 and twenty certificates of ¥100,000 each
            let kit = FundFixture(app: app)
            _ = try await kit.city()
            let fund = try await kit.fund(budget: "500000")
            let certificates = (1...20).map { (CertificationType.gbaCarbonFootprintLabel, "CFL-C\($0)") }
            let (_, company) = try await kit.enterprise(20, certificates: certificates)
            var grants: [GrantApplication] = []
            for (_, number) in certificates {
                grants.append(try await kit.apply(company, fund: fund, programme: FundFixture.carbon004, matters: [MatterKey.certificate(number)]))
            }
            // MUT
            let clock = ContinuousClock()
            let started = clock.now
            let statuses = try await Self.approveAll(app, grants, amount: "100000")
            let elapsed = clock.now - started
            // validation
            #expect(statuses.filter { $0 == .ok }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 15)
            let approved = try await GrantApplication.query(on: app.db).filter(\.$stage == .approved).count()
            #expect(approved == 5)
            let balances = try await kit.balances(fund)
            #expect(balances.available == 0 && balances.committed == Money.yuan(500_000).fen && balances.entries == 6)
            #expect(try await GrantMatter.query(on: app.db).count() == 5)
            print("money: 20 concurrent approvals on \(TestDatabase.kind) took \(elapsed)")
        }
    }

    @Test("10 approvals at once for one enterprise under a 3-a-year cap: exactly 3 approved")
    func capNeverBroken() async throws {
        try await withTestApp { app in
            // setup: 003 item 3 (sandbox), plenty of money, ten green certificates
            let kit = FundFixture(app: app)
            _ = try await kit.city()
            let fund = try await kit.fund(FundFixture.policy003, budget: "10000000")
            let certificates = (1...10).map { (CertificationType.greenProduct, "GP-C\($0)") }
            let (company, user) = try await kit.enterprise(21, certificates: certificates)
            var grants: [GrantApplication] = []
            for (_, number) in certificates {
                grants.append(try await kit.apply(user, fund: fund, programme: FundFixture.green003, matters: [MatterKey.certificate(number)]))
            }
            // MUT
            let statuses = try await Self.approveAll(app, grants, amount: "50000")
            // validation
            #expect(statuses.filter { $0 == .ok }.count == 3, "\(statuses)")
            #expect(try await GrantApplication.query(on: app.db).filter(\.$stage == .approved).count() == 3)
            let key = GrantCounter.perYearKey(enterpriseID: company.id!, programmeID: FundFixture.green003, year: kit.today.year)
            #expect(try await GrantCounter.query(on: app.db).filter(\.$key == key).first()?.used == 3)
            #expect(try await kit.balances(fund).committed == Money.yuan(150_000).fen)
        }
    }

    @Test("the same certificate approved under 004 and 003 at the same moment: funded once")
    func matterFundedOnce() async throws {
        try await withTestApp { app in
            // setup: two applications for one certificate that raced past the application check
            let kit = FundFixture(app: app)
            _ = try await kit.city()
            let fund004 = try await kit.fund(budget: "1000000")
            let fund003 = try await kit.fund(FundFixture.policy003, budget: "1000000")
            let (company, user) = try await kit.enterprise(22, certificates: [(.gbaCarbonFootprintLabel, "CFL-RACE")])
            let under004 = try await kit.apply(user, fund: fund004, programme: FundFixture.carbon004, matters: ["certificate:CFL-RACE"])
            let under003 = GrantApplication(fundID: fund003.id, enterpriseID: company.id!, policyID: FundFixture.policy003,
                                            programmeID: FundFixture.green003, origin: .application, matters: ["certificate:CFL-RACE"],
                                            claim: GrantClaim(), statement: "", sandbox: true, submittedAt: Date())
            try await under003.create(on: app.db)
            // MUT
            let city = try await APIClient.signedIn(app, "test-city")
            async let first = city.post("/api/v1/grants/\(under004.id!)/approve", json: ["version": 1, "amount": "50000", "reason": "核定"])
            async let second = city.post("/api/v1/grants/\(under003.id!)/approve", json: ["version": 1, "amount": "50000", "reason": "核定"])
            let replies = [try await first, try await second]
            // validation
            #expect(replies.filter { $0.status == .ok }.count == 1, "\(replies.map(\.text))")
            let refused = try #require(replies.first { $0.status == .conflict })
            #expect(try refused.error.fields?["no-double-benefit"]?.zh.contains("certificate:CFL-RACE") == true)
            #expect(try await GrantMatter.query(on: app.db).filter(\.$matterKey == "certificate:CFL-RACE").count() == 1)
            let committed = try await kit.balances(fund004).committed + kit.balances(fund003).committed
            #expect(committed == Money.yuan(50_000).fen)
        }
    }
}
