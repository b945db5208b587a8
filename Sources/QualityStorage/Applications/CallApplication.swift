import FluentKit
import Foundation
import QualityRules

/// An enterprise's application to a call (申报). Its stage changes only through `ApplicationWorkflow`, and
/// every change is written to the audit chain in the same transaction.
public final class CallApplication: Model, @unchecked Sendable {
    public static let schema = "applications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: Call
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    /// Copied from the enterprise at creation so district scoping is one indexed column.
    @Field(key: "district") public var district: String
    @Field(key: "stage") public var stage: ApplicationStage
    /// The form as submitted: fields prefilled from the facts and edited by the applicant.
    @Field(key: "form_json") public var formJSON: String
    /// The facts the engine evaluated at submission, so later reviews see what was submitted.
    @OptionalField(key: "facts_snapshot_json") public var factsSnapshotJSON: String?
    @Field(key: "commitment_accepted") public var commitmentAccepted: Bool
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @OptionalField(key: "return_reason") public var returnReason: String?
    @OptionalField(key: "return_deadline") public var returnDeadline: CalendarDate?
    @OptionalField(key: "preliminary_opinion") public var preliminaryOpinion: String?
    /// "recommend" or "not_recommend", the district's preliminary opinion (初步意见).
    @OptionalField(key: "district_recommendation") public var districtRecommendation: String?
    /// What the material and on-site review (spot verification) found.
    @OptionalField(key: "onsite_findings") public var onSiteFindings: String?
    /// The engine's evaluation (JSON) at the last submission or eligibility review.
    @OptionalField(key: "evaluation_json") public var evaluationJSON: String?
    @OptionalField(key: "engine_verdict") public var engineVerdict: String?
    /// Key sent by the client with a submission, so a retried request is answered once.
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    /// The panel's combined score (mean or trimmed mean) in hundredths of a point, once scored.
    @OptionalField(key: "aggregate_score") public var aggregateScore: Int?
    /// The engine's objective score from the evidence, in hundredths, shown beside the experts'.
    @OptionalField(key: "objective_score") public var objectiveScore: Int?
    /// The panel's scores diverge more than the call allows; the committee is told.
    @OptionalField(key: "divergent") public var divergent: Bool?
    /// Place on the ranked list the committee approved from.
    @OptionalField(key: "rank") public var rank: Int?
    /// Raised on every change; a stale form (another officer acted first) is refused, not overwritten.
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $call, $enterprise, $district, $stage, $formJSON, $factsSnapshotJSON, $commitmentAccepted, $submittedAt,
         $returnReason, $returnDeadline, $preliminaryOpinion, $districtRecommendation, $onSiteFindings, $evaluationJSON,
         $engineVerdict, $idempotencyKey, $aggregateScore, $objectiveScore, $divergent, $rank, $version, $createdAt,
         $updatedAt]
    }

    public init(id: UUID? = nil, callID: UUID, enterpriseID: UUID, district: String, formJSON: String = "{}") {
        self.id = id
        self.$call.id = callID
        self.$enterprise.id = enterpriseID
        self.district = district
        self.stage = .draft
        self.formJSON = formJSON
        self.commitmentAccepted = false
        self.version = 1
    }
}

/// An uploaded file: stored once by its SHA-256 outside the web root, referenced by materials.
public final class EvidenceFile: Model, @unchecked Sendable {
    public static let schema = "evidence_files"

    @ID(key: .id) public var id: UUID?
    @Field(key: "sha256") public var sha256: String
    /// The uploaded name with any path removed; shown to people, never used as a path.
    @Field(key: "display_name") public var displayName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @OptionalParent(key: "enterprise_id") public var enterprise: Enterprise?
    @OptionalParent(key: "uploaded_by") public var uploadedBy: Account?
    /// What the file proves, for evidence the enterprise keeps with its facts (nil for application materials).
    @OptionalField(key: "label") public var label: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $sha256, $displayName, $contentType, $size, $enterprise, $uploadedBy, $label, $createdAt]
    }

    public init(sha256: String, displayName: String, contentType: String, size: Int, enterpriseID: UUID?, uploadedBy: UUID?) {
        self.sha256 = sha256
        self.displayName = displayName
        self.contentType = contentType
        self.size = size
        self.$enterprise.id = enterpriseID
        self.$uploadedBy.id = uploadedBy
    }
}

/// A material of an application: which required item this file answers.
public final class ApplicationMaterial: Model, @unchecked Sendable {
    public static let schema = "application_materials"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: CallApplication
    @Field(key: "material_key") public var materialKey: String
    @Parent(key: "file_id") public var file: EvidenceFile
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $application, $materialKey, $file, $createdAt] }

    public init(applicationID: UUID, materialKey: String, fileID: UUID) {
        self.$application.id = applicationID
        self.materialKey = materialKey
        self.$file.id = fileID
    }
}
