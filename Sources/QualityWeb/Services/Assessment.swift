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
}

/// A clause that needs a reviewer's judgement ("财务状况良好"), and the finding if one was made.
public struct PendingFinding: Sendable, Equatable {
    public var key: String
    public var label: LocalizedText
    public var explanation: LocalizedText
    /// nil while no reviewer has decided; true for met, false for not met.
    public var settled: Bool?
}

/// Asks the engine. One implementation evaluates with the policy catalogue; tests may supply another.
public protocol ApplicationAssessor: Sendable {
    func assess(programmeID: String, factsJSON: String, on date: CalendarDate, deadline: CalendarDate?) throws -> Assessment
    var programmes: [ProgrammeInfo] { get }
    /// The clauses of an evaluation that a reviewer decides, keyed by the attestation the facts record.
    func pendingFindings(programmeID: String, evaluationJSON: String) -> [PendingFinding]
}

extension ApplicationAssessor {
    func programme(_ id: String) -> ProgrammeInfo? { programmes.first { $0.id == id } }
}
