/// The engine's front door: evaluates a programme for an enterprise on a day.
///
/// Stages: choose the anchors (evaluation day, application deadline) → check the policy is in force →
/// evaluate conditions and exclusions → score the rubric → work out the award and grant constraints →
/// reduce to a verdict. Every stage is pure; nothing reads a clock or a database.
public struct Evaluator: Sendable {
    public let catalog: PolicyCatalog

    public init(catalog: PolicyCatalog) {
        self.catalog = catalog
    }

    public struct Options: Sendable, Hashable {
        /// That year's application deadline, for look-backs anchored on it (002). When nil the engine takes
        /// the deadline of the programme's call for that day, and failing that the evaluation date.
        public var applicationDeadline: CalendarDate?
        public var claim: GrantClaim?
        /// The policy sandbox evaluates drafts as if they were in force; nothing else should.
        public var evaluateDrafts: Bool

        public init(applicationDeadline: CalendarDate? = nil, claim: GrantClaim? = nil, evaluateDrafts: Bool = false) {
            self.applicationDeadline = applicationDeadline
            self.claim = claim
            self.evaluateDrafts = evaluateDrafts
        }
    }

    public enum Failure: Error, Equatable, Sendable {
        case unknownProgramme(String, known: [String])

        public var message: LocalizedText {
            switch self {
            case .unknownProgramme(let id, let known):
                LocalizedText(zh: "没有编号为“\(id)”的项目。可用项目：\(known.joined(separator: "、"))",
                              en: "There is no programme '\(id)'. Known programmes: \(known.joined(separator: ", "))")
            }
        }
    }

    public func evaluate(programme id: String, facts: EnterpriseFacts, on date: CalendarDate,
                         options: Options = Options()) throws(Failure) -> Evaluation {
        guard let (policy, programme) = catalog.programme(id) else {
            throw .unknownProgramme(id, known: catalog.programmes.map(\.programme.id))
        }
        return evaluate(programme, of: policy, facts: facts, on: date, options: options)
    }

    public func evaluate(_ programme: Programme, of policy: Policy, facts: EnterpriseFacts, on date: CalendarDate,
                         options: Options = Options()) -> Evaluation {
        let anchors = Evaluator.anchors(for: programme, on: date, deadline: options.applicationDeadline)
        let document = policy.citationLabel
        let context = RuleContext(facts: facts, anchors: anchors, programmeID: programme.id, document: document)
        let conditions = programme.conditions.map { $0.evaluate(context, role: .condition) }
        let exclusions = programme.exclusions.map { $0.evaluate(context, role: .exclusion) }
        let rubric = programme.rubric?.score(facts, anchors: anchors, document: document)
        let (award, constraints) = AwardEvaluation(programme: programme, policy: policy, facts: facts,
                                                   anchors: anchors, claim: options.claim).evaluate()
        let status = policy.status(on: date)
        let inForce = status == .inForce || (status == .draft && options.evaluateDrafts)
        let verdict = Evaluator.verdict(inForce: inForce, results: conditions + exclusions + constraints)
        return Evaluation(
            formatVersion: Evaluation.formatVersion,
            programme: ProgrammeReference(id: programme.id, kind: programme.kind, title: programme.title),
            policy: PolicyReference(id: policy.id, seed: policy.seed, documentNumber: policy.documentNumber,
                                    title: policy.title, status: status, inForce: policy.inForce,
                                    ruleVersion: policy.ruleVersion),
            enterprise: EnterpriseReference(creditCode: facts.registration.creditCode, name: facts.registration.name),
            anchors: anchors, verdict: verdict,
            summary: EvaluationPhrase.summary(verdict, status: status, policy: policy, date: date,
                                              results: conditions + exclusions + constraints, rubric: rubric, award: award),
            conditions: conditions, exclusions: exclusions, constraints: constraints,
            rubric: rubric, award: award, claim: options.claim)
    }

    /// Any unmet rule decides; otherwise any open finding; otherwise eligible.
    public static func verdict(inForce: Bool, results: [RuleResult]) -> Verdict {
        guard inForce else { return .policyNotInForce }
        if results.contains(where: { $0.outcome == .notMet }) { return .notEligible }
        if results.contains(where: { $0.outcome == .needsFinding }) { return .needsReviewerFindings }
        return .eligible
    }

    public static func anchors(for programme: Programme, on date: CalendarDate, deadline: CalendarDate?) -> Anchors {
        if let deadline {
            return Anchors(evaluationDate: date, applicationDeadline: deadline, deadlineSource: .given)
        }
        if let callDeadline = programme.call(on: date)?.deadline {
            return Anchors(evaluationDate: date, applicationDeadline: callDeadline, deadlineSource: .call)
        }
        return Anchors(evaluationDate: date, applicationDeadline: date, deadlineSource: .evaluationDate)
    }
}

enum EvaluationPhrase {
    static func summary(_ verdict: Verdict, status: PolicyStatus, policy: Policy, date: CalendarDate,
                        results: [RuleResult], rubric: RubricResult?, award: AwardResult?) -> LocalizedText {
        let failed = results.filter { $0.outcome == .notMet }.map(\.label)
        let open = results.filter { $0.outcome == .needsFinding }.map(\.label)
        var zh: String
        var en: String
        switch verdict {
        case .policyNotInForce:
            let span = policy.inForce.map { "\($0.start.iso) 至 \($0.end?.iso ?? "长期")" } ?? "未定"
            let spanEn = policy.inForce.map { "\($0.start.iso) to \($0.end?.iso ?? "open-ended")" } ?? "not set"
            zh = "\(policy.citationLabel) 于 \(date.iso) \(status.label.zh)（有效期 \(span)）"
            en = "\(policy.citationLabel) is \(status.label.en) on \(date.iso) (in force \(spanEn))"
        case .notEligible:
            zh = "不符合条件：\(failed.map(\.zh).joined(separator: "；"))"
            en = "Not eligible: \(failed.map(\.en).joined(separator: "; "))"
        case .needsReviewerFindings:
            zh = "其余条件均符合，待评审认定：\(open.map(\.zh).joined(separator: "；"))"
            en = "All other conditions met; awaiting findings on: \(open.map(\.en).joined(separator: "; "))"
        case .eligible:
            zh = "符合全部条件"
            en = "Meets every condition"
        }
        if let rubric {
            zh += "；评审得分 \(rubric.score)/\(rubric.maximum) 分"
            en += "; rubric score \(rubric.score) of \(rubric.maximum)"
        }
        if let award, verdict != .notEligible, verdict != .policyNotInForce {
            if let amount = award.amount, amount > .zero {
                zh += "；资助 \(amount.formatted(.zh))"
                en += "; grant \(amount.formatted(.en))"
            } else if let cap = award.cap {
                zh += "；资助最高 \(cap.formatted(.zh))"
                en += "; grant up to \(cap.formatted(.en))"
            }
        }
        return LocalizedText(zh: zh, en: en)
    }
}
