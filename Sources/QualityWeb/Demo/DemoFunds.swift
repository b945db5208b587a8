import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// The demo city's money: this year's fund for 004 with its budget, grants in different states (one paid in
/// a disbursement batch, one approved and awaiting payment, one awaiting decision), made through the same
/// services as the pages so that the ledger, counters and audit are exactly what real use leaves.
enum DemoFunds {
    static let batchLabel = "演示批次：第一批"
    static let paymentReference = "DEMO-PAY-0001"

    /// Runs after the demo's scripted past (`DemoDecisions`), whose 2024 innovation-centre titles brought
    /// their first-time grants: those are approved against the 2024 Jiangmen fund and paid, as they were.
    static func create(_ app: Application, today: CalendarDate, passwordHash: String) async throws {
        let db = app.db
        func enterprise(_ profile: DemoEnterprises.Profile) async throws -> Enterprise? {
            guard let spec = DemoEnterprises.specs.first(where: { $0.profile == profile }) else { return nil }
            return try await Enterprise.query(on: db).filter(\.$name == spec.name).filter(\.$isDemo == true).first()
        }
        guard let awardee = try await enterprise(.grantAwardee), let carbon = try await enterprise(.grantCarbonLabel),
              let financeAccount = try await Account.query(on: db).filter(\.$username == "demo-finance").first(),
              let cityAccount = try await Account.query(on: db).filter(\.$username == "demo-city").first(),
              let awardeeAccount = try await Account.query(on: db).filter(\.$enterprise.$id == awardee.id!).first()
        else { return }
        // The carbon-label enterprise gets a sign-in of its own, so its grants can be seen from its side.
        let carbonAccount = Account(username: "demo-enterprise-carbon", displayName: carbon.name, passwordHash: passwordHash, role: .enterprise,
                                    district: carbon.district, enterpriseID: carbon.id)
        try await carbonAccount.create(on: db)
        guard let finance = FinanceOfficer(user(financeAccount)), let city = CityOfficer(user(cityAccount)),
              let awardeeUser = EnterpriseUser(user(awardeeAccount)), let carbonUser = EnterpriseUser(user(carbonAccount)) else { return }
        let assessor = app.qualityCity.assessor
        try await pastCentres(app, finance: finance, city: city)

        let clock = app.qualityCity.clock
        let funds = FundService(database: db, clock: clock, assessor: assessor)
        let grants = GrantService(database: db, clock: clock, assessor: assessor, uploads: app.qualityCity.uploads)
        let approval = GrantApproval(database: db, clock: clock, assessor: assessor)
        let disbursements = FundDisbursements(database: db, clock: clock)

        let fund = try await funds.create(finance, FundService.Draft(
            policyID: "sz-quality-brand-measures-2023", year: String(today.year), source: FundSource.cityBudget.rawValue,
            funderName: "深圳市市场监督管理局（演示）", budget: "5000000"), isDemo: true)

        // Paid: the Guangdong Government Quality Award won last year, first time (004 item 9).
        let award = try await grants.apply(awardeeUser, .init(fundID: fund.id!.uuidString, programmeID: "sz2023-m09-guangdong-quality-award",
                                                              statement: "我司于上年度首次获评广东省政府质量奖（演示数据）。"))
        _ = try await approval.approve(city, grantID: award.id!, .init(version: award.version))
        let batch = try await disbursements.createBatch(finance, grantIDs: [award.id!.uuidString], label: batchLabel)
        _ = try await disbursements.markPaid(finance, batchID: batch.id!, paymentReference: paymentReference, paidOn: today.iso)

        // Carbon-footprint labels (004 item 3, up to ¥100,000 a certificate): one approved below the cap, one waiting.
        guard case .success(let facts) = EnterpriseFacts.validate(data: Data(carbon.factsJSON.utf8)) else { return }
        let certificates = facts.certifications.filter { $0.type == .gbaCarbonFootprintLabel }.map(\.number).sorted()
        guard certificates.count >= 2 else { return }
        let first = try await grants.apply(carbonUser, .init(fundID: fund.id!.uuidString, programmeID: "sz2023-m03-carbon-footprint-label",
                                                             matters: [MatterKey.certificate(certificates[0])],
                                                             statement: "首张碳足迹标识认证证书，认证费用及改造投入约 9 万元（演示数据）。"))
        _ = try await approval.approve(city, grantID: first.id!, .init(version: first.version, amount: "80000",
                                                                       reason: "按认证费用及配套投入核定（演示数据）"))
        _ = try await grants.apply(carbonUser, .init(fundID: fund.id!.uuidString, programmeID: "sz2023-m03-carbon-footprint-label",
                                                     matters: [MatterKey.certificate(certificates[1])],
                                                     statement: "第二张碳足迹标识认证证书（演示数据）。"))
    }

