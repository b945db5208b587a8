import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Prepares many applications that are ready to submit, for the load and crash tests: enterprises with
/// eligible facts, their accounts with API tokens, drafts with a complete form and every material attached.
/// Writes directly (one password hash for all), because signing up thousands over HTTP would mostly time
/// Bcrypt. Marked as demo data so `demo --reset` removes it.
public enum LoadTestSeed {
    public struct Ready: Sendable {
        public var applicationID: UUID
        public var token: String
        public var version: Int
    }

    public static func prepare(_ app: Application, applications count: Int, district: String = "南山区") async throws -> (callID: UUID, ready: [Ready]) {
        let today = app.qualityCity.clock.today()
        let call = Call(programmeID: "sz-backbone", policyID: "sz-backbone-2014", year: today.year,
                        title: LocalizedText(zh: "负载测试申报（演示）", en: "Load test call (demo)"),
                        opensOn: today.adding(days: -1), closesOn: today.adding(days: 30), quota: 100, stage: .open,
                        materials: [RequiredMaterial(key: "m1", title: LocalizedText(zh: "申报表", en: "Form"))],
                        contacts: "—", isDemo: true)
        call.rubricYAML = RubricDefinition.template(for: "sz-backbone")
        try await call.create(on: app.db)
        let file = EvidenceFile(sha256: String(repeating: "0", count: 64), displayName: "form.pdf", contentType: "application/pdf",
                                size: 1, enterpriseID: nil, uploadedBy: nil)
        try await file.create(on: app.db)
        let hash = try await app.password.async.hash(DemoCity.password)
        let form = JSONText.encode(ApplicationForm(enterpriseName: "负载测试企业", creditCode: "", district: district, legalRepresentative: "张三",
                                                   contactName: "李四", contactPhone: "0755-83177171", contactEmail: "", address: "深圳市",
                                                   summary: "负载测试"))
        let division = Regions.cities.flatMap(\.districts).first { $0.name == district }?.divisionCode ?? "440305"
        var ready: [Ready] = []
        let now = app.qualityCity.clock.now()
        for batch in stride(from: 0, to: count, by: 500) {
            let slice = batch..<min(count, batch + 500)
            let made: [Ready] = try await app.db.transaction { tx in
                var made: [Ready] = []
                for index in slice {
                    let body = "91" + division + "LT" + String(format: "%07d", index)
                    guard let code = CreditCode.withCheckDigit(body) else { continue }
                    var spec = DemoEnterprises.specs[0]
                    spec.name = "负载测试企业 \(index)"
                    let enterprise = Enterprise(creditCode: code.value, name: spec.name, city: "深圳市", district: district,
                                                factsJSON: DemoFacts.facts(for: spec, creditCode: code, today: today), isDemo: true)
                    try await enterprise.create(on: tx)
                    let account = Account(username: "demo-load-\(index)", displayName: spec.name, passwordHash: hash, role: .enterprise,
                                          district: district, enterpriseID: enterprise.id)
                    try await account.create(on: tx)
                    let token = SessionAuthenticator.newToken()
                    try await UserSession(tokenHash: SessionAuthenticator.hash(token), accountID: account.id!, createdAt: now,
                                          expiresAt: now.addingTimeInterval(SessionAuthenticator.apiLifetime), kind: "api").create(on: tx)
                    let application = CallApplication(callID: call.id!, enterpriseID: enterprise.id!, district: district, formJSON: form)
                    try await application.create(on: tx)
                    try await ApplicationMaterial(applicationID: application.id!, materialKey: "m1", fileID: file.id!).create(on: tx)
                    made.append(Ready(applicationID: application.id!, token: token, version: application.version))
                }
                return made
            }
            ready += made
        }
        return (call.id!, ready)
    }
}

