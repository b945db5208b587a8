import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Funds and their money: creating a fund with its budget, appropriating more or returning some, reading
/// balances (always from the ledger's entries), and clawing grants back when a title is revoked.
struct FundService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    var today: CalendarDate { clock.today() }
    var now: Date { clock.now() }

    struct Draft: Sendable {
        var policyID: String
        /// Empty: the fund pays every item of the policy.
        var programmeID: String = ""
        var year: String
        var nameZh: String = ""
        var nameEn: String = ""
        var source: String = FundSource.cityBudget.rawValue
        var funderName: String = ""
        var funderCreditCode: String = ""
        /// Yuan; empty or zero for a fund whose budget comes later.
        var budget: String = ""
    }

    /// A new fund, with its first appropriation when a budget is given. A draft policy's fund is a sandbox
    /// fund (never offered to enterprises).
    func create(_ finance: FinanceOfficer, _ draft: Draft, isDemo: Bool = false) async throws -> Fund {
        let engine = try GrantEngine.from(assessor)
        var problems: [String: LocalizedText] = [:]
        let policy = engine.catalog.policy(draft.policyID.trimmingCharacters(in: .whitespaces))
        if policy == nil { problems["policyID"] = Strings.Funds.unknownPolicy }
        let programmeID = draft.programmeID.trimmingCharacters(in: .whitespaces)
        var programme: Programme?
        if !programmeID.isEmpty, let policy {
            programme = engine.payingProgrammes(drafts: true).first { $0.policy.id == policy.id && $0.programme.id == programmeID }?.programme
            if programme == nil { problems["programmeID"] = Strings.Funds.unknownProgramme }
        }
        let year = Int(draft.year.trimmingCharacters(in: .whitespaces))
        if year == nil || !(2000...2100).contains(year!) { problems["year"] = Strings.Funds.badYear }
        let source = FundSource(rawValue: draft.source)
        if source == nil { problems["source"] = Strings.Funds.badSource }
        var budget = Money.zero
        let budgetText = draft.budget.trimmingCharacters(in: .whitespacesAndNewlines)
        if !budgetText.isEmpty {
            switch Money.parse(yuan: budgetText) {
            case .success(let money): budget = money
            case .failure(let error): problems["budget"] = error.message
            }
        }
        var creditCode: String?
        let codeText = draft.funderCreditCode.trimmingCharacters(in: .whitespaces).uppercased()
        if !codeText.isEmpty {
            if let code = CreditCode(codeText) { creditCode = code.value } else { problems["funderCreditCode"] = Strings.Funds.badCreditCode }
        }
        for (field, text, limit) in [("nameZh", draft.nameZh, 200), ("nameEn", draft.nameEn, 200), ("funderName", draft.funderName, 200)]
        where text.count > limit { problems[field] = Strings.Form.tooLong(limit) }
        guard problems.isEmpty, let policy, let year, let source else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }

        let defaultName = Strings.Funds.defaultFundName(policy.title, programme?.title, year: year)
        let fund = Fund(policyID: policy.id, programmeID: programme?.id, year: year,
                        nameZh: draft.nameZh.trimmingCharacters(in: .whitespaces).isEmpty ? defaultName.zh : draft.nameZh.trimmingCharacters(in: .whitespaces),
                        nameEn: draft.nameEn.trimmingCharacters(in: .whitespaces).isEmpty ? defaultName.en : draft.nameEn.trimmingCharacters(in: .whitespaces),
                        source: source,
                        funderName: draft.funderName.trimmingCharacters(in: .whitespaces).isEmpty ? policy.issuer.zh : draft.funderName.trimmingCharacters(in: .whitespaces),
                        funderCreditCode: creditCode, sandbox: policy.isDraft, isDemo: isDemo)
        if try await Fund.query(on: database).filter(\.$scopeKey == fund.scopeKey).first() != nil {
            throw AppError.conflict(Strings.Funds.fundExists(fund.name))
        }
        let actor = finance.user.auditActor
        let at = now
        let day = today
        let initial = budget
        do {
            try await database.writeTransaction { tx in
                try await fund.create(on: tx)
                try await FundBalance(fundID: fund.id!).create(on: tx)
                if initial.fen > 0 {
                    try await FundLedger.post(.init(.appropriation, amount: initial, memo: Strings.Funds.initialBudgetMemo.zh,
                                                    actor: actor, at: at, on: day), fundID: fund.id!, on: tx)
                }
                try await AuditChain.append(AuditEntry(actor: actor, subjectType: "fund", subjectID: fund.id!.uuidString, action: "fund_create",
                                                       reason: "\(fund.scopeKey) \(initial.yuanString)", occurredAt: at), on: tx)
            }
        } catch let error as AppError {
            throw error
        } catch {
            // Two officers made the same fund at once: the unique scope keeps one.
            if try await Fund.query(on: database).filter(\.$scopeKey == fund.scopeKey).first() != nil {
                throw AppError.conflict(Strings.Funds.fundExists(fund.name))
            }
            throw error
        }
        return fund
    }

    /// More budget (appropriation) or unused budget returned (reduction), with a note.
    func move(_ finance: FinanceOfficer, fundID: UUID, movement: LedgerMovement, amount text: String, memo: String) async throws -> LedgerEntry {
        guard let fund = try await Fund.find(fundID, on: database) else { throw AppError.notFound(Strings.Funds.unknownFund) }
        guard movement == .appropriation || movement == .reduction else {
            throw AppError.invalid(Strings.Funds.fixFields, fields: ["movement": Strings.Funds.badMovement])
        }
        var problems: [String: LocalizedText] = [:]
        var amount = Money.zero
        switch Money.parse(yuan: text) {
        case .success(let money) where money.fen > 0: amount = money
        case .success: problems["amount"] = Strings.Funds.amountPositive
        case .failure(let error): problems["amount"] = error.message
        }
        let note = memo.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { problems["memo"] = Strings.Funds.memoRequired }
        if note.count > 500 { problems["memo"] = Strings.Form.tooLong(500) }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }
        let actor = finance.user.auditActor
        let at = now
        let day = today
        let money = amount
        return try await database.writeTransaction { tx in
            let entry: LedgerEntry
            do {
                entry = try await FundLedger.post(.init(movement, amount: money, memo: note, actor: actor, at: at, on: day), fundID: fundID, on: tx)
            } catch let refusal as FundLedger.Refusal {
                throw AppError.conflict(Strings.Funds.refusal(refusal, fund: fund.name))
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "fund", subjectID: fundID.uuidString, action: "fund_\(movement.rawValue)",
                                                   reason: "\(money.yuanString) \(note)", occurredAt: at), on: tx)
            return entry
        }
    }

    struct Overview: Sendable {
        var fund: Fund
        /// From the entries.
        var balances: FundBalances
        /// From the counter row; equal to `balances` unless something is badly wrong.
        var counter: FundBalances?
    }

    func overview(includeSandbox: Bool = true) async throws -> [Overview] {
        let query = Fund.query(on: database)
        if !includeSandbox { query.filter(\.$sandbox == false) }
        let funds = try await query.sort(\.$year, .descending).sort(\.$scopeKey).all()
        let balances = try await FundLedger.balances(fundIDs: funds.compactMap(\.id), on: database)
        let counters = Dictionary(try await FundBalance.query(on: database).all().map { ($0.id!, $0.balances) }, uniquingKeysWith: { a, _ in a })
        return funds.map { Overview(fund: $0, balances: balances[$0.id!] ?? FundBalances(), counter: counters[$0.id!]) }
    }

    func detail(_ fundID: UUID) async throws -> (Overview, [LedgerEntry]) {
        guard let fund = try await Fund.find(fundID, on: database) else { throw AppError.notFound(Strings.Funds.unknownFund) }
        let balances = try await FundLedger.balances(fundID: fundID, on: database)
        let counter = try await FundLedger.counter(fundID: fundID, on: database)
        let entries = try await LedgerEntry.query(on: database).filter(\.$fund.$id == fundID).sort(\.$sequence, .descending).all()
        return (Overview(fund: fund, balances: balances, counter: counter), entries)
    }
}

