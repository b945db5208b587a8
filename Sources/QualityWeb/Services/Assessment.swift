import Foundation
import QualityRules

/// What the rules engine said about an enterprise for a programme on a day, in the form the workflow keeps:
/// the verdict, the rule version that produced it, and the full explanation as JSON for the audit trail.
public struct Assessment: Sendable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        case eligible
        case notEligible
        case needsReviewerFindings
        case policyNotInForce
    }

    public var verdict: Verdict
    public var ruleVersion: String
    public var evaluationJSON: String
    public var summary: LocalizedText
    /// The explanations of failed rules that bar an application outright (a revocation within its ban).
    public var bars: [LocalizedText] = []
}

/// A programme as the calls pages need it: what it is called, its policy, its quota and its materials.
public struct ProgrammeInfo: Sendable, Equatable {
    public var id: String
    public var policyID: String
    public var title: LocalizedText
    public var summary: LocalizedText
    public var isRecognition: Bool
    public var annualQuota: Int?
    public var materials: [LocalizedText]
    /// When the policy is in force (nil end: open-ended; nil: a draft).
    public var inForce: DayRange?
    /// The programme's procedure has an on-site review (000's 现场评审) before the experts score.
    public var requiresOnSiteReview: Bool
    /// Years a title of this programme is valid (000: 4, 002: 3).
    public var titleValidityYears: Int?
    /// What a holder owes while the title runs (002: yearly reports, re-review after three years).
    public var supervision: Supervision?
}

/// A clause that needs a reviewer's judgement ("财务状况良好"), and the finding if one was made.
public struct PendingFinding: Sendable, Equatable {
    public var key: String
    public var label: LocalizedText
    public var explanation: LocalizedText
    /// nil while no reviewer has decided; true for met, false for not met.
    public var settled: Bool?
}

/// One indicator an expert scores: its maximum in hundredths of a point and the rubric's own criteria.
public struct ScoringIndicator: Sendable, Equatable {
    public var id: String
    public var group: LocalizedText
    public var name: LocalizedText
    public var maximum: Int
    public var criteria: String
}

/// The rubric a panel scores with: the policy's (002's annex) or the one the secretariat defined (000).
public struct ScoringRubric: Sendable, Equatable {
    public var title: LocalizedText
    public var total: Int
    public var indicators: [ScoringIndicator]
}

/// Asks the engine. One implementation evaluates with the policy catalogue; tests may supply another.
public protocol ApplicationAssessor: Sendable {
    func assess(programmeID: String, factsJSON: String, on date: CalendarDate, deadline: CalendarDate?) throws -> Assessment
    var programmes: [ProgrammeInfo] { get }
    /// The clauses of an evaluation that a reviewer decides, keyed by the attestation the facts record.
    func pendingFindings(programmeID: String, evaluationJSON: String) -> [PendingFinding]
    /// The rubric for a call: the policy's own, else the call's secretariat-defined YAML; nil when neither.
    func scoringRubric(programmeID: String, customYAML: String?) throws -> ScoringRubric?
    /// The engine's objective score per indicator (hundredths) and in total (key "total").
    func objectiveScores(programmeID: String, customYAML: String?, factsJSON: String, on date: CalendarDate,
                         deadline: CalendarDate?) throws -> [String: Int]
}

extension ApplicationAssessor {
    func programme(_ id: String) -> ProgrammeInfo? { programmes.first { $0.id == id } }
}
