import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Grant applications from the enterprise's side: applying for a funded item with evidence, withdrawing,
/// and what each role may see. The amount is the rules engine's; the approval is in `GrantApproval`.
struct GrantService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor
    let uploads: UploadStore

    var today: CalendarDate { clock.today() }
    var now: Date { clock.now() }

    func engine() throws -> GrantEngine { try GrantEngine.from(assessor) }

    // MARK: Reading

    /// The grant, if this person may see it; "not found" otherwise.
    func visible(_ id: UUID, to user: SignedInUser) async throws -> GrantApplication {
        guard let grant = try await GrantApplication.query(on: database).filter(\.$id == id).with(\.$enterprise).with(\.$fund).first(),
              Self.canSee(grant, user: user) else { throw AppError.notFound(Strings.Funds.grantNotFound) }
        return grant
    }

    static func canSee(_ grant: GrantApplication, user: SignedInUser) -> Bool {
        switch user.role {
        case .enterprise: grant.$enterprise.id == user.enterpriseID
        case .cityOfficer, .finance: true
        default: false
        }
    }

    /// Grants a person may list, newest first.
    func list(for user: SignedInUser, stage: GrantStage? = nil, fundID: UUID? = nil) async throws -> [GrantApplication] {
        let query = GrantApplication.query(on: database).with(\.$enterprise).with(\.$fund)
        switch user.role {
        case .enterprise:
            guard let enterpriseID = user.enterpriseID else { return [] }
            query.filter(\.$enterprise.$id == enterpriseID)
        case .cityOfficer, .finance: break
        default: return []
        }
        if let stage { query.filter(\.$stage == stage) }
        if let fundID { query.filter(\.$fund.$id == fundID) }
        return try await query.sort(\.$submittedAt, .descending).all()
    }

    /// Funds an enterprise may apply to today, with the items each pays for.
    func openFunds() async throws -> [(fund: Fund, programmes: [PolicyCatalog.Entry])] {
        let engine = try engine()
        let funds = try await Fund.query(on: database).filter(\.$sandbox == false).sort(\.$year, .descending).all()
        return funds.compactMap { fund in
            guard engine.catalog.policy(fund.policyID)?.status(on: today) == .inForce else { return nil }
            let items = engine.fundedProgrammes(drafts: false).filter { fund.covers(policyID: $0.policy.id, programmeID: $0.programme.id) }
            return items.isEmpty ? nil : (fund, items)
        }
    }

    // MARK: Applying

    struct ApplyInput: Sendable {
        var fundID: String
        var programmeID: String
        /// Matter keys (certificate:…, award:…) or project names; empty: the engine takes what qualifies.
        var matters: [String] = []
        var tier: String = ""
        var statement: String = ""
    }

    /// Applies for a funded item. The engine works out the matters and the amount; an application the rules
    /// already refuse (not eligible, not the first time, already funded) is refused with their explanation.
    /// `allowSandbox` admits funds of draft policies (the policy sandbox, issue 8); pages never set it.
    func apply(_ enterprise: EnterpriseUser, _ input: ApplyInput, allowSandbox: Bool = false) async throws -> GrantApplication {
        let engine = try engine()
        var problems: [String: LocalizedText] = [:]
        var fund: Fund?
        if let id = UUID(uuidString: input.fundID.trimmingCharacters(in: .whitespaces)) { fund = try await Fund.find(id, on: database) }
        if let found = fund, found.sandbox && !allowSandbox { fund = nil }
        if fund == nil { problems["fundID"] = Strings.Funds.unknownFund }
        let entry = engine.fundedProgrammes(drafts: fund?.sandbox ?? false).first { $0.programme.id == input.programmeID }
        if entry == nil { problems["programmeID"] = Strings.Funds.unknownProgramme }
        if let fund, let entry, !fund.covers(policyID: entry.policy.id, programmeID: entry.programme.id) {
            problems["programmeID"] = Strings.Funds.fundDoesNotCover(fund.name, entry.programme.title)
        }
        let statement = input.statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if statement.count > 2000 { problems["statement"] = Strings.Form.tooLong(2000) }
        var tier: String?
        if case .tiers(let tiers) = entry?.programme.award?.amount {
            tier = input.tier.trimmingCharacters(in: .whitespaces)
            if !tiers.contains(where: { $0.key == tier }) { problems["tier"] = Strings.Funds.chooseTier(tiers.map(\.label)) }
        }
        guard problems.isEmpty, let fund, let entry else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }
        if !fund.sandbox, entry.policy.status(on: today) != .inForce {
            throw AppError.conflict(Strings.Funds.policyNotInForce(entry.policy.title, entry.policy.status(on: today).label))
        }
        guard let company = try await Enterprise.find(enterprise.enterpriseID, on: database) else { throw AppError.forbidden }
        let facts = try GrantEngine.facts(of: company)
        let history = try await GrantEngine.history(enterpriseID: enterprise.enterpriseID, declared: facts.history, on: database)
        let matters = try engine.matters(for: entry.programme, facts: facts, history: history, on: today, requested: input.matters)
        // A matter funded before — under this policy or another, on the platform or before it — is not funded
        // again (004 item 14); the approval checks the same in its transaction.
        if history.grants.contains(where: { matters.contains($0.matter) }) {
            let check = GrantConstraints.noDoubleBenefit(matters: matters, policy: entry.policy.id, history: history.grants)
            throw GrantApproval.refused(["no-double-benefit": check.explanation], heading: Strings.Funds.notAccepted)
        }
        let pending = try await GrantApplication.query(on: database).filter(\.$enterprise.$id == enterprise.enterpriseID)
            .filter(\.$stage ~~ [.submitted, .approved, .disbursed]).all()
        if let clash = pending.first(where: { !Set($0.matters).isDisjoint(with: matters) }) {
            throw AppError.conflict(Strings.Funds.alreadyApplied(clash.reference, Set(clash.matters).intersection(matters).sorted()))
        }
        let claim = GrantClaim(tier: tier)
        let evaluation = try engine.evaluate(programmeID: entry.programme.id, facts: facts, history: history, matters: matters,
                                             claim: claim, findings: [:], by: enterprise.user.displayName, on: today, drafts: fund.sandbox)
        if evaluation.verdict == .notEligible || evaluation.verdict == .policyNotInForce {
            var reasons = evaluation.refusals.filter { key, _ in
                evaluation.allResults.first { $0.id == key }?.outcome == .notMet
            }
            if evaluation.verdict == .policyNotInForce { reasons["policy"] = evaluation.summary }
            throw GrantApproval.refused(reasons, heading: Strings.Funds.notAccepted)
        }
        let grant = GrantApplication(fundID: fund.id, enterpriseID: enterprise.enterpriseID, policyID: entry.policy.id,
                                     programmeID: entry.programme.id, origin: .application, matters: matters, claim: claim,
                                     statement: statement, sandbox: fund.sandbox, submittedAt: now)
        Self.record(evaluation, on: grant)
        let at = now
        try await database.writeTransaction { tx in
            try await grant.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: enterprise.user.auditActor, subjectType: "grant", subjectID: grant.id!.uuidString, action: "grant_apply",
                toStage: GrantStage.submitted.rawValue, reason: matters.joined(separator: ", "),
                ruleVersion: grant.ruleVersion, explanation: grant.evaluationJSON, occurredAt: at), on: tx)
            let message = Strings.Funds.Inbox.applied(entry.programme.title, company.name)
            try await Notifier.notify(.city, subject: message.subject, body: message.body,
                                      link: SiteURL.grant(.value(grant.id!)).path, at: at, on: tx)
        }
        return try await visible(grant.id!, to: enterprise.user)
    }

    /// Keeps what the engine said on the grant: the amount or cap, the verdict, the full evaluation.
    static func record(_ evaluation: Evaluation, on grant: GrantApplication) {
        grant.offered = evaluation.award?.amount.map(\.fen)
        grant.cap = evaluation.award?.cap.map(\.fen)
        grant.engineVerdict = evaluation.verdict.rawValue
        let version = evaluation.policy.ruleVersion
        grant.ruleVersion = "\(version.policyID)@\(version.version)#\(version.contentHash)"
        grant.evaluationJSON = (try? evaluation.jsonData()).map { String(decoding: $0, as: UTF8.self) }
    }

    func withdraw(_ enterprise: EnterpriseUser, id: UUID, version: Int) async throws -> GrantApplication {
        let grant = try await visible(id, to: enterprise.user)
        guard grant.stage == .submitted else { throw AppError.conflict(Strings.Funds.notInStage(grant.stage, wanted: .submitted)) }
        let at = now
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: id,
                                                  set: [("stage", .string(GrantStage.withdrawn.rawValue)), ("version", .increment(1)),
                                                        ("ended_at", .date(at)), ("updated_at", .date(at))],
                                                  where: [.equals("stage", .string(GrantStage.submitted.rawValue)), .equals("version", .int(version))],
                                                  on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            try await AuditChain.append(AuditEntry(actor: enterprise.user.auditActor, subjectType: "grant", subjectID: id.uuidString,
                                                   action: "grant_withdraw", fromStage: GrantStage.submitted.rawValue,
                                                   toStage: GrantStage.withdrawn.rawValue, occurredAt: at), on: tx)
        }
        return try await visible(id, to: enterprise.user)
    }

    /// Attaches a file (PDF or image) as evidence while the application awaits its decision.
    func attachEvidence(_ enterprise: EnterpriseUser, id: UUID, data: Data, filename: String) async throws -> EvidenceFile {
        let grant = try await visible(id, to: enterprise.user)
        guard grant.stage == .submitted else { throw AppError.conflict(Strings.Funds.notInStage(grant.stage, wanted: .submitted)) }
        let stored = try uploads.store(data: data, filename: filename)
        let file = EvidenceFile(sha256: stored.sha256, displayName: stored.displayName, contentType: stored.kind.contentType,
                                size: stored.size, enterpriseID: enterprise.enterpriseID, uploadedBy: enterprise.user.accountID)
        let at = now
        try await database.writeTransaction { tx in
            try await file.create(on: tx)
            try await GrantEvidence(grantID: id, fileID: file.id!).create(on: tx)
            try await AuditChain.append(AuditEntry(actor: enterprise.user.auditActor, subjectType: "grant", subjectID: id.uuidString,
                                                   action: "grant_evidence", reason: "\(stored.displayName) (sha256 \(stored.sha256))",
                                                   occurredAt: at), on: tx)
        }
        return file
    }

    func evidence(of grantID: UUID) async throws -> [EvidenceFile] {
        try await GrantEvidence.query(on: database).filter(\.$grant.$id == grantID).with(\.$file).all().map(\.file)
    }

    /// The file, if it is evidence of a grant this person may see.
    func evidenceFile(grantID: UUID, fileID: UUID, user: SignedInUser) async throws -> (EvidenceFile, Data) {
        _ = try await visible(grantID, to: user)
        guard let link = try await GrantEvidence.query(on: database).filter(\.$grant.$id == grantID).filter(\.$file.$id == fileID)
            .with(\.$file).first() else { throw AppError.notFound() }
        return (link.file, try uploads.read(sha256: link.file.sha256))
    }
}
