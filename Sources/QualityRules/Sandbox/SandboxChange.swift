/// One parameter of a policy changed in the sandbox: a threshold, an amount, a quota, a budget or a date.
/// Changes are data (stored as JSON with a draft), applied to a copy of the policy; the policy files and
/// the platform's live data are never touched.
public struct SandboxChange: Sendable, Hashable, Codable {
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// `registeredForYears`, `taxTotal.years`, a `revocationBan`'s years, or the `within` years of a
        /// `hasRecords`/`noRecords` look-back, of the rule `rule`.
        case years
        /// `taxTotal.minimum` of the rule `rule` (yuan, e.g. "3000万" or "30000000").
        case minimum
        /// `hasRecords.atLeast` of the rule `rule`.
        case atLeast
        /// The award's amount: a fixed amount, the cap of an "up to" award, or the amount per item.
        case amount
        /// The programme's annual quota (0 removes it).
        case quota
        /// A budget for the programme's awards (sandbox only: the policy files carry none).
        case budget
        /// The policy's first and last day in force.
        case inForceFrom, inForceTo
        /// The deadline of the programme's call of the year `rule` names.
        case callDeadline
    }

    /// A programme id, or a policy id for the in-force dates.
    public var target: String
    public var field: Field
    /// The rule id for `years`, `minimum`, `atLeast`; the call's year for `callDeadline`.
    public var rule: String?
    public var value: String

    public init(target: String, field: Field, rule: String? = nil, value: String) {
        self.target = target
        self.field = field
        self.rule = rule
        self.value = value
    }

    /// `PROGRAMME.FIELD[.RULE]=VALUE`, the command line's form: `sz-backbone.minimum.tax-three-years=3000万`.
    public init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let path = parts[0].split(separator: ".", maxSplits: 2).map(String.init)
        guard path.count >= 2, let field = Field(rawValue: path[1]) else { return nil }
        self.init(target: path[0], field: field, rule: path.count == 3 ? path[2] : nil, value: parts[1])
    }

    public var argument: String { "\(target).\(field.rawValue)\(rule.map { ".\($0)" } ?? "")=\(value)" }
}

/// Why a change cannot be applied, in both languages.
public struct SandboxError: Error, Sendable, Hashable {
    public var change: SandboxChange?
    public var message: LocalizedText

    static func bad(_ change: SandboxChange, zh: String, en: String) -> SandboxError {
        SandboxError(change: change, message: LocalizedText(zh: "\(change.argument)：\(zh)", en: "\(change.argument): \(en)"))
    }
}

/// A copy of a policy with changes applied, plus the sandbox-only budgets.
public struct SandboxDraftPolicy: Sendable {
    public var policy: Policy
    /// Programme id → budget.
    public var budgets: [String: Money]

    /// Applies `changes` to a copy of `base` in order; the first that does not fit is reported.
    public init(base: Policy, changes: [SandboxChange]) throws(SandboxError) {
        var policy = base
        var budgets: [String: Money] = [:]
        for change in changes {
            try Self.apply(change, to: &policy, budgets: &budgets)
        }
        // Marked, so an explanation of the draft never passes for the policy in force.
        if !changes.isEmpty { policy.version += "+sandbox" }
        self.policy = policy
        self.budgets = budgets
    }

