import Foundation
import Plot
import QualityRules

/// The policy calculator: a few answers, then every programme with whether it fits and why.
enum CalculatorPage {
    static func render(context: PageContext, input: PolicyCalculator.Input, error: AppError?,
                       answers: [PolicyCalculator.Answer]?, mine: String?) -> String {
        Layout.page(
            context, title: Strings.Portal.calculatorTitle,
            .p(.class("lead"), .text(context.t(Strings.Portal.calculatorIntro))),
            .if(context.user?.role == .enterprise, .p(.class("no-print"),
                .a(.class("button secondary"), .href(attr(SiteURL.calculator.path + "?mine=1")), .text(context.t(Strings.Portal.useMyFacts))))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .unwrap(answers) { results(context, answers: $0, mine: mine) },
            form(context, input: input, error: error)
        )
    }

    static func form(_ context: PageContext, input: PolicyCalculator.Input, error: AppError?) -> Node<HTML.BodyContext> {
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        func check(_ name: String, _ label: LocalizedText, _ on: Bool) -> Node<HTML.FormContext> {
            .label(.class("check"), .input(.type(.checkbox), .name(name), .value("on"), .checked(on)), .text(" " + context.t(label)))
        }
        return .form(
            .method(.get), .action(attr(SiteURL.calculator.path)), .class("stacked calculator"), .id("calculator-form"),
            .fieldset(
                .element(named: "legend", nodes: [.text(context.t(Strings.Portal.aboutEnterprise))]),
                .label(.for("division"), .text(context.t(Strings.Portal.region))),
                .select(.id("division"), .attribute(named: "name", value: "division"),
                        .option(.value(""), .label("—")),
                        .group(Regions.cities.map { city in
                            .element(named: "optgroup", nodes: [
                                .attribute(named: "label", value: attr(context.language == .zh ? city.name : city.english)),
                                .group(city.districts.map { district in
                                    .option(.value(attr(district.divisionCode)), .label(attr(district.name)), .isSelected(input.division == district.divisionCode))
                                }),
                            ])
                        }),
                        .option(.value(attr(PolicyCalculator.otherRegion)), .label(attr(context.t(Strings.Portal.otherRegion))),
                                .isSelected(input.division == PolicyCalculator.otherRegion))),
                problem("division"),
                .label(.for("years"), .text(context.t(Strings.Portal.years))),
                .input(.type(.number), .id("years"), .name("years"), .value(attr(input.years)), .attribute(named: "min", value: "0"),
                       .attribute(named: "max", value: "200"), .attribute(named: "inputmode", value: "numeric")),
                problem("years"),
                .label(.for("legalForm"), .text(context.t(Strings.Portal.legalForm))),
                .select(.id("legalForm"), .attribute(named: "name", value: "legalForm"),
                        .group(LegalForm.allCases.map { form in
                            .option(.value(attr(form.rawValue)), .label(attr(context.t(form.label))), .isSelected(input.legalForm == form.rawValue))
                        })),
                problem("legalForm"),
                .label(.for("industry"), .text(context.t(Strings.Portal.industry))),
                .select(.id("industry"), .attribute(named: "name", value: "industry"),
                        .group(PolicyCalculator.industries.map { industry in
                            .option(.value(attr(industry.code)), .label(attr("\(industry.code) " + context.t(industry.label))), .isSelected(input.industry == industry.code))
                        })),
                problem("industry"),
                .label(.for("taxWan"), .text(context.t(Strings.Portal.tax))),
                .input(.type(.text), .id("taxWan"), .name("taxWan"), .value(attr(input.taxWan)), .attribute(named: "inputmode", value: "decimal")),
                problem("taxWan"),
                check("cqo", Strings.Portal.cqo, input.cqo),
                check("cqoTrained", Strings.Portal.cqoTrained, input.cqoTrained)
            ),
            .fieldset(
                .element(named: "legend", nodes: [.text(context.t(Strings.Portal.certificationsLegend))]),
                .div(.class("checks"), .group(PolicyCalculator.certificationChoices.map { type in
                    .label(.class("check"), .input(.type(.checkbox), .name("certifications[]"), .value(attr(type.rawValue)),
                                                   .checked(input.certifications.contains(type.rawValue))),
                           .text(" " + context.t(type.label)))
                }))
            ),
            .fieldset(
                .element(named: "legend", nodes: [.text(context.t(Strings.Portal.awardsLegend))]),
                .div(.class("checks"), .group(PolicyCalculator.awardChoices.map { kind in
                    .label(.class("check"), .input(.type(.checkbox), .name("awards[]"), .value(attr(kind.rawValue)),
                                                   .checked(input.awards.contains(kind.rawValue))),
                           .text(" " + context.t(kind.label)))
                }))
            ),
            .fieldset(
                .element(named: "legend", nodes: [.text(context.t(Strings.Portal.recordLegend))]),
                check("penalty", Strings.Portal.penalty, input.penalty),
                check("majorAccident", Strings.Portal.majorAccident, input.majorAccident),
                check("majorComplaint", Strings.Portal.majorComplaint, input.majorComplaint),
                check("failedSpotCheck", Strings.Portal.failedSpotCheck, input.failedSpotCheck)
            ),
            .label(.for("on"), .text(context.t(Strings.Portal.asOf))),
            .input(.type(.date), .id("on"), .name("on"), .value(attr(input.on))),
            problem("on"),
            .button(.type(.submit), .text(context.t(Strings.Portal.calculate)))
        )
    }

    static func results(_ context: PageContext, answers: [PolicyCalculator.Answer], mine: String?) -> Node<HTML.BodyContext> {
        let groups: [(PolicyCalculator.Fit, LocalizedText)] = [
            (.fits, Strings.Portal.fits), (.maybe, Strings.Portal.maybe), (.doesNotFit, Strings.Portal.doesNotFit),
            (.notInForce, Strings.Portal.notInForce),
        ]
        return .section(
            .id("results"),
            .h2(.text(context.t(Strings.Portal.resultsTitle))),
            .unwrap(mine) { .p(.text(context.t(Strings.Portal.mineNote(name: $0)))) },
            .p(.class("muted"), .text(context.t(Strings.Portal.calculatorDisclaimer))),
            .group(groups.map { fit, title in
                let rows = answers.filter { $0.fit == fit }
                return .if(!rows.isEmpty, .group(
                    .h3(.id("fit-\(fit.rawValue)"), .text(context.t(title) + "（\(rows.count)）")),
                    fit == .notInForce
                        ? .ul(.class("compact"), .forEach(rows) { answer in
                            .li(.text(context.t(answer.programme.title)), .span(.class("muted"), .text(" · " + context.t(answer.evaluation.summary))))
                        })
                        : .group(rows.map { answer(context, $0) })))
            })
        )
    }

    static func answer(_ context: PageContext, _ answer: PolicyCalculator.Answer) -> Node<HTML.BodyContext> {
        .article(
            .class("card answer fit-\(answer.fit.rawValue)"), .id("answer-\(answer.programme.id)"),
            .h4(.a(.href(attr(SiteURL.policy(.value(answer.policy.id)).path + "#\(answer.programme.id)")), .text(context.t(answer.programme.title)))),
            .p(.span(.class("badge verdict-\(answer.evaluation.verdict.rawValue)"), .text(context.t(answer.evaluation.verdict.label))),
               .text(" " + context.t(answer.evaluation.summary))),
            .p(.class("muted"), .text(context.t(answer.programme.summary))),
            .if(!answer.failed.isEmpty, .ul(.class("why notMet"), .forEach(answer.failed) { .li(.text("✗ " + context.t($0.explanation))) })),
            .if(!answer.open.isEmpty, .ul(.class("why needsFinding"), .forEach(answer.open) { .li(.text("? " + context.t($0.explanation))) })),
            .if(!answer.met.isEmpty, .details(
                .summary(.text(context.t(Strings.Portal.metRules(answer.met.count)))),
                .ul(.class("why met"), .forEach(answer.met) { .li(.text("✓ " + context.t($0.explanation))) })))
        )
    }
}
