import FluentKit
import Foundation
import QualityRules

/// Where a grant application stands.
///
/// submitted → approved → disbursed → clawed back; submitted → rejected | withdrawn;
/// approved → released (the commitment undone before payment, e.g. the title was revoked).
public enum GrantStage: String, Codable, CaseIterable, Sendable {
    /// Applied for (or created when a title was granted); awaiting the city bureau's decision.
    case submitted
    /// Approved: the amount is committed from the fund.
    case approved
    case rejected
    case withdrawn
    /// Paid in a disbursement batch.
    case disbursed
    /// The commitment was cancelled before payment; the money went back to the fund.
    case released
    /// Paid and then reclaimed (title revoked for fraud).
    case clawedBack = "clawed_back"

    /// Grants that hold (or held) money: their matters count as funded.
    public static let funded: [GrantStage] = [.approved, .disbursed, .clawedBack]
}

/// How a grant application came about.
public enum GrantOrigin: String, Codable, CaseIterable, Sendable {
    /// An enterprise applied for a funded item (004, or 003 in the sandbox).
    case application
    /// Made by the platform when a title was granted (002 第九条: a one-off grant on first passing).
    case title
}

/// An application for money under one programme (funded item) of a policy: the matters claimed, the
/// engine's evaluation, the officer's decision, and what was paid.
public final class GrantApplication: Model, @unchecked Sendable {
    public static let schema = "grant_applications"

    @ID(key: .id) public var id: UUID?
    /// The fund that pays; may be nil for a grant made with a title when no fund covers it yet (the officer
    /// chooses one when approving).
    @OptionalParent(key: "fund_id") public var fund: Fund?
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    @Field(key: "policy_id") public var policyID: String
    @Field(key: "programme_id") public var programmeID: String
    @Field(key: "origin") public var origin: GrantOrigin
    @OptionalField(key: "title_id") public var titleID: UUID?
    @Field(key: "stage") public var stage: GrantStage
    /// The matters funded (`MatterKey`), fixed when applying.
    @Field(key: "matters_json") public var mattersJSON: String
    /// The claim as the engine reads it (`GrantClaim`): tier, officer amount and reason, score and rank.
    @Field(key: "claim_json") public var claimJSON: String
    /// The officer's findings on the clauses that need judgement: attestation key → met.
    @Field(key: "findings_json") public var findingsJSON: String
    /// What the enterprise says about its evidence.
    @Field(key: "statement") public var statement: String
    /// The amount the rules give when they settle it (fen), else nil.
    @OptionalField(key: "offered") public var offered: Int64?
    /// The most that may be paid when an officer decides the amount (fen).
    @OptionalField(key: "cap") public var cap: Int64?
    @OptionalField(key: "approved_amount") public var approvedAmount: Int64?
    @OptionalField(key: "disbursed_amount") public var disbursedAmount: Int64?
    @OptionalField(key: "evaluation_json") public var evaluationJSON: String?
    @OptionalField(key: "engine_verdict") public var engineVerdict: String?
    @OptionalField(key: "rule_version") public var ruleVersion: String?
    @Field(key: "submitted_at") public var submittedAt: Date
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "decided_on") public var decidedOn: CalendarDate?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "decision_reason") public var decisionReason: String?
    @OptionalField(key: "batch_id") public var batchID: UUID?
    @OptionalField(key: "paid_on") public var paidOn: CalendarDate?
    @OptionalField(key: "payment_reference") public var paymentReference: String?
    @OptionalField(key: "ended_at") public var endedAt: Date?
    @OptionalField(key: "ended_reason") public var endedReason: String?
    /// Copied from the fund: sandbox grants never reach exports or open data.
    @Field(key: "sandbox") public var sandbox: Bool
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $fund, $enterprise, $policyID, $programmeID, $origin, $titleID, $stage, $mattersJSON, $claimJSON, $findingsJSON,
         $statement, $offered, $cap, $approvedAmount, $disbursedAmount, $evaluationJSON, $engineVerdict, $ruleVersion,
         $submittedAt, $decidedAt, $decidedOn, $decidedBy, $decisionReason, $batchID, $paidOn, $paymentReference, $endedAt,
         $endedReason, $sandbox, $version, $createdAt, $updatedAt]
    }

    public init(id: UUID? = nil, fundID: UUID?, enterpriseID: UUID, policyID: String, programmeID: String, origin: GrantOrigin,
                titleID: UUID? = nil, matters: [String], claim: GrantClaim, statement: String, sandbox: Bool, submittedAt: Date) {
        self.id = id
        self.$fund.id = fundID
        self.$enterprise.id = enterpriseID
        self.policyID = policyID
        self.programmeID = programmeID
        self.origin = origin
        self.titleID = titleID
        self.stage = .submitted
        self.mattersJSON = JSONText.encode(matters)
        self.claimJSON = JSONText.encode(claim)
        self.findingsJSON = "{}"
        self.statement = statement
        self.sandbox = sandbox
        self.submittedAt = submittedAt
        self.version = 1
    }

    public var matters: [String] { JSONText.decode([String].self, from: mattersJSON) ?? [] }
    public var claim: GrantClaim { JSONText.decode(GrantClaim.self, from: claimJSON) ?? GrantClaim() }
    public var findings: [String: Bool] { JSONText.decode([String: Bool].self, from: findingsJSON) ?? [:] }

    /// A short reference people can read out: the first eight characters of the id.
    public var reference: String { "G-" + String((id?.uuidString ?? "").prefix(8)) }
}

/// A file an enterprise attached as evidence to a grant application.
public final class GrantEvidence: Model, @unchecked Sendable {
    public static let schema = "grant_evidence"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "grant_id") public var grant: GrantApplication
    @Parent(key: "file_id") public var file: EvidenceFile

    public init() {}

    public var properties: [any AnyProperty] { [$id, $grant, $file] }

    public init(grantID: UUID, fileID: UUID) {
        self.$grant.id = grantID
        self.$file.id = fileID
    }
}