// MARK: Clawback

/// What a clawback is about: a title (revoked), the call application that won it, or one grant.
enum ClawbackSubject: Sendable {
    case title(UUID)
    case callApplication(UUID)
    case grant(UUID)
}

struct ClawbackOutcome: Sendable, Equatable {
    var grantID: UUID
    var from: GrantStage
    var to: GrantStage
    /// The money moved: released back to the fund, or reclaimed.
    var amount: Money
}

extension FundService {
    /// Takes back the money of every grant of `subject`, inside the caller's write transaction (issue 7
    /// calls it when it revokes a title for fraud): a grant awaiting decision is rejected; an approved one is
    /// released (committed → available, its matters and counters freed, out of any open batch); a paid one is
    /// clawed back (disbursed → clawed back). Each with its audit row.
    static func clawBack(grantsOf subject: ClawbackSubject, reason: String, actor: AuditActor, at: Date, on day: CalendarDate,
                         tx: any Database) async throws -> [ClawbackOutcome] {
        let note = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw AppError.invalid(Strings.Funds.fixFields, fields: ["reason": Strings.Funds.reasonRequired]) }
        let grants: [GrantApplication]
        switch subject {
        case .grant(let id):
            grants = try await GrantApplication.query(on: tx).filter(\.$id == id).all()
        case .title(let id):
            grants = try await GrantApplication.query(on: tx).filter(\.$titleID == id).all()
        case .callApplication(let id):
            let titles = try await Title.query(on: tx).filter(\.$application.$id == id).all().compactMap(\.id)
            grants = titles.isEmpty ? [] : try await GrantApplication.query(on: tx).filter(\.$titleID ~~ titles).all()
        }
        var outcomes: [ClawbackOutcome] = []
        for grant in grants {
            let id = grant.id!
            let from = grant.stage
            let to: GrantStage
            var amount = Money.zero
            switch from {
            case .submitted:
                to = .rejected
            case .approved:
                to = .released
                amount = Money(fen: grant.approvedAmount ?? 0)
            case .disbursed:
                to = .clawedBack
                amount = Money(fen: grant.disbursedAmount ?? 0)
            default:
                continue
            }
            var values: [(String, ConditionalUpdate.Value)] = [("stage", .string(to.rawValue)), ("version", .increment(1)),
                                                              ("ended_at", .date(at)), ("ended_reason", .string(note)), ("updated_at", .date(at))]
            if to == .released { values.append(("batch_id", .uuid(nil))) }
            if to == .rejected { values += [("decided_at", .date(at)), ("decided_on", .string(day.iso)), ("decided_by", .string(actor.name)),
                                            ("decision_reason", .string(note))] }
            guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: id, set: values,
                                                  where: [.equals("stage", .string(from.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            if to == .released {
                // Never paid: the matters were not funded after all, and the places they took are free again.
                try await GrantMatter.query(on: tx).filter(\.$grantID == id).delete()
                if let decided = grant.decidedOn {
                    let enterpriseID = grant.$enterprise.id
                    try await GrantCounter.give(key: GrantCounter.perYearKey(enterpriseID: enterpriseID, programmeID: grant.programmeID, year: decided.year),
                                                count: grant.matters.count, on: tx)
                    try await GrantCounter.give(key: GrantCounter.firstTimeKey(enterpriseID: enterpriseID, programmeID: grant.programmeID),
                                                count: 1, on: tx)
                }
            }
            // The fund last, as approvals take their locks: grant, matters, counters, fund.
            if let fundID = grant.$fund.id, amount.fen > 0 {
                let movement: LedgerMovement = to == .released ? .release : .clawback
                try await FundLedger.post(.init(movement, amount: amount, grantID: id, memo: "\(grant.reference) \(note)",
                                                actor: actor, at: at, on: day), fundID: fundID, on: tx)
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "grant", subjectID: id.uuidString, action: "grant_clawback",
                                                   fromStage: from.rawValue, toStage: to.rawValue, reason: "\(amount.yuanString) \(note)",
                                                   occurredAt: at), on: tx)
            let message = Strings.Funds.Inbox.clawedBack(grant.reference, amount, note)
            try await Notifier.notify(.enterprise(grant.$enterprise.id), subject: message.subject, body: message.body,
                                      link: SiteURL.grant(.value(id)).path, at: at, on: tx)
            outcomes.append(ClawbackOutcome(grantID: id, from: from, to: to, amount: amount))
        }
        return outcomes
    }

    /// A city officer claws one grant back (fraud found), in a transaction of its own.
    func clawBack(_ officer: CityOfficer, grantID: UUID, reason: String) async throws -> [ClawbackOutcome] {
        guard try await GrantApplication.find(grantID, on: database) != nil else { throw AppError.notFound(Strings.Funds.grantNotFound) }
        let at = now
        let day = today
        let outcomes = try await database.writeTransaction { tx in
            try await Self.clawBack(grantsOf: .grant(grantID), reason: reason, actor: officer.user.auditActor, at: at, on: day, tx: tx)
        }
        guard !outcomes.isEmpty else { throw AppError.conflict(Strings.Funds.nothingToClawBack) }
        return outcomes
    }
}
