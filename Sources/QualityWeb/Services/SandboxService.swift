import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The policy sandbox: drafts (a policy copied, parameters changed) compared with a policy in force over
/// the whole registry. Reads the registry's facts; writes nothing but the drafts themselves.
public struct SandboxService: Sendable {
    public let database: any Database
    public let catalog: PolicyCatalog
    public let scope: String

    public init(database: any Database, catalog: PolicyCatalog, scope: String) {
        self.database = database
        self.catalog = catalog
        self.scope = scope
    }

    public enum Failure: Error, Sendable {
        case unknownPolicy(String)
        case change(SandboxError)

        public var message: LocalizedText {
            switch self {
            case .unknownPolicy(let id): LocalizedText(zh: "没有政策“\(id)”", en: "There is no policy '\(id)'")
            case .change(let error): error.message
            }
        }
    }

    /// A comparison ready to run: the draft's programmes and the base's, paired in lines.
    public struct Setup: Sendable {
        public var draft: [PolicyCatalog.Entry]
        public var base: [PolicyCatalog.Entry]
        public var lines: [SandboxLine]
        public var budgets: [String: Money]
        public var title: LocalizedText
    }

    /// Seed 003 against seed 004.
    public func example() throws(Failure) -> Setup {
        guard let draft = catalog.policy("sz-quality-brand-fund-draft") else { throw .unknownPolicy("sz-quality-brand-fund-draft") }
        guard let base = catalog.policy("sz-quality-brand-measures-2023") else { throw .unknownPolicy("sz-quality-brand-measures-2023") }
        return Setup(draft: entries(draft), base: entries(base), lines: SandboxComparison.seedExampleLines, budgets: [:],
                     title: LocalizedText(zh: "\(draft.title.zh) ↔ \(base.title.zh)", en: "\(draft.title.en) ↔ \(base.title.en)"))
    }

    /// A copy of `basePolicy` with `changes`, against `againstPolicy` (often itself).
    public func setup(basePolicy: String, againstPolicy: String, changes: [SandboxChange]) throws(Failure) -> Setup {
        guard let base = catalog.policy(basePolicy) else { throw .unknownPolicy(basePolicy) }
        guard let against = catalog.policy(againstPolicy) else { throw .unknownPolicy(againstPolicy) }
        let draft: SandboxDraftPolicy
        do {
            draft = try SandboxDraftPolicy(base: base, changes: changes)
        } catch {
            throw .change(error)
        }
        return Setup(draft: entries(draft.policy), base: entries(against), lines: SandboxComparison.sameProgrammes(draft.policy, against),
                     budgets: draft.budgets, title: base.title)
    }

    /// Runs a comparison over every enterprise of the registry on `day`.
    public func compare(_ setup: Setup, on day: CalendarDate) async throws -> SandboxComparison {
        let loaded = try await RegistryFactsCache.shared.facts(database, scope: scope)
        return SandboxComparison(draft: setup.draft, base: setup.base, lines: setup.lines, budgets: setup.budgets, on: day,
                                 columns: loaded.columns)
    }

    private func entries(_ policy: Policy) -> [PolicyCatalog.Entry] {
        (try? PolicyCatalog(policies: [policy]))?.programmes ?? []
    }

    /// The parameters of a policy the sandbox can change, with their current values.
    public struct Parameter: Sendable, Hashable {
        public var change: SandboxChange
        public var label: LocalizedText
        public var current: String
    }

    public func parameters(of policyID: String) -> [Parameter] {
        guard let policy = catalog.policy(policyID) else { return [] }
        var result: [Parameter] = []
        func add(_ target: String, _ field: SandboxChange.Field, _ rule: String?, _ label: LocalizedText, _ current: String) {
            result.append(Parameter(change: SandboxChange(target: target, field: field, rule: rule, value: current), label: label, current: current))
        }
        if let range = policy.inForce {
            add(policy.id, .inForceFrom, nil, LocalizedText(zh: "施行起始日", en: "In force from"), range.start.iso)
            add(policy.id, .inForceTo, nil, LocalizedText(zh: "施行终止日", en: "In force to"), range.end?.iso ?? "")
        }
        for programme in policy.programmes {
            for rule in programme.conditions + programme.exclusions {
                switch rule.kind {
                case .registeredForYears(let years): add(programme.id, .years, rule.id, rule.label, String(years))
                case .taxTotal(let requirement):
                    add(programme.id, .minimum, rule.id, rule.label, requirement.minimum.yuanString)
                    add(programme.id, .years, rule.id, rule.label, String(requirement.years))
                case .hasRecords(let query, let atLeast):
                    add(programme.id, .atLeast, rule.id, rule.label, String(atLeast))
                    if let window = query.lookBack { add(programme.id, .years, rule.id, rule.label, String(window.years)) }
                case .noRecords(let query):
                    if let window = query.lookBack { add(programme.id, .years, rule.id, rule.label, String(window.years)) }
                case .revocationBan(let ban): add(programme.id, .years, rule.id, rule.label, String(ban.years))
                default: break
                }
            }
            switch programme.award?.amount {
            case .fixed(let money)?: add(programme.id, .amount, nil, programme.title, money.yuanString)
            case .upTo(let range)?: add(programme.id, .amount, nil, programme.title, range.maximum.yuanString)
            case .perItem(let item)?: add(programme.id, .amount, nil, programme.title, item.each.cap.yuanString)
            default: break
            }
            add(programme.id, .quota, nil, programme.title, programme.annualQuota.map { String($0.perYear) } ?? "")
            add(programme.id, .budget, nil, programme.title, "")
            for call in programme.calls {
                add(programme.id, .callDeadline, String(call.year), programme.title, call.deadline?.iso ?? "")
            }
        }
        return result
    }

    // MARK: - Drafts

    public func drafts() async throws -> [SandboxDraft] {
        try await SandboxDraft.query(on: database).sort(\.$updatedAt, .descending).all()
    }

    public func create(name: String, basePolicy: String, againstPolicy: String, by: String, at: Date) async throws -> SandboxDraft {
        guard catalog.policy(basePolicy) != nil else { throw Failure.unknownPolicy(basePolicy) }
        guard catalog.policy(againstPolicy) != nil else { throw Failure.unknownPolicy(againstPolicy) }
        let draft = SandboxDraft(name: name, basePolicyID: basePolicy, againstPolicyID: againstPolicy, changesJSON: "[]", createdBy: by, at: at)
        try await draft.create(on: database)
        return draft
    }

    /// Keeps the changes whose value differs from the policy's, after checking they all apply.
    public func save(_ draft: SandboxDraft, values: [SandboxChange], at: Date) async throws {
        let current = Set(parameters(of: draft.basePolicyID).map(\.change))
        let changes = values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty && !current.contains($0) }
        _ = try setup(basePolicy: draft.basePolicyID, againstPolicy: draft.againstPolicyID, changes: changes)
        draft.changesJSON = JSONText.encode(changes)
        draft.updatedAt = at
        try await draft.save(on: database)
    }

    public func changes(of draft: SandboxDraft) -> [SandboxChange] {
        JSONText.decode([SandboxChange].self, from: draft.changesJSON) ?? []
    }
}