    static func apply(_ change: SandboxChange, to policy: inout Policy, budgets: inout [String: Money]) throws(SandboxError) {
        let value = change.value.trimmingCharacters(in: .whitespaces)
        func int(_ range: ClosedRange<Int>) throws(SandboxError) -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw .bad(change, zh: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数", en: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        func money() throws(SandboxError) -> Money {
            if let wan = value.hasSuffix("万") ? Int64(value.dropLast()) : nil, wan >= 0 { return Money(wan: wan) }
            if let wan = value.hasSuffix("万元") ? Int64(value.dropLast(2)) : nil, wan >= 0 { return Money(wan: wan) }
            switch Money.parse(yuan: value) {
            case .success(let money): return money
            case .failure(let problem): throw .bad(change, zh: problem.message.zh, en: problem.message.en)
            }
        }
        func date() throws(SandboxError) -> CalendarDate {
            guard let day = CalendarDate(iso: value) else { throw .bad(change, zh: "应为存在的日期 YYYY-MM-DD", en: "must be a date that exists, YYYY-MM-DD") }
            return day
        }
        switch change.field {
        case .inForceFrom, .inForceTo:
            guard change.target == policy.id else {
                throw .bad(change, zh: "施行日期属于政策 \(policy.id)", en: "in-force dates belong to the policy \(policy.id)")
            }
            let day = try date()
            var range = policy.inForce ?? DayRange(start: day, end: nil)
            if change.field == .inForceFrom { range.start = day } else { range.end = day }
            if let end = range.end, end < range.start {
                throw .bad(change, zh: "终止日早于起始日", en: "the last day is before the first")
            }
            policy.inForce = range
            // A copy given dates is evaluated by them, as a policy in force would be.
            policy.isDraft = false
            return
        default:
            break
        }
        guard let index = policy.programmes.firstIndex(where: { $0.id == change.target }) else {
            throw .bad(change, zh: "政策 \(policy.id) 中没有项目“\(change.target)”", en: "policy \(policy.id) has no programme '\(change.target)'")
        }
        var programme = policy.programmes[index]
        switch change.field {
        case .years, .minimum, .atLeast:
            guard let ruleID = change.rule else { throw .bad(change, zh: "须指明规则编号", en: "name the rule") }
            var found = false
            for list in [\Programme.conditions, \Programme.exclusions] {
                for position in programme[keyPath: list].indices where programme[keyPath: list][position].id == ruleID {
                    found = true
                    var rule = programme[keyPath: list][position]
                    rule.kind = try changed(rule.kind, change, int: int, money: money)
                    programme[keyPath: list][position] = rule
                }
            }
            guard found else { throw .bad(change, zh: "项目中没有规则“\(ruleID)”", en: "the programme has no rule '\(ruleID)'") }
        case .amount:
            guard var award = programme.award else { throw .bad(change, zh: "该项目没有奖励规则", en: "the programme has no award") }
            let amount = try money()
            switch award.amount {
            case .fixed: award.amount = .fixed(amount)
            case .upTo(let range):
                if let minimum = range.minimum, minimum > amount {
                    throw .bad(change, zh: "上限低于下限 \(minimum.formatted(.zh))", en: "the cap is below the minimum \(minimum.formatted(.en))")
                }
                award.amount = .upTo(MoneyRange(minimum: range.minimum, maximum: amount))
            case .perItem(var item):
                switch item.each {
                case .fixed: item.each = .fixed(amount)
                case .upTo: item.each = .upTo(amount)
                }
                award.amount = .perItem(item)
            case .tiers, .honour, .asRegulated:
                throw .bad(change, zh: "该奖励没有单一金额可改", en: "this award has no single amount to change")
            }
            programme.award = award
        case .quota:
            let quota = try int(0...100_000)
            if quota == 0 {
                programme.annualQuota = nil
            } else {
                let citation = programme.annualQuota?.citation ?? programme.citation
                programme.annualQuota = Quota(perYear: quota, citation: citation)
            }
        case .budget:
            budgets[programme.id] = try money()
        case .callDeadline:
            guard let year = change.rule.flatMap({ Int($0) }), let position = programme.calls.firstIndex(where: { $0.year == year }) else {
                throw .bad(change, zh: "须指明已有申报通知的年度", en: "name the year of an existing call")
            }
            let day = try date()
            guard day >= programme.calls[position].window.start else {
                throw .bad(change, zh: "截止日早于受理开始日", en: "the deadline is before the call opens")
            }
            programme.calls[position].window.end = day
        case .inForceFrom, .inForceTo:
            break
        }
        policy.programmes[index] = programme
    }

    private static func changed(_ kind: RuleKind, _ change: SandboxChange, int: (ClosedRange<Int>) throws(SandboxError) -> Int,
                                money: () throws(SandboxError) -> Money) throws(SandboxError) -> RuleKind {
        switch (change.field, kind) {
        case (.years, .registeredForYears): return .registeredForYears(try int(1...100))
        case (.years, .taxTotal(var requirement)):
            requirement.years = try int(1...20)
            return .taxTotal(requirement)
        case (.years, .revocationBan(var ban)):
            ban.years = try int(1...100)
            return .revocationBan(ban)
        case (.years, .hasRecords(let query, let atLeast)):
            return .hasRecords(try lookBack(query, years: try int(1...100), change), atLeast: atLeast)
        case (.years, .noRecords(let query)):
            return .noRecords(try lookBack(query, years: try int(1...100), change))
        case (.minimum, .taxTotal(var requirement)):
            requirement.minimum = try money()
            return .taxTotal(requirement)
        case (.atLeast, .hasRecords(let query, _)):
            return .hasRecords(query, atLeast: try int(1...1000))
        default:
            throw .bad(change, zh: "该规则没有这个参数", en: "the rule has no such parameter")
        }
    }

    private static func lookBack(_ query: RecordQuery, years: Int, _ change: SandboxChange) throws(SandboxError) -> RecordQuery {
        func window(_ old: LookBack?) throws(SandboxError) -> LookBack {
            guard let old else { throw .bad(change, zh: "该规则没有回溯期限", en: "the rule has no look-back window") }
            return LookBack(years: years, anchor: old.anchor)
        }
        switch query {
        case .events(var q): q.within = try window(q.within); return .events(q)
        case .patents(var q): q.within = try window(q.within); return .patents(q)
        case .standards(var q): q.within = try window(q.within); return .standards(q)
        case .awards(var q): q.within = try window(q.within); return .awards(q)
        case .projects(var q): q.within = try window(q.within); return .projects(q)
        default: throw .bad(change, zh: "该规则没有回溯期限", en: "the rule has no look-back window")
        }
    }
}
