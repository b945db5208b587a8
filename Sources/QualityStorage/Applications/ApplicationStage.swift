/// The stages of an application through the procedures of seeds 000 (§三) and 002 (第七条).
///
/// 000: 资格审核 → 材料审核 → 现场评审（抽查验证） → 组委会审定 → 媒体公示 → 表彰发证.
/// 002: 企业申报 → 县区局初步意见 → 市局专家评审 → 公示（10天） → 选定.
/// Both start with the district bureau checking materials and forwarding to the city.
public enum ApplicationStage: String, Codable, CaseIterable, Sendable {
    /// Being filled in by the enterprise; not yet submitted.
    case draft
    /// Submitted; with the district bureau for its check of the materials.
    case submitted
    /// Returned by the district bureau for correction, with reasons and a deadline.
    case returned
    /// Withdrawn by the enterprise.
    case withdrawn
    /// Forwarded by the district bureau to the city with its preliminary opinion.
    case forwarded
    /// Passed the city's eligibility review (资格审核).
    case eligible
    /// Failed the city's eligibility review.
    case ineligible
    /// Material review and on-site review (spot verification, 000) recorded.
    case onSiteReviewed = "onsite_reviewed"
    /// With an expert panel for scoring.
    case expertReview = "expert_review"
    /// Every panel member has submitted scores.
    case scored
    /// On the list the committee approved; on public notice.
    case proposed
    /// Removed from the proposed list after a substantiated complaint (取消拟选定资格).
    case disqualified
    /// On the final list; the title is issued.
    case selected
    /// Below the quota line or not approved by the committee.
    case notSelected = "not_selected"

    /// Stages after which nothing more happens to the application.
    public var isFinal: Bool {
        switch self {
        case .withdrawn, .ineligible, .disqualified, .selected, .notSelected: true
        default: false
        }
    }
}
