import Foundation
import Plot
import QualityRules

/// The rules engine's evaluation as a person reads it: the verdict, each condition and exclusion with the
/// clause it cites and the numbers, the rubric by indicator, and the award.
enum EvaluationView {
    static func section(_ context: PageContext, json: String?) -> Node<HTML.BodyContext> {
        guard let json, let evaluation = try? JSONDecoder().decode(Evaluation.self, from: Data(json.utf8)) else { return .empty }
        return section(context, evaluation: evaluation)
    }

    static func section(_ context: PageContext, evaluation: Evaluation) -> Node<HTML.BodyContext> {
        .section(
            .class("evaluation"), .id("evaluation"),
            .h2(.text(context.t(Strings.Evaluation.title))),
            .p(.class("verdict verdict-\(evaluation.verdict.rawValue)"),
               .strong(.text(context.t(evaluation.verdict.label))), .text("：" + context.t(evaluation.summary))),
            .p(.class("muted small"), .text(context.t(Strings.Evaluation.basis(evaluation)))),
            results(context, Strings.Evaluation.conditions, evaluation.conditions),
            results(context, Strings.Evaluation.exclusions, evaluation.exclusions),
            results(context, Strings.Evaluation.constraints, evaluation.constraints),
            .unwrap(evaluation.rubric) { rubric(context, $0) },
            .unwrap(evaluation.award) { award in
                .div(.class("award"), .h3(.text(context.t(Strings.Evaluation.award))), .p(.text(context.t(award.explanation))),
                     .p(.class("muted small"), .text(award.citation.document + " " + context.t(award.citation.clause))))
            }
        )
    }

    static func results(_ context: PageContext, _ title: LocalizedText, _ results: [RuleResult]) -> Node<HTML.BodyContext> {
        guard !results.isEmpty else { return .empty }
        return .group(
            .h3(.text(context.t(title))),
            .table(.class("list rules"),
                   .tbody(.forEach(results) { result in
                       .tr(
                           .td(.class(result.outcome.rawValue), .text(context.t(Strings.Evaluation.outcome(result.outcome)))),
                           .td(.strong(.text(context.t(result.label))), .br(), .text(context.t(result.explanation))),
                           .td(.class("muted small"), .attribute(named: "title", value: attr(result.citation.text)),
                               .text(context.t(result.citation.clause)))
                       )
                   }))
        )
    }

    static func rubric(_ context: PageContext, _ rubric: RubricResult) -> Node<HTML.BodyContext> {
        .div(
            .class("rubric"), .id("rubric"),
            .h3(.text(context.t(Strings.Evaluation.rubric(rubric.score.description, rubric.maximum.description)))),
            .table(.class("list"),
                   .thead(.tr(.th(.text(context.t(Strings.Evaluation.indicator))), .th(.class("num"), .text(context.t(Strings.Evaluation.points))),
                              .th(.text(context.t(Strings.Evaluation.why))))),
                   .tbody(.forEach(rubric.groups) { group in
                       .group(
                           .tr(.class("group"), .th(.text(context.t(group.name))),
                               .th(.class("num"), .text("\(group.score) / \(group.maximum)")), .th()),
                           .forEach(group.indicators) { indicator in
                               .tr(.td(.text(context.t(indicator.name))),
                                   .td(.class("num"), .text("\(indicator.score) / \(indicator.maximum)")),
                                   .td(.text(context.t(indicator.explanation))))
                           }
                       )
                   }))
        )
    }

    /// One met / not met choice per clause a reviewer must decide, for the eligibility review form.
    static func findingInputs(_ context: PageContext, findings: [PendingFinding]) -> Node<HTML.FormContext> {
        guard !findings.isEmpty else { return .empty }
        return .fieldset(
            .class("findings"),
            .element(named: "legend", text: context.t(Strings.Evaluation.findingsLegend)),
            .forEach(findings) { finding in
                .div(.class("finding"),
                     .p(.strong(.text(context.t(finding.label))), .br(), .small(.class("muted"), .text(context.t(finding.explanation)))),
                     .label(.class("check"), .input(.type(.radio), .name("finding.\(finding.key)"), .value("met"), .checked(finding.settled == true)),
                            .text(" " + context.t(Strings.Evaluation.met))),
                     .label(.class("check"), .input(.type(.radio), .name("finding.\(finding.key)"), .value("notMet"), .checked(finding.settled == false)),
                            .text(" " + context.t(Strings.Evaluation.notMet))))
            }
        )
    }
}
