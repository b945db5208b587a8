import Fluent
import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Testing
import Vapor

/// Setup for the money tests: Shenzhen enterprises with the certificates and awards a case needs, people of
/// each role, funds with budgets, and the services they act through.
struct FundFixture {
    let app: Application

    var db: any Database { app.db }
    var clock: any WallClock { app.qualityCity.clock }
    var today: CalendarDate { clock.today() }
    var grants: GrantService {
        GrantService(database: db, clock: clock, assessor: app.qualityCity.assessor, uploads: app.qualityCity.uploads)
    }
    var approval: GrantApproval { GrantApproval(database: db, clock: clock, assessor: app.qualityCity.assessor) }
    var funds: FundService { FundService(database: db, clock: clock, assessor: app.qualityCity.assessor) }
    var disbursements: FundDisbursements { FundDisbursements(database: db, clock: clock) }

    static let policy004 = "sz-quality-brand-measures-2023"
    static let policy003 = "sz-quality-brand-fund-draft"
    static let carbon004 = "sz2023-m03-carbon-footprint-label"
    static let green003 = "szdraft-p03-green-certification"
    static let guangdong004 = "sz2023-m09-guangdong-quality-award"

    /// An account of `role`, signed-in-user shaped; the password is the demo one.
    func person(_ username: String, role: Role, enterpriseID: UUID? = nil, district: String? = nil) async throws -> SignedInUser {
        let account: Account
        if let existing = try await Account.query(on: db).filter(\.$username == username).first() {
            account = existing
        } else {
            account = Account(username: username, displayName: username, passwordHash: try await app.password.async.hash(DemoCity.password),
                              role: role, district: district, enterpriseID: enterpriseID)
            try await account.create(on: db)
        }
        return SignedInUser(accountID: account.id!, username: username, displayName: username, role: role, district: district,
                            enterpriseID: enterpriseID, department: nil, sessionID: UUID())
    }

    func finance() async throws -> FinanceOfficer { FinanceOfficer(try await person("test-finance", role: .finance))! }
    func city() async throws -> CityOfficer { CityOfficer(try await person("test-city", role: .cityOfficer))! }

    /// A Shenzhen enterprise (南山区) with certificates valid today and the awards given.
    func enterprise(_ index: Int, certificates: [(CertificationType, String)] = [], awards: [AwardRecord] = []) async throws -> (Enterprise, EnterpriseUser) {
        let organisation = "MA5QF" + String(format: "%04d", index)
        let code = try #require(CreditCode.withCheckDigit("91440305" + organisation))
        var facts = EnterpriseFacts(registration: Registration(creditCode: code, name: "测试企业\(index)有限公司", city: "深圳市", district: "南山区",
                                                               registeredOn: today.adding(years: -8), legalForm: .legalPerson, industryCode: "C3981"))
        facts.certifications = certificates.map { type, number in
            Certification(type: type, number: number, issuer: "测试认证机构", validFrom: today.adding(months: -3), validTo: today.adding(years: 3))
        }
        facts.awards = awards
        let enterprise = Enterprise(creditCode: code.value, name: facts.registration.name, city: "深圳市", district: "南山区",
                                    factsJSON: JSONText.encode(facts))
        try await enterprise.create(on: db)
        let user = try await person("test-ent-\(index)", role: .enterprise, enterpriseID: enterprise.id, district: "南山区")
        return (enterprise, EnterpriseUser(user)!)
    }

    /// A fund with `budget` yuan (as typed).
    func fund(_ policy: String = Self.policy004, programme: String = "", year: Int? = nil, budget: String) async throws -> Fund {
        try await funds.create(try await finance(), .init(policyID: policy, programmeID: programme, year: String(year ?? today.year),
                                                          funderName: "测试局", budget: budget))
    }

    func apply(_ who: EnterpriseUser, fund: Fund, programme: String, matters: [String] = [], tier: String = "") async throws -> GrantApplication {
        try await grants.apply(who, .init(fundID: fund.id!.uuidString, programmeID: programme, matters: matters, tier: tier), allowSandbox: true)
    }

    func approve(_ grant: GrantApplication, amount: String = "", reason: String = "", findings: [String: Bool] = [:]) async throws -> GrantApplication {
        try await approval.approve(try await city(), grantID: grant.id!, .init(version: grant.version, amount: amount,
                                                                               reason: reason.isEmpty && !amount.isEmpty ? "按实际投入核定" : reason,
                                                                               findings: findings))
    }

    func balances(_ fund: Fund) async throws -> FundBalances {
        let derived = try await FundLedger.balances(fundID: fund.id!, on: db)
        #expect(try await FundLedger.counter(fundID: fund.id!, on: db) == derived, "the counter row left the entries")
        #expect(derived.isBalanced && derived.isNonNegative)
        return derived
    }

    /// The refusal `body` ends in, or a failed expectation.
    static func refusal(_ body: () async throws -> Void) async -> AppError? {
        do {
            try await body()
            Issue.record("expected a refusal")
            return nil
        } catch let error as AppError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}

extension Money {
    static func yuan(_ value: Int64) -> Money { Money(yuan: value) }
}