    /// 2024: the Jiangmen fund, the first-time grants of that year's centres approved and paid, their plans filed.
    static func pastCentres(_ app: Application, finance: FinanceOfficer, city: CityOfficer) async throws {
        let titleGrants = try await GrantApplication.query(on: app.db).filter(\.$origin == .title).filter(\.$stage == .submitted)
            .sort(\.$submittedAt).all()
        let clock = FixedClock(CalendarDate(year: 2024, month: 11, day: 25)!)
        let assessor = app.qualityCity.assessor
        let fund = try await FundService(database: app.db, clock: clock, assessor: assessor).create(finance, FundService.Draft(
            policyID: "jm-innovation-centre-2022", programmeID: "jm-innovation-centre", year: "2024", source: FundSource.cityBudget.rawValue,
            funderName: "江门市市场监督管理局（演示）", budget: "500000"), isDemo: true)
        guard !titleGrants.isEmpty else { return }
        let approval = GrantApproval(database: app.db, clock: clock, assessor: assessor)
        for grant in titleGrants {
            _ = try await approval.approve(city, grantID: grant.id!, .init(version: grant.version, fundID: fund.id!.uuidString))
        }
        clock.set(CalendarDate(year: 2024, month: 12, day: 10)!)
        let disbursements = FundDisbursements(database: app.db, clock: clock)
        let batch = try await disbursements.createBatch(finance, grantIDs: titleGrants.map { $0.id!.uuidString }, label: "2024 年创新中心首次资助")
        _ = try await disbursements.markPaid(finance, batchID: batch.id!, paymentReference: "JMCZ-DEMO-2024-01", paidOn: "2024-12-10")
        clock.set(CalendarDate(year: 2024, month: 12, day: 20)!)
        let reports = GrantReports(database: app.db, clock: clock)
        for grant in titleGrants {
            guard let account = try await Account.query(on: app.db).filter(\.$enterprise.$id == grant.$enterprise.id).first(),
                  let holder = EnterpriseUser(user(account)), let paid = try await GrantApplication.find(grant.id!, on: app.db) else { continue }
            _ = try await reports.submit(holder, grant: paid, kind: "plan", year: "",
                                         text: "资助资金 10 万元用于检测设备升级与质量人员培训，按季度核算（演示数据）。", spent: "")
        }
    }

    static func user(_ account: Account) -> SignedInUser {
        SignedInUser(accountID: account.id!, username: account.username, displayName: account.displayName, role: account.role,
                     district: account.district, enterpriseID: account.$enterprise.id, department: account.department, sessionID: UUID())
    }

    /// Removes the money records of demo enterprises, demo funds and demo applications' titles, children first.
    static func remove(on database: any Database, enterprises: [UUID], applications: [UUID]) async throws {
        let funds = try await Fund.query(on: database).filter(\.$isDemo == true).all().compactMap(\.id)
        let titles = try await Title.query(on: database).filter(\.$application.$id ~~ applications).all().compactMap { $0.id.map(Optional.init) }
        let grants = try await GrantApplication.query(on: database).group(.or) {
            $0.filter(\.$enterprise.$id ~~ enterprises).filter(\.$fund.$id ~~ funds.map(Optional.init)).filter(\.$titleID ~~ titles)
        }.all().compactMap(\.id)
        try await GrantEvidence.query(on: database).filter(\.$grant.$id ~~ grants).delete()
        try await FundUseReport.query(on: database).filter(\.$grant.$id ~~ grants).delete()
        try await GrantMatter.query(on: database).group(.or) {
            $0.filter(\.$enterprise.$id ~~ enterprises).filter(\.$grantID ~~ grants.map(Optional.init))
        }.delete()
        try await PriorGrant.query(on: database).filter(\.$enterprise.$id ~~ enterprises).delete()
        for id in enterprises { try await GrantCounter.query(on: database).filter(\.$key =~ "year:\(id.uuidString):").delete() }
        for id in enterprises { try await GrantCounter.query(on: database).filter(\.$key =~ "first:\(id.uuidString):").delete() }
        // A fund that is not the demo's but paid demo grants keeps its other entries; its counter is then
        // recounted from what is left.
        let touched = Set(try await LedgerEntry.query(on: database).filter(\.$grantID ~~ grants.map(Optional.init)).all().map { $0.$fund.id })
            .subtracting(funds)
        try await LedgerEntry.query(on: database).group(.or) {
            $0.filter(\.$fund.$id ~~ funds).filter(\.$grantID ~~ grants.map(Optional.init))
        }.delete()
        for fundID in touched {
            guard let counter = try await FundBalance.find(fundID, on: database) else { continue }
            let balances = try await FundLedger.balances(fundID: fundID, on: database)
            (counter.budget, counter.available, counter.committed) = (balances.budget, balances.available, balances.committed)
            (counter.disbursed, counter.clawedBack) = (balances.disbursed, balances.clawedBack)
            try await counter.update(on: database)
        }
        try await GrantApplication.query(on: database).filter(\.$id ~~ grants).delete()
        try await DisbursementBatch.query(on: database).filter(\.$fund.$id ~~ funds).delete()
        try await FundBalance.query(on: database).filter(\.$id ~~ funds).delete()
        try await Fund.query(on: database).filter(\.$id ~~ funds).delete()
    }
}
