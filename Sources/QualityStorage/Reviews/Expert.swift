import FluentKit
import Foundation

/// An expert reviewer in the pool (专家库): their fields, where they work, and the relationships they
/// declared, from which conflicts of interest are found before an application is ever shown to them.
public final class Expert: Model, @unchecked Sendable {
    public static let schema = "experts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "name") public var name: String
    /// Fields of expertise, one per line (质量管理, 计量, 标准化…).
    @Field(key: "fields") public var fields: String
    /// Where the expert works (单位).
    @Field(key: "affiliation") public var affiliation: String
    /// The employer's credit code, when the expert works for an enterprise.
    @OptionalField(key: "employer_credit_code") public var employerCreditCode: String?
    /// Credit codes or names of enterprises the expert declared a relationship with, one per line.
    @Field(key: "relationships") public var relationships: String
    @Field(key: "is_active") public var isActive: Bool

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $account, $name, $fields, $affiliation, $employerCreditCode, $relationships, $isActive]
    }

    public init(id: UUID? = nil, accountID: UUID, name: String, fields: String, affiliation: String,
                employerCreditCode: String? = nil, relationships: String = "", isActive: Bool = true) {
        self.id = id
        self.$account.id = accountID
        self.name = name
        self.fields = fields
        self.affiliation = affiliation
        self.employerCreditCode = employerCreditCode
        self.relationships = relationships
        self.isActive = isActive
    }

    public var relationshipList: [String] {
        relationships.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

public enum AssignmentStatus: String, Codable, CaseIterable, Sendable {
    /// Drawn; the expert has not yet declared whether they have a conflict.
    case assigned
    /// The expert declared no conflict and may read and score the application.
    case accepted
    /// Withdrawn for a conflict of interest (found by the system or declared).
    case recused
    /// Scores submitted; final.
    case submitted
}

/// One expert's seat on the panel of one application.
public final class PanelAssignment: Model, @unchecked Sendable {
    public static let schema = "panel_assignments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: Call
    @Parent(key: "application_id") public var application: CallApplication
    @Parent(key: "expert_id") public var expert: Expert
    @Field(key: "status") public var status: AssignmentStatus
    @Field(key: "drawn_at") public var drawnAt: Date
    @OptionalField(key: "declared_at") public var declaredAt: Date?
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    /// The expert's overall opinion, which a failed applicant may read.
    @OptionalField(key: "opinion") public var opinion: String?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $call, $application, $expert, $status, $drawnAt, $declaredAt, $submittedAt, $opinion]
    }

    public init(callID: UUID, applicationID: UUID, expertID: UUID, drawnAt: Date) {
        self.$call.id = callID
        self.$application.id = applicationID
        self.$expert.id = expertID
        self.status = .assigned
        self.drawnAt = drawnAt
    }
}

/// The log of recusals: who stood down from which application, why, and whether the system found it or
/// the expert declared it.
public final class Recusal: Model, @unchecked Sendable {
    public static let schema = "recusals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: Call
    @Parent(key: "application_id") public var application: CallApplication
    @Parent(key: "expert_id") public var expert: Expert
    /// "same_enterprise", "declared_relationship", "same_affiliation" (found at the draw) or "declared".
    @Field(key: "kind") public var kind: String
    @Field(key: "reason") public var reason: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public var properties: [any AnyProperty] { [$id, $call, $application, $expert, $kind, $reason, $recordedAt] }

    public init(callID: UUID, applicationID: UUID, expertID: UUID, kind: String, reason: String, recordedAt: Date) {
        self.$call.id = callID
        self.$application.id = applicationID
        self.$expert.id = expertID
        self.kind = kind
        self.reason = reason
        self.recordedAt = recordedAt
    }
}

/// An expert's points for one rubric indicator, with the justification the rules ask for.
public final class ExpertScore: Model, @unchecked Sendable {
    public static let schema = "expert_scores"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "assignment_id") public var assignment: PanelAssignment
    @Field(key: "indicator_id") public var indicatorID: String
    /// Points in hundredths (7.5 points = 750), never a floating-point number.
    @Field(key: "points") public var points: Int
    @Field(key: "justification") public var justification: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $assignment, $indicatorID, $points, $justification] }

    public init(assignmentID: UUID, indicatorID: String, points: Int, justification: String) {
        self.$assignment.id = assignmentID
        self.indicatorID = indicatorID
        self.points = points
        self.justification = justification
    }
}
