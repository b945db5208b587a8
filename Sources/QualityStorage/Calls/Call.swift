import FluentKit
import Foundation
import QualityRules

/// Where a call for applications stands in its procedure (seed 000 §三, seed 002 第七条).
public enum CallStage: String, Codable, CaseIterable, Sendable {
    /// Being prepared by the secretariat; not public.
    case draft
    /// Published. Applications are accepted between `opensOn` and `closesOn` (Asia/Shanghai).
    case open
    /// Closed to applications; district, eligibility, material and on-site reviews.
    case review
    /// Expert panels score the applications.
    case expertReview = "expert_review"
    /// The committee approves the ranked list within the quota.
    case committee
    /// The proposed list is on public notice; complaints are received.
    case notice
    /// The final list is published and titles are issued.
    case final
    case cancelled
}

/// How the scores of a panel are combined into one (seed-silent; configurable per call).
public enum ScoreAggregate: String, Codable, CaseIterable, Sendable {
    case mean
    /// Drop the highest and the lowest score, then take the mean.
    case trimmedMean = "trimmed_mean"
}

/// One material an applicant uploads, from the call's list (申报材料).
public struct RequiredMaterial: Codable, Hashable, Sendable {
    public var key: String
    public var title: LocalizedText
    public var required: Bool

    public init(key: String, title: LocalizedText, required: Bool = true) {
        self.key = key
        self.title = title
        self.required = required
    }
}

/// A call for applications to one programme: a batch of 000, a year's round of 002, a grant round of 004.
public final class Call: Model, @unchecked Sendable {
    public static let schema = "calls"

    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: String
    @Field(key: "policy_id") public var policyID: String
    @Field(key: "year") public var year: Int
    @Field(key: "title_zh") public var titleZh: String
    @Field(key: "title_en") public var titleEn: String
    @Field(key: "opens_on") public var opensOn: CalendarDate
    @Field(key: "closes_on") public var closesOn: CalendarDate
    /// The most that may be selected (000: ≤100 a year; 002: ≤5 a year). Nil for grant rounds without one.
    @OptionalField(key: "quota") public var quota: Int?
    /// Approved so far; raised only by a conditional update so the quota holds under concurrent approvals.
    @Field(key: "approved_count") public var approvedCount: Int
    @Field(key: "stage") public var stage: CallStage
    @Field(key: "materials_json") public var materialsJSON: String
    @Field(key: "contacts") public var contacts: String
    @Field(key: "notice_days") public var noticeDays: Int
    @Field(key: "score_aggregate") public var scoreAggregate: ScoreAggregate
    @Field(key: "is_demo") public var isDemo: Bool
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Experts per application (at least three).
    @OptionalField(key: "panel_size") public var panelSizeValue: Int?
    /// The rubric the secretariat defined for this call, when the policy has none (000), in the policy
    /// files' rubric format.
    @OptionalField(key: "rubric_yaml") public var rubricYAML: String?
    @OptionalField(key: "notice_starts_on") public var noticeStartsOn: CalendarDate?
    @OptionalField(key: "notice_ends_on") public var noticeEndsOn: CalendarDate?
    @OptionalField(key: "final_published_at") public var finalPublishedAt: Date?

    public var panelSize: Int { max(3, panelSizeValue ?? 3) }

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $programmeID, $policyID, $year, $titleZh, $titleEn, $opensOn, $closesOn, $quota, $approvedCount, $stage,
         $materialsJSON, $contacts, $noticeDays, $scoreAggregate, $isDemo, $publishedAt, $createdAt, $panelSizeValue,
         $rubricYAML, $noticeStartsOn, $noticeEndsOn, $finalPublishedAt]
    }

    public init(id: UUID? = nil, programmeID: String, policyID: String, year: Int, title: LocalizedText,
                opensOn: CalendarDate, closesOn: CalendarDate, quota: Int?, stage: CallStage,
                materials: [RequiredMaterial], contacts: String, noticeDays: Int = 10,
                scoreAggregate: ScoreAggregate = .mean, isDemo: Bool = false) {
        self.id = id
        self.programmeID = programmeID
        self.policyID = policyID
        self.year = year
        self.titleZh = title.zh
        self.titleEn = title.en
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.quota = quota
        self.approvedCount = 0
        self.stage = stage
        self.materialsJSON = JSONText.encode(materials)
        self.contacts = contacts
        self.noticeDays = noticeDays
        self.scoreAggregate = scoreAggregate
        self.isDemo = isDemo
    }

    public var title: LocalizedText { LocalizedText(zh: titleZh, en: titleEn) }

    public var materials: [RequiredMaterial] {
        get { JSONText.decode([RequiredMaterial].self, from: materialsJSON) ?? [] }
        set { materialsJSON = JSONText.encode(newValue) }
    }

    /// Whether an application may be submitted on `day`: published, and the day inside the window.
    public func isAccepting(on day: CalendarDate) -> Bool {
        stage == .open && day >= opensOn && day <= closesOn
    }
}