extension LoadTestSeed {
    /// `calls` calls of the Jiangmen programme (five a year) for `year`, each at the committee with one
    /// scored application: many concurrent approvals, one quota of five.
    public static func committeeRace(_ app: Application, calls count: Int, year: Int) async throws -> [UUID] {
        let hash = try await app.password.async.hash(DemoCity.password)
        return try await app.db.transaction { tx in
            var ids: [UUID] = []
            for index in 0..<count {
                let call = Call(programmeID: "jm-innovation-centre", policyID: "jm-innovation-centre-2022", year: year,
                                title: LocalizedText(zh: "并发审定测试 \(index)（演示）", en: "Race test \(index) (demo)"),
                                opensOn: CalendarDate(year: year, month: 1, day: 1)!, closesOn: CalendarDate(year: year, month: 2, day: 1)!,
                                quota: 5, stage: .committee, materials: [], contacts: "—", isDemo: true)
                try await call.create(on: tx)
                guard let code = CreditCode.withCheckDigit("91440703RC" + String(format: "%07d", index)) else { continue }
                var spec = DemoEnterprises.specs[6]
                spec.name = "并发测试企业 \(index)"
                let enterprise = Enterprise(creditCode: code.value, name: spec.name, city: "江门市", district: "蓬江区",
                                            factsJSON: DemoFacts.facts(for: spec, creditCode: code, today: app.qualityCity.clock.today()), isDemo: true)
                try await enterprise.create(on: tx)
                let application = CallApplication(callID: call.id!, enterpriseID: enterprise.id!, district: "蓬江区")
                application.stage = .scored
                application.aggregateScore = 8000 - index
                try await application.create(on: tx)
                ids.append(call.id!)
            }
            for index in 1...4 where try await Account.query(on: tx).filter(\.$username == "demo-committee-\(index)").first() == nil {
                try await Account(username: "demo-committee-\(index)", displayName: "委员 \(index)（演示）", passwordHash: hash,
                                  role: .committee).create(on: tx)
            }
            return ids
        }
    }
}

extension LoadTestSeed {
    /// One Shenzhen enterprise with `count` carbon-footprint certificates, a submitted ¥100,000 grant
    /// application for each, and a fund of 004 that can pay exactly `payable` of them: many concurrent
    /// approvals, a fund near empty. Returns each grant's id and version.
    public static func grantRace(_ app: Application, grants count: Int, payable: Int) async throws -> [(id: UUID, version: Int)] {
        let db = app.db
        let clock = app.qualityCity.clock
        let today = clock.today()
        let assessor = app.qualityCity.assessor
        let hash = try await app.password.async.hash(DemoCity.password)
        func person(_ username: String, role: Role, enterpriseID: UUID? = nil, district: String? = nil) async throws -> SignedInUser {
            let account: Account
            if let existing = try await Account.query(on: db).filter(\.$username == username).first() {
                account = existing
            } else {
                account = Account(username: username, displayName: "\(username)（演示）", passwordHash: hash, role: role, district: district,
                                  enterpriseID: enterpriseID)
                try await account.create(on: db)
            }
            return SignedInUser(accountID: try account.requireID(), username: username, displayName: account.displayName, role: role,
                                district: district, enterpriseID: enterpriseID, department: nil, sessionID: UUID())
        }
        guard let finance = FinanceOfficer(try await person("demo-finance", role: .finance)),
              let code = CreditCode.withCheckDigit("91440305RACE00001") else { throw AppError.notFound() }
        var facts = EnterpriseFacts(registration: Registration(creditCode: code, name: "资金并发测试企业（演示）", city: "深圳市", district: "南山区",
                                                               registeredOn: today.adding(years: -8), legalForm: .legalPerson, industryCode: "C3981"))
        let numbers = (1...count).map { "CFL-RACE-\($0)" }
        facts.certifications = numbers.map {
            Certification(type: .gbaCarbonFootprintLabel, number: $0, issuer: "演示认证机构", validFrom: today.adding(months: -3), validTo: today.adding(years: 3))
        }
        let enterprise = Enterprise(creditCode: code.value, name: facts.registration.name, city: "深圳市", district: "南山区",
                                    factsJSON: JSONText.encode(facts), isDemo: true)
        try await enterprise.create(on: db)
        guard let applicant = EnterpriseUser(try await person("demo-enterprise-race", role: .enterprise, enterpriseID: enterprise.id, district: "南山区"))
        else { throw AppError.notFound() }
        let fund = try await FundService(database: db, clock: clock, assessor: assessor).create(
            finance, .init(policyID: "sz-quality-brand-measures-2023", programmeID: "sz2023-m03-carbon-footprint-label", year: String(today.year), funderName: "深圳市市场监督管理局",
                           budget: String(100_000 * payable)), isDemo: true)
        let service = GrantService(database: db, clock: clock, assessor: assessor, uploads: app.qualityCity.uploads)
        var made: [(id: UUID, version: Int)] = []
        for number in numbers {
            let grant = try await service.apply(applicant, .init(fundID: try fund.requireID().uuidString, programmeID: "sz2023-m03-carbon-footprint-label",
                                                                 matters: [MatterKey.certificate(number)]))
            made.append((try grant.requireID(), grant.version))
        }
        return made
    }
}
