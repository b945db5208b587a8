import Foundation
import Plot
import QualityRules
import QualityStorage

extension ApplicationPage {
    /// Only the actions the signed-in person may take at this stage; the server checks them again.
    static func actionsSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        guard !model.actions.isEmpty else { return .empty }
        return .section(
            .class("actions no-print"), .id("actions"),
            .h2(.text(context.t(Strings.ApplicationPage.actions))),
            .forEach(model.actions) { action in actionForm(context, model, action) }
        )
    }

    private static func actionForm(_ context: PageContext, _ model: Model, _ action: ApplicationAction) -> Node<HTML.BodyContext> {
        switch action {
        case .submit:
            return form(context, model, path: .submit, id: "submit-form",
                        .p(.class("commitment"), .text(context.t(Strings.Applications.commitmentText))),
                        .label(.class("check"), .input(.type(.checkbox), .name("commitment"), .value("accepted"), .id("commitment")),
                               .text(" " + context.t(Strings.ApplicationPage.acceptCommitment))),
                        .input(.type(.hidden), .name("idempotencyKey"), .value(attr(UUID().uuidString))),
                        .button(.type(.submit), .text(context.t(model.stage == .returned ? Strings.ApplicationPage.resubmit : Strings.Actions.name(.submit)))))
        case .withdraw:
            return form(context, model, path: .withdraw, id: "withdraw-form",
                        .label(.for("withdraw-reason"), .text(context.t(Strings.ApplicationPage.withdrawReason))),
                        .input(.type(.text), .id("withdraw-reason"), .name("reason"), .value(attr(model.inputs["reason"] ?? ""))),
                        .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Actions.name(.withdraw)))))
        case .returnForCorrection:
            return form(context, model, path: .returnForCorrection, id: "return-form",
                        .label(.for("return-reason"), .text(context.t(Strings.ApplicationPage.returnReason))),
                        .textarea(.id("return-reason"), .name("reason"), .attribute(named: "rows", value: "3"), .text(model.inputs["reason"] ?? "")),
                        .label(.for("return-deadline"), .text(context.t(Strings.ApplicationPage.returnDeadline))),
                        .input(.type(.date), .id("return-deadline"), .name("deadline"),
                               .value(attr(model.inputs["deadline"] ?? context.today.adding(days: 7).iso))),
                        .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Actions.name(.returnForCorrection)))))
        case .forward:
            return form(context, model, path: .forward, id: "forward-form",
                        .label(.for("opinion"), .text(context.t(Strings.ApplicationPage.preliminaryOpinion))),
                        .textarea(.id("opinion"), .name("opinion"), .attribute(named: "rows", value: "4"), .text(model.inputs["opinion"] ?? "")),
                        .fieldset(
                            .label(.class("check"), .input(.type(.radio), .name("recommend"), .value("yes"), .checked(model.inputs["recommend"] != "no")),
                                   .text(" " + context.t(Strings.ApplicationPage.recommend))),
                            .label(.class("check"), .input(.type(.radio), .name("recommend"), .value("no"), .checked(model.inputs["recommend"] == "no")),
                                   .text(" " + context.t(Strings.ApplicationPage.notRecommend)))
                        ),
                        .button(.type(.submit), .text(context.t(Strings.Actions.name(.forward)))))
        case .passEligibility:
            return form(context, model, path: .eligibility, id: "eligibility-form",
                        EvaluationView.findingInputs(context, findings: model.pendingFindings),
                        .label(.for("eligibility-reason"), .text(context.t(Strings.ApplicationPage.eligibilityReason))),
                        .textarea(.id("eligibility-reason"), .name("reason"), .attribute(named: "rows", value: "3"), .text(model.inputs["reason"] ?? "")),
                        .div(.class("buttons"),
                             .button(.type(.submit), .name("decision"), .value("pass"), .text(context.t(Strings.Actions.name(.passEligibility)))),
                             .button(.type(.submit), .name("decision"), .value("fail"), .class("secondary"),
                                     .text(context.t(Strings.Actions.name(.failEligibility))))))
        case .recordOnSiteReview:
            return form(context, model, path: .onsite, id: "onsite-form",
                        .label(.for("findings"), .text(context.t(Strings.ApplicationPage.onSiteFindings))),
                        .textarea(.id("findings"), .name("findings"), .attribute(named: "rows", value: "4"), .text(model.inputs["findings"] ?? "")),
                        .div(.class("buttons"),
                             .button(.type(.submit), .name("decision"), .value("pass"), .text(context.t(Strings.Actions.name(.recordOnSiteReview)))),
                             .button(.type(.submit), .name("decision"), .value("fail"), .class("secondary"),
                                     .text(context.t(Strings.Actions.name(.failOnSiteReview))))))
        case .failEligibility, .failOnSiteReview:
            // Offered as the second button of the pass form.
            return .empty
        case .startExpertReview, .completeScoring, .propose, .disqualify, .backfill, .select, .notSelect:
            // Call-level steps (`ApplicationWorkflow.callLevel`) are never offered here.
            return .empty
        }
    }

    private static func form(_ context: PageContext, _ model: Model, path: ApplicationActionPath, id: String,
                             _ content: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(attr(SiteURL.applicationAction(.value(model.id), path).path)), .class("stacked action"), .id(id),
            Forms.csrf(context),
            .input(.type(.hidden), .name("version"), .value(attr(String(model.version)))),
            .group(content)
        )
    }
}
