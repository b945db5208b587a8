import Foundation

/// The answer for (programme, facts, date): verdict, every rule's result, the rubric and the award, and the
/// version of the rules that produced it. Its JSON (see `docs/rules.md`) is stable: keys sorted, no
/// floating-point money, the same inputs give byte-identical output.
public struct Evaluation: Sendable, Hashable, Codable {
    public static let formatVersion = 1

    public var formatVersion: Int
    public var programme: ProgrammeReference
    public var policy: PolicyReference
    public var enterprise: EnterpriseReference
    public var anchors: Anchors
    public var verdict: Verdict
    public var summary: LocalizedText
    public var conditions: [RuleResult]
    public var exclusions: [RuleResult]
    /// Grant constraints: per-year limits, first time only, rank and threshold, no double benefit.
    public var constraints: [RuleResult]
    public var rubric: RubricResult?
    public var award: AwardResult?
    public var claim: GrantClaim?

    public var allResults: [RuleResult] { conditions + exclusions + constraints }

    /// Sorted keys, two-space indentation, unescaped slashes and non-ASCII: byte-identical for equal values.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

public enum Verdict: String, Sendable, Codable, CaseIterable {
    case eligible
    case notEligible
    case needsReviewerFindings
    case policyNotInForce

    public var label: LocalizedText {
        switch self {
        case .eligible: LocalizedText(zh: "符合条件", en: "Eligible")
        case .notEligible: LocalizedText(zh: "不符合条件", en: "Not eligible")
        case .needsReviewerFindings: LocalizedText(zh: "待评审认定", en: "Needs reviewer findings")
        case .policyNotInForce: LocalizedText(zh: "政策不在有效期内", en: "Policy not in force on that date")
        }
    }
}

public struct ProgrammeReference: Sendable, Hashable, Codable {
    public var id: String
    public var kind: ProgrammeKind
    public var title: LocalizedText
}

public struct PolicyReference: Sendable, Hashable, Codable {
    public var id: String
    public var seed: String
    public var documentNumber: String?
    public var title: LocalizedText
    public var status: PolicyStatus
    public var inForce: DayRange?
    public var ruleVersion: RuleVersion
}

public struct EnterpriseReference: Sendable, Hashable, Codable {
    public var creditCode: CreditCode
    public var name: String
}
