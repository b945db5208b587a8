import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The city bureau's decision on a grant: every constraint the seeds set, checked together, each refusal
/// explained — and checked again where it matters, inside the write transaction, by the database:
///
/// - the matter (certificate, award, project) is claimed by a unique row: funded once, under any policy;
/// - per-year caps and first-time-only are counters raised by conditional updates (`used + n ≤ limit`);
/// - the money moves from `available` to `committed` by a conditional update (`available ≥ amount`).
///
/// Two approvals at the same moment, on any number of app instances, can therefore never overdraw a fund,
/// break a cap or fund a matter twice; the one that loses is told why, and nothing of it is written.
struct GrantApproval: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    var today: CalendarDate { clock.today() }
    var now: Date { clock.now() }

    struct Decision: Sendable {
        var version: Int
        var fundID: String = ""
        /// Yuan, as typed; required for "up to" awards.
        var amount: String = ""
        var reason: String = ""
        var tier: String = ""
        var score: String = ""
        var maximumScore: String = ""
        var rank: String = ""
        /// Attestation key → met, for the clauses that need the officer's judgement.
        var findings: [String: Bool] = [:]
    }

    /// A refusal: every reason, keyed by the rule or constraint that gave it.
    static func refused(_ reasons: [String: LocalizedText], heading: LocalizedText = Strings.Funds.notApproved) -> AppError {
        let ordered = reasons.sorted { $0.key < $1.key }.map(\.value)
        return AppError(.conflict, code: "grant_refused",
                        LocalizedText(zh: heading.zh + ordered.map(\.zh).joined(separator: "；"),
                                      en: heading.en + ordered.map(\.en).joined(separator: "; ")),
                        fields: reasons)
    }

    func approve(_ officer: CityOfficer, grantID: UUID, _ decision: Decision) async throws -> GrantApplication {
        let engine = try GrantEngine.from(assessor)
        guard let grant = try await GrantApplication.query(on: database).filter(\.$id == grantID).with(\.$enterprise).first() else {
            throw AppError.notFound(Strings.Funds.grantNotFound)
        }
        guard grant.stage == .submitted else { throw AppError.conflict(Strings.Funds.notInStage(grant.stage, wanted: .submitted)) }
        guard let (policy, programme) = engine.programme(grant.programmeID) else { throw AppError.notFound(Strings.Funds.unknownProgramme) }

        // Input: refused as such (422), before any rule is asked.
        var problems: [String: LocalizedText] = [:]
        var amount: Money?
        let amountText = decision.amount.trimmingCharacters(in: .whitespacesAndNewlines)
        if !amountText.isEmpty {
            switch Money.parse(yuan: amountText) {
            case .success(let money) where money.fen > 0: amount = money
            case .success: problems["amount"] = Strings.Funds.amountPositive
            case .failure(let error): problems["amount"] = error.message
            }
        }
        let reason = decision.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count > 1000 { problems["reason"] = Strings.Form.tooLong(1000) }
        func number(_ text: String, field: String, minimum: Int) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let value = Int(trimmed), value >= minimum, value <= 1_000_000 else {
                problems[field] = Strings.Funds.wholeNumber(minimum)
                return nil
            }
            return value
        }
        let score = number(decision.score, field: "score", minimum: 0)
        let maximumScore = number(decision.maximumScore, field: "maximumScore", minimum: 1)
        let rank = number(decision.rank, field: "rank", minimum: 1)
        var fund = try await grant.$fund.get(on: database)
        let fundText = decision.fundID.trimmingCharacters(in: .whitespaces)
        if !fundText.isEmpty {
            let chosen = try await UUID(uuidString: fundText).asyncMap { try await Fund.find($0, on: database) } ?? nil
            if let chosen, chosen.covers(policyID: grant.policyID, programmeID: grant.programmeID), chosen.sandbox == grant.sandbox {
                fund = chosen
            } else {
                problems["fundID"] = chosen == nil ? Strings.Funds.unknownFund : Strings.Funds.fundDoesNotCover(chosen!.name, programme.title)
            }
        } else if fund == nil {
            problems["fundID"] = Strings.Funds.chooseFund
        }
        var claim = grant.claim
        let tier = decision.tier.trimmingCharacters(in: .whitespaces)
        if !tier.isEmpty { claim.tier = tier }
        claim.officerAmount = amount
        claim.reason = reason.isEmpty ? nil : reason
        claim.score = score ?? claim.score
        claim.maximumScore = maximumScore ?? claim.maximumScore
        claim.rank = rank ?? claim.rank
        let keys = Set(engine.attestationKeys(of: grant.programmeID).map(\.key))
        var findings = grant.findings
        for (key, met) in decision.findings where keys.contains(key) { findings[key] = met }

        let facts = try GrantEngine.facts(of: grant.enterprise)
        let history = try await GrantEngine.history(enterpriseID: grant.$enterprise.id, declared: facts.history,
                                                    excludingTitle: grant.titleID, excludingGrant: grantID, on: database)
        let evaluation = try engine.evaluate(programmeID: grant.programmeID, facts: facts, history: history, matters: grant.matters,
                                             claim: claim, findings: findings, by: officer.user.displayName, on: today, drafts: grant.sandbox)
        let award = evaluation.award
        // The amount: within the cap and with a reason when the officer decides it; as the rules fix it otherwise.
        if let cap = award?.cap {
            if let amount, amount > cap { problems["amount"] = Strings.Funds.aboveCap(amount, cap) }
            if let minimum = award?.minimum, let amount, amount < minimum { problems["amount"] = Strings.Funds.belowMinimum(amount, minimum) }
            if amount != nil, reason.isEmpty { problems["reason"] = Strings.Funds.reasonRequired }
        } else if let amount, let fixed = award?.amount, amount != fixed {
            problems["amount"] = Strings.Funds.amountFixed(fixed)
        }
        guard problems.isEmpty, let fund else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }

        // The rules: every unmet or undecided one is a reason (409).
        var reasons: [String: LocalizedText] = [:]
        if grant.origin == .title {
            // The title went through the whole procedure; what remains is the grant's own first-time rule.
            if award?.withheld == true { reasons["first-time-only"] = award!.explanation }
        } else {
            if evaluation.verdict == .policyNotInForce { reasons["policy"] = evaluation.summary }
            reasons.merge(evaluation.refusals) { first, _ in first }
        }
        guard let payable = award?.amount, payable.fen > 0 else {
            reasons["amount"] = award?.cap.map { Strings.Funds.needsAmount($0) } ?? Strings.Funds.needsTier
            throw Self.refused(reasons)
        }
        guard reasons.isEmpty else { throw Self.refused(reasons) }

        let actor = officer.user.auditActor
        let at = now
        let day = today
        let matters = grant.matters.sorted()
        let enterpriseID = grant.$enterprise.id
        let perYearLimit: Int? = { if case .perItem(let perItem) = programme.award?.amount { return perItem.perYearLimit }; return nil }()
        let firstTimeOnly = programme.award?.firstTimeOnly != nil
        let fundID = fund.id!
        let values: [(String, ConditionalUpdate.Value)] = [
            ("stage", .string(GrantStage.approved.rawValue)), ("version", .increment(1)), ("fund_id", .uuid(fundID)),
            ("approved_amount", .int64(payable.fen)), ("claim_json", .string(JSONText.encode(claim))),
            ("findings_json", .string(JSONText.encode(findings))),
            ("evaluation_json", .string((try? evaluation.jsonData()).map { String(decoding: $0, as: UTF8.self) })),
            ("engine_verdict", .string(evaluation.verdict.rawValue)),
            ("rule_version", .string("\(policy.ruleVersion.policyID)@\(policy.ruleVersion.version)#\(policy.ruleVersion.contentHash)")),
            ("decided_at", .date(at)), ("decided_on", .string(day.iso)), ("decided_by", .string(officer.user.displayName)),
            ("decision_reason", .string(reason.isEmpty ? nil : reason)), ("updated_at", .date(at)),
        ]
        try await database.writeTransaction { tx in
            // Locks are taken in one order everywhere (grant, matters, counters, fund) so approvals never deadlock.
            guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: grantID, set: values,
                                                  where: [.equals("stage", .string(GrantStage.submitted.rawValue)),
                                                          .equals("version", .int(decision.version))], on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            let shares = Self.split(payable, into: matters.count)
            for (index, matter) in matters.enumerated() {
                guard try await GrantMatter.claim(enterpriseID: enterpriseID, matter: matter, policyID: grant.policyID,
                                                  programmeID: grant.programmeID, grantID: grantID, priorGrantID: nil,
                                                  grantedOn: day, amount: shares[index], on: tx) else {
                    let records = try await Self.records(enterpriseID: enterpriseID, excluding: grantID, on: tx)
                    let check = GrantConstraints.noDoubleBenefit(matters: [matter], policy: grant.policyID, history: records)
                    throw Self.refused(["no-double-benefit": check.explanation])
                }
            }
            if let limit = perYearLimit {
                let key = GrantCounter.perYearKey(enterpriseID: enterpriseID, programmeID: grant.programmeID, year: day.year)
                let records = try await Self.records(enterpriseID: enterpriseID, excluding: grantID, on: tx)
                let prior = records.filter { $0.programme == grant.programmeID && $0.date.year == day.year }.count
                try await GrantCounter.ensure(key: key, limit: limit, used: prior, on: tx)
                guard try await GrantCounter.take(key: key, count: matters.count, on: tx) else {
                    let fresh = try await Self.records(enterpriseID: enterpriseID, excluding: grantID, on: tx)
                    let check = GrantConstraints.perYearLimit(limit: limit, programme: grant.programmeID, year: day.year,
                                                              history: fresh, requested: matters.count)
                    throw Self.refused(["per-year-limit": check.explanation])
                }
            }
            if firstTimeOnly {
                let key = GrantCounter.firstTimeKey(enterpriseID: enterpriseID, programmeID: grant.programmeID)
                let records = try await Self.records(enterpriseID: enterpriseID, excluding: grantID, on: tx)
                let prior = records.contains { $0.programme == grant.programmeID } ? 1 : 0
                try await GrantCounter.ensure(key: key, limit: 1, used: prior, on: tx)
                guard try await GrantCounter.take(key: key, count: 1, on: tx) else {
                    let fresh = try await Self.records(enterpriseID: enterpriseID, excluding: grantID, on: tx)
                    let check = GrantConstraints.firstTime(programme: grant.programmeID, history: History(grants: fresh),
                                                           qualifying: [], before: day)
                    throw Self.refused(["first-time-only": check.explanation])
                }
            }
            do {
                try await FundLedger.post(.init(.commitment, amount: payable, grantID: grantID,
                                                memo: Strings.Funds.commitmentMemo(grant.reference, matters).zh,
                                                actor: actor, at: at, on: day), fundID: fundID, on: tx)
            } catch let refusal as FundLedger.Refusal {
                throw Self.refused(["fund-balance": Strings.Funds.refusal(refusal, fund: fund.name)])
            }
            try await AuditChain.append(AuditEntry(
                actor: actor, subjectType: "grant", subjectID: grantID.uuidString, action: "grant_approve",
                fromStage: GrantStage.submitted.rawValue, toStage: GrantStage.approved.rawValue,
                reason: "\(payable.yuanString) \(reason)", ruleVersion: policy.ruleVersion.version,
                explanation: (try? evaluation.jsonData()).map { String(decoding: $0, as: UTF8.self) }, occurredAt: at), on: tx)
            let message = Strings.Funds.Inbox.approved(programme.title, payable)
            try await Notifier.notify(.enterprise(enterpriseID), subject: message.subject, body: message.body,
                                      link: SiteURL.grant(.value(grantID)).path, at: at, on: tx)
        }
        guard let approved = try await GrantApplication.query(on: database).filter(\.$id == grantID).with(\.$enterprise).with(\.$fund).first()
        else { throw AppError.notFound() }
        return approved
    }

    func reject(_ officer: CityOfficer, grantID: UUID, version: Int, reason: String) async throws -> GrantApplication {
        guard let grant = try await GrantApplication.find(grantID, on: database) else { throw AppError.notFound(Strings.Funds.grantNotFound) }
        guard grant.stage == .submitted else { throw AppError.conflict(Strings.Funds.notInStage(grant.stage, wanted: .submitted)) }
        let note = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 1000 else {
            throw AppError.invalid(Strings.Funds.fixFields, fields: ["reason": note.isEmpty ? Strings.Funds.reasonRequired : Strings.Form.tooLong(1000)])
        }
        let at = now
        let title = GrantEngine.title(of: grant.programmeID, assessor: assessor)
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: grantID,
                                                  set: [("stage", .string(GrantStage.rejected.rawValue)), ("version", .increment(1)),
                                                        ("decided_at", .date(at)), ("decided_on", .string(today.iso)),
                                                        ("decided_by", .string(officer.user.displayName)), ("decision_reason", .string(note)),
                                                        ("updated_at", .date(at))],
                                                  where: [.equals("stage", .string(GrantStage.submitted.rawValue)), .equals("version", .int(version))],
                                                  on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "grant", subjectID: grantID.uuidString,
                                                   action: "grant_reject", fromStage: GrantStage.submitted.rawValue,
                                                   toStage: GrantStage.rejected.rawValue, reason: note, occurredAt: at), on: tx)
            let message = Strings.Funds.Inbox.rejected(title, note)
            try await Notifier.notify(.enterprise(grant.$enterprise.id), subject: message.subject, body: message.body,
                                      link: SiteURL.grant(.value(grantID)).path, at: at, on: tx)
        }
        guard let rejected = try await GrantApplication.query(on: database).filter(\.$id == grantID).with(\.$enterprise).with(\.$fund).first()
        else { throw AppError.notFound() }
        return rejected
    }

    /// The enterprise's funded matters as the engine reads them, without those of `excluding`.
    static func records(enterpriseID: UUID, excluding grantID: UUID, on tx: any Database) async throws -> [GrantRecord] {
        try await GrantMatter.query(on: tx).filter(\.$enterprise.$id == enterpriseID).all()
            .filter { $0.grantID != grantID }.map(\.record)
    }

    /// An amount shared over `count` matters, the odd fen on the first.
    static func split(_ amount: Money, into count: Int) -> [Money] {
        guard count > 0 else { return [] }
        let each = amount.fen / Int64(count)
        let rest = amount.fen - each * Int64(count)
        return (0..<count).map { Money(fen: each + ($0 == 0 ? rest : 0)) }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension GrantEngine {
    static func title(of programmeID: String, assessor: any ApplicationAssessor) -> LocalizedText {
        assessor.programme(programmeID)?.title ?? LocalizedText(zh: programmeID, en: programmeID)
    }
}
