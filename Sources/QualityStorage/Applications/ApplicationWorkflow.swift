/// What may happen to an application, by whom, from which stage. The table is the whole rule: services ask
/// it before they write, tests walk it, and the audit trail records the `action` names used here.
public enum ApplicationAction: String, Codable, CaseIterable, Sendable {
    /// The enterprise submits (or resubmits after a return) before the deadline.
    case submit
    case withdraw
    /// The district bureau returns the application for correction, with reasons and a deadline.
    case returnForCorrection = "return"
    /// The district bureau forwards it to the city with its preliminary opinion.
    case forward
    /// The city's eligibility review, with the engine's verdict beside it.
    case passEligibility = "pass_eligibility"
    case failEligibility = "fail_eligibility"
    /// The city records the material and on-site review (spot verification, 000 §三).
    case recordOnSiteReview = "record_onsite"
    case failOnSiteReview = "fail_onsite"
    /// A panel is drawn and the experts start (after the on-site review where the procedure has one).
    case startExpertReview = "start_expert_review"
    /// Every member of the panel has submitted.
    case completeScoring = "complete_scoring"
    /// On the list the committee approved within the quota; goes on public notice.
    case propose
    /// A substantiated complaint during the notice removes the candidate.
    case disqualify
    /// The next ranked application takes a freed place within the quota.
    case backfill
    /// The final list is published: the title is granted.
    case select
    case notSelect = "not_select"
}

/// Who acts in the workflow.
public enum WorkflowActor: String, Sendable {
    case enterprise
    case district
    case city
    case committee
    /// The platform itself, when the last expert submits.
    case system
}

public enum ApplicationWorkflow {
    public struct Transition: Sendable, Equatable {
        public var action: ApplicationAction
        public var actor: WorkflowActor
        public var from: Set<ApplicationStage>
        public var to: ApplicationStage
    }

    public static let transitions: [Transition] = [
        Transition(action: .submit, actor: .enterprise, from: [.draft, .returned], to: .submitted),
        Transition(action: .withdraw, actor: .enterprise,
                   from: [.draft, .submitted, .returned, .forwarded, .eligible, .onSiteReviewed, .expertReview, .scored],
                   to: .withdrawn),
        Transition(action: .returnForCorrection, actor: .district, from: [.submitted], to: .returned),
        Transition(action: .forward, actor: .district, from: [.submitted], to: .forwarded),
        Transition(action: .passEligibility, actor: .city, from: [.forwarded], to: .eligible),
        Transition(action: .failEligibility, actor: .city, from: [.forwarded], to: .ineligible),
        Transition(action: .recordOnSiteReview, actor: .city, from: [.eligible], to: .onSiteReviewed),
        Transition(action: .failOnSiteReview, actor: .city, from: [.eligible], to: .ineligible),
        Transition(action: .startExpertReview, actor: .city, from: [.eligible, .onSiteReviewed], to: .expertReview),
        Transition(action: .completeScoring, actor: .system, from: [.expertReview], to: .scored),
        Transition(action: .propose, actor: .committee, from: [.scored], to: .proposed),
        Transition(action: .disqualify, actor: .city, from: [.proposed], to: .disqualified),
        Transition(action: .backfill, actor: .city, from: [.scored], to: .proposed),
        Transition(action: .select, actor: .city, from: [.proposed], to: .selected),
        Transition(action: .notSelect, actor: .city, from: [.scored], to: .notSelected),
    ]

    public static func transition(for action: ApplicationAction) -> Transition {
        transitions.first { $0.action == action }!
    }

    /// The stage `action` leads to from `stage`, or nil when it is not allowed there.
    public static func target(of action: ApplicationAction, from stage: ApplicationStage) -> ApplicationStage? {
        let transition = transition(for: action)
        return transition.from.contains(stage) ? transition.to : nil
    }

    /// The steps taken for a whole call at once (the draw, the committee's approval, the final list) or by
    /// the platform; they are never offered as a button on one application.
    public static let callLevel: Set<ApplicationAction> = [.startExpertReview, .completeScoring, .propose, .disqualify,
                                                           .backfill, .select, .notSelect]

    /// The actions `actor` may take on one application in `stage`, for showing the right buttons.
    public static func actions(for actor: WorkflowActor, in stage: ApplicationStage) -> [ApplicationAction] {
        transitions.filter { $0.actor == actor && $0.from.contains(stage) && !callLevel.contains($0.action) }.map(\.action)
    }
}
