import FluentKit
import Foundation
import QualityRules

/// One import of a registry file: what it read and what it did, and the rows it refused.
public final class RegistryImport: Model, @unchecked Sendable {
    public static let schema = "registry_imports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "file") public var file: String
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    /// `ImportReport.Counts` as JSON.
    @Field(key: "counts_json") public var countsJSON: String
    /// The first rejected rows (at most `ImportReport.keptRejections`) as JSON.
    @Field(key: "rejections_json") public var rejectionsJSON: String
    @Field(key: "actor") public var actor: String

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $kind, $file, $startedAt, $finishedAt, $countsJSON, $rejectionsJSON, $actor]
    }

    init(id: UUID, kind: RegistryKind, file: String, startedAt: Date, actor: String) {
        self.id = id
        self.kind = kind.rawValue
        self.file = file
        self.startedAt = startedAt
        self.countsJSON = "{}"
        self.rejectionsJSON = "[]"
        self.actor = actor
    }
}

/// One run of proactive matching: the day it matched for, how many enterprises, and per programme the
/// verdict counts, award totals and rule versions (`summary_json`, a `MatchSummary`).
public final class MatchRun: Model, @unchecked Sendable {
    public static let schema = "match_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "on_date") public var onDate: String
    @Field(key: "started_at") public var startedAt: Date
    @Field(key: "finished_at") public var finishedAt: Date
    @Field(key: "enterprise_count") public var enterpriseCount: Int
    @Field(key: "summary_json") public var summaryJSON: String
    @Field(key: "actor") public var actor: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $onDate, $startedAt, $finishedAt, $enterpriseCount, $summaryJSON, $actor] }

    public init(id: UUID = UUID(), onDate: CalendarDate, startedAt: Date, finishedAt: Date, enterpriseCount: Int,
                summary: MatchSummary, actor: String) {
        self.id = id
        self.onDate = onDate.iso
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.enterpriseCount = enterpriseCount
        self.summaryJSON = JSONText.encode(summary)
        self.actor = actor
    }

    public var summary: MatchSummary? { JSONText.decode(MatchSummary.self, from: summaryJSON) }
}

/// What a run found for each programme.
public struct MatchSummary: Sendable, Codable, Hashable {
    public struct Programme: Sendable, Codable, Hashable {
        public var id: String
        public var policyID: String
        public var ruleVersion: String
        public var inForce: Bool
        /// False when the programme's conditions are only a region and a panel's judgement: no candidates kept.
        public var hasEvidence: Bool
        public var eligible: Int
        public var needsFindings: Int
        public var notEligible: Int
        public var notInForce: Int
        /// Award offered to the eligible enterprises, and to those awaiting findings, in fen.
        public var eligibleAwardFen: Int64
        public var pendingAwardFen: Int64
        public var candidatesStored: Int

        public init(id: String, policyID: String, ruleVersion: String, inForce: Bool, hasEvidence: Bool, eligible: Int,
                    needsFindings: Int, notEligible: Int, notInForce: Int, eligibleAwardFen: Int64, pendingAwardFen: Int64,
                    candidatesStored: Int) {
            self.id = id
            self.policyID = policyID
            self.ruleVersion = ruleVersion
            self.inForce = inForce
            self.hasEvidence = hasEvidence
            self.eligible = eligible
            self.needsFindings = needsFindings
            self.notEligible = notEligible
            self.notInForce = notInForce
            self.eligibleAwardFen = eligibleAwardFen
            self.pendingAwardFen = pendingAwardFen
            self.candidatesStored = candidatesStored
        }
    }

    public var programmes: [Programme]
    public var matchMilliseconds: Double
    public var loadMilliseconds: Double

    public init(programmes: [Programme], matchMilliseconds: Double, loadMilliseconds: Double) {
        self.programmes = programmes
        self.matchMilliseconds = matchMilliseconds
        self.loadMilliseconds = loadMilliseconds
    }
}

/// An enterprise a run found may qualify for a programme (eligible, or eligible but for a panel's finding).
public final class MatchCandidate: Model, @unchecked Sendable {
    public static let schema = "match_candidates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "run_id") public var runID: UUID
    @Field(key: "programme_id") public var programmeID: String
    @Field(key: "enterprise_id") public var enterpriseID: UUID
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "enterprise_name") public var enterpriseName: String
    @Field(key: "city") public var city: String
    @Field(key: "district") public var district: String
    /// `Verdict.rawValue`.
    @Field(key: "verdict") public var verdict: String
    /// Rubric score in hundredths, for a programme with a rubric.
    @OptionalField(key: "score") public var score: Int?
    @OptionalField(key: "award_fen") public var awardFen: Int64?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $runID, $programmeID, $enterpriseID, $creditCode, $enterpriseName, $city, $district, $verdict, $score, $awardFen]
    }
}

/// A copy of a policy with parameters changed, compared against a policy in force. Only the changes are
/// stored; the policy files and live data are never touched.
public final class SandboxDraft: Model, @unchecked Sendable {
    public static let schema = "sandbox_drafts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "base_policy_id") public var basePolicyID: String
    @Field(key: "against_policy_id") public var againstPolicyID: String
    /// `[SandboxChange]` as JSON (QualityRules' sandbox vocabulary).
    @Field(key: "changes_json") public var changesJSON: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $name, $basePolicyID, $againstPolicyID, $changesJSON, $createdBy, $createdAt, $updatedAt]
    }

    public init(name: String, basePolicyID: String, againstPolicyID: String, changesJSON: String, createdBy: String, at date: Date) {
        self.name = name
        self.basePolicyID = basePolicyID
        self.againstPolicyID = againstPolicyID
        self.changesJSON = changesJSON
        self.createdBy = createdBy
        self.createdAt = date
        self.updatedAt = date
    }
}
