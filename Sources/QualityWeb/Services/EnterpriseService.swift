import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Enterprise sign-up and the enterprise's own record.
struct EnterpriseService: Sendable {
    let database: any Database
    let clock: any WallClock
    let hasher: AsyncPasswordHasher

    struct SignUp: Content, Sendable {
        var creditCode: String
        var name: String
        var district: String
        var registeredOn: String
        var legalForm: String
        var industryCode: String
        var contactName: String
        var contactPhone: String
        var username: String
        var password: String
        var passwordConfirmation: String?
    }

    static let legalForms: [(String, LocalizedText)] = [
        ("legalPerson", T(zh: "企业法人", en: "Enterprise with legal personality")),
        ("branch", T(zh: "分公司（分支机构）", en: "Branch")),
        ("nationalSystemBranch", T(zh: "全国系统分公司（负责人制）", en: "Branch of a national system")),
        ("partnership", T(zh: "合伙企业", en: "Partnership")),
        ("soleProprietorship", T(zh: "个人独资企业", en: "Sole proprietorship")),
        ("publicInstitution", T(zh: "事业单位", en: "Public institution")),
        ("socialOrganization", T(zh: "社会组织", en: "Social organisation")),
        ("other", T(zh: "其他", en: "Other")),
    ]

    /// Checks every field and reports all problems at once; nothing is written unless all are right.
    func signUp(_ input: SignUp) async throws -> (Enterprise, Account) {
        var problems: [String: LocalizedText] = [:]
        let code: CreditCode?
        switch CreditCode.validate(input.creditCode) {
        case .success(let valid): code = valid
        case .failure(let problem): code = nil; problems["creditCode"] = problem.message
        }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["name"] = Strings.Form.required(Strings.Form.enterpriseName) }
        if name.count > 100 { problems["name"] = Strings.Form.tooLong(100) }
        let city = Regions.city(ofDistrict: input.district)
        if city == nil { problems["district"] = Strings.Signup.chooseDistrict }
        let registered = CalendarDate(iso: input.registeredOn)
        if registered == nil { problems["registeredOn"] = Strings.Form.badDate }
        if let registered, registered > clock.today() { problems["registeredOn"] = Strings.Signup.registeredInFuture }
        if !Self.legalForms.contains(where: { $0.0 == input.legalForm }) { problems["legalForm"] = Strings.Signup.chooseLegalForm }
        let industry = input.industryCode.trimmingCharacters(in: .whitespaces).uppercased()
        if !Self.isIndustryCode(industry) { problems["industryCode"] = Strings.Signup.badIndustry }
        if input.contactName.trimmingCharacters(in: .whitespaces).isEmpty { problems["contactName"] = Strings.Form.required(Strings.Form.contactName) }
        if !ApplicationForm.isPhone(input.contactPhone) { problems["contactPhone"] = Strings.Form.badPhone }
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        if !Self.isUsername(username) { problems["username"] = Strings.Signup.badUsername }
        if username.hasPrefix("demo-") { problems["username"] = Strings.Signup.reservedUsername }
        if let problem = Self.passwordProblem(input.password) { problems["password"] = problem }
        if let confirmation = input.passwordConfirmation, confirmation != input.password {
            problems["passwordConfirmation"] = Strings.Signup.passwordsDiffer
        }
        if problems["username"] == nil, try await Account.query(on: database).filter(\.$username == username).first() != nil {
            problems["username"] = Strings.Signup.usernameTaken
        }
        var existing: Enterprise?
        if let code {
            existing = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).first()
            if let existing, try await Account.query(on: database).filter(\.$enterprise.$id == existing.id!).first() != nil {
                problems["creditCode"] = Strings.Signup.alreadyRegistered
            }
        }
        guard problems.isEmpty, let code, let city, let registered else {
            throw AppError.invalid(Strings.Form.fixFields, fields: problems)
        }
        let hash = try await hasher.hash(input.password)
        let facts: [String: Any] = ["schemaVersion": 1, "registration": [
            "creditCode": code.value, "name": name, "city": city.name, "district": input.district,
            "registeredOn": registered.iso, "legalForm": input.legalForm, "industryCode": industry, "operatingStatus": "active",
        ]]
        let factsJSON = String(decoding: try JSONSerialization.data(withJSONObject: facts, options: [.sortedKeys]), as: UTF8.self)
        let contactName = input.contactName.trimmingCharacters(in: .whitespaces)
        let contactPhone = input.contactPhone.trimmingCharacters(in: .whitespaces)
        let now = clock.now()
        let claimed = existing
        return try await database.writeTransaction { tx in
            // An enterprise already known from the registry is claimed; its facts are kept.
            let enterprise = claimed ?? Enterprise(creditCode: code.value, name: name, city: city.name,
                                                    district: input.district, factsJSON: factsJSON)
            enterprise.contactName = contactName
            enterprise.contactPhone = contactPhone
            try await enterprise.save(on: tx)
            let account = Account(username: username, displayName: name, passwordHash: hash, role: .enterprise,
                                  district: enterprise.district, enterpriseID: enterprise.id)
            account.phone = contactPhone
            try await account.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: AuditActor(accountID: account.id, role: Role.enterprise.rawValue, name: name),
                subjectType: "enterprise", subjectID: enterprise.id!.uuidString,
                action: claimed == nil ? "sign_up" : "claim", reason: code.value, occurredAt: now), on: tx)
            return (enterprise, account)
        }
    }

    /// GB/T 4754-2017: a section letter A–T, optionally followed by 2 to 4 digits ("C", "C39", "C3981").
    static func isIndustryCode(_ code: String) -> Bool {
        guard let first = code.first, ("A"..."T").contains(first) else { return false }
        let digits = code.dropFirst()
        return digits.isEmpty || ((2...4).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber })
    }

    static func isUsername(_ name: String) -> Bool {
        (3...40).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    static func passwordProblem(_ password: String) -> LocalizedText? {
        guard password.count >= 8 else { return Strings.Signup.passwordTooShort }
        guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else { return Strings.Signup.passwordTooSimple }
        return nil
    }
}
