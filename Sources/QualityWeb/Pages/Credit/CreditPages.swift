import Foundation
import Plot
import QualityRules

enum CreditPages {
    // MARK: Query

    static func search(context: PageContext, query: String, matches: [CreditService.Match], error: AppError?) -> String {
        Layout.page(
            context, title: Strings.Credit.queryTitle,
            .p(.class("lead"), .text(context.t(Strings.Credit.queryIntro))),
            searchForm(context, query: query),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .if(!query.isEmpty && error == nil, matches.isEmpty
                ? .p(.id("no-match"), .text(context.t(Strings.Credit.noMatch)))
                : .table(.class("list"), .id("matches"),
                         .thead(.tr(.th(.text(context.t(Strings.Form.enterpriseName))), .th(.text(context.t(Strings.Form.creditCode))),
                                    .th(.text(context.t(Strings.Form.district))), .th(.text(context.t(Strings.Credit.grade))))),
                         .tbody(.forEach(matches) { match in
                             .tr(.td(.a(.href(attr(SiteURL.creditFile(.value(match.creditCode)).path)), .text(match.name))),
                                 .td(.code(.text(match.creditCode))), .td(.text(match.district)),
                                 .td(.unwrap(match.grade) { gradeBadge(context, $0) }))
                         }))),
            rules(context)
        )
    }

    /// How the grade is worked out, rule by rule, with the clause or the reasoning (docs/credit-grade.md).
    static func rules(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(.id("rules"),
            .h2(.text(context.t(Strings.Credit.howGraded))),
            .p(.class("muted"), .text(context.t(Strings.Credit.gradeBasis)), .text(" "),
               .a(.href(attr(SiteURL.policy(.value("sz-quality-city-2010")).path)), .text(CreditRules.basis.document + " " + context.t(CreditRules.basis.clause)))),
            .table(.class("list"),
                   .thead(.tr(.th(.text(context.t(Strings.Credit.grade))), .th(.text(context.t(Strings.Credit.rule))),
                              .th(.text(context.t(Strings.Credit.ruleBasis))))),
                   .tbody(.forEach(CreditRules.all) { rule in
                       .tr(.td(gradeBadge(context, rule.grade)), .td(.text(context.t(rule.label))),
                           .td(.unwrap(rule.citation) { citation in
                                   .group(.strong(.text("\(citation.document) \(context.t(citation.clause))")), .text("：“\(citation.text)”"))
                               },
                               .unwrap(rule.reasoning) { .p(.class("muted"), .text(context.t($0))) }))
                   })),
            .p(.class("muted"), .text(context.t(Strings.Credit.rulesVersion(CreditRules.version)))))
    }

    static func searchForm(_ context: PageContext, query: String) -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(attr(SiteURL.credit.path)), .class("search"), .attribute(named: "role", value: "search"),
              .label(.for("credit-q"), .class("visually-hidden"), .text(context.t(Strings.Credit.queryLabel))),
              .input(.type(.search), .id("credit-q"), .name("q"), .value(attr(query)), .placeholder(attr(context.t(Strings.Credit.queryPlaceholder)))),
              .button(.type(.submit), .text(context.t(Strings.Credit.search))))
    }

    static func gradeBadge(_ context: PageContext, _ grade: CreditGrade) -> Node<HTML.BodyContext> {
        .span(.class("grade grade-\(grade.letter)"), .attribute(named: "title", value: attr(context.t(grade.label))), .text(grade.letter))
    }

    // MARK: The file

    static func file(context: PageContext, file: CreditFile, failed: AppError?, inputs: [String: String], done: Bool) -> String {
        let full = file.audience != .everyone
        return Layout.page(
            context, title: LocalizedText(zh: "\(file.name) · 质量诚信档案", en: "\(file.name) · quality credit file"),
            .if(done, .div(.class("notice ok"), .attribute(named: "role", value: "status"), .text(context.t(Strings.Credit.recorded)))),
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Form.creditCode))), .dd(.code(.text(file.creditCode))),
                .dt(.text(context.t(Strings.Form.district))), .dd(.text("\(file.city) \(file.district)")),
                .unwrap(file.contact) { contact in .group(.dt(.text(context.t(Strings.Credit.contact))), .dd(.text(contact))) }),
            gradeSection(context, file: file),
            .if(full && !file.bars.isEmpty, .section(.id("bars"),
                .h2(.text(context.t(Strings.Credit.barsTitle))),
                .p(.class("muted"), .text(context.t(Strings.Credit.barsIntro))),
                .ul(.forEach(file.bars) { bar in .li(.strong(.text(context.t(bar.programme) + "：")), .text(context.t(bar.explanation))) }))),
            .section(.id("timeline"),
                .h2(.text(context.t(full ? Strings.Credit.timeline : Strings.Credit.publicTimeline))),
                .if(!full, .p(.class("muted"), .text(context.t(Strings.Credit.publicNote)))),
                file.entries.isEmpty ? .p(.class("muted"), .text(context.t(Strings.Credit.emptyTimeline))) : .ol(
                    .class("timeline"),
                    .forEach(file.entries) { entry in
                        .li(.class("entry \(entry.kind.rawValue)" + (entry.adverse ? " adverse" : "")),
                            .element(named: "time", nodes: [.attribute(named: "datetime", value: attr(entry.date.iso)), .text(entry.date.iso)]),
                            .span(.class("kind"), .text(context.t(Strings.Credit.kind(entry.kind)))),
                            .strong(.text(context.t(entry.title))),
                            .unwrap(entry.reference) { .span(.class("muted"), .text(" · \($0)")) },
                            .unwrap(entry.detail) { .p(.class("detail"), .text(context.t($0))) },
                            .if(full, .p(.class("source muted"),
                                         .text(context.t(Strings.Credit.source(entry.source)) + (entry.isPublic ? " · " + context.t(Strings.Credit.isPublic) : "")),
                                         .unwrap(entry.recorder) { .text(" · " + $0) })),
                            .unwrap(entry.privateNote) { .p(.class("private-note"), .text(context.t(Strings.Credit.privateNote) + "：" + $0)) })
                    })),
            .if(file.mayRecord, recordForm(context, file: file, failed: failed, inputs: inputs)),
            .p(.class("no-print"), .a(.href(attr(SiteURL.credit.path)), .text(context.t(Strings.Credit.backToQuery))))
        )
    }

    static func gradeSection(_ context: PageContext, file: CreditFile) -> Node<HTML.BodyContext> {
        guard let assessment = file.assessment else {
            return .section(.id("grade"), .h2(.text(context.t(Strings.Credit.grade))), .p(.text(context.t(Strings.Credit.noGrade))))
        }
        let full = file.audience != .everyone
        let deciding = assessment.findings.filter { $0.grade == assessment.grade }
        return .section(
            .id("grade"), .class("grade-box grade-\(assessment.grade.letter)"),
            .h2(.text(context.t(Strings.Credit.grade))),
            .p(.class("grade-line"), gradeBadge(context, assessment.grade), .strong(.text(" " + context.t(assessment.grade.label)))),
            .p(.text(context.t(Strings.Credit.supervision) + "：" + context.t(assessment.grade.supervision))),
            .ul(.class("findings"), .forEach(full ? assessment.findings : deciding) { finding in
                .li(.text(context.t(finding.rule.label)),
                    .unwrap(finding.rule.citation) { citation in
                        .span(.class("muted"), .text("（\(citation.document) \(context.t(citation.clause))）"))
                    },
                    .if(full, .ul(.forEach(finding.records) { .li(.class("muted"), .text(context.t($0))) })))
            }),
            .p(.class("muted"), .text(context.t(Strings.Credit.gradedOn(assessment.on, window: assessment.window, version: assessment.rulesVersion))),
               .text(" "), .a(.href(attr(SiteURL.credit.path + "#rules")), .text(context.t(Strings.Credit.howGraded))))
        )
    }

    /// The line an application page shows: the applicant's credit grade on the same facts, with a link.
    static func onApplication(_ context: PageContext, creditCode: String, assessment: CreditAssessment?) -> Node<HTML.BodyContext> {
        .unwrap(assessment) { assessment in
            .section(.id("credit"), .class("no-print"),
                     .h2(.text(context.t(Strings.Credit.onApplication))),
                     .p(gradeBadge(context, assessment.grade), .text(" " + context.t(assessment.summary) + " "),
                        .a(.href(attr(SiteURL.creditFile(.value(creditCode)).path)), .text(context.t(Strings.Credit.openFile)))))
        }
    }

    static func recordForm(_ context: PageContext, file: CreditFile, failed: AppError?, inputs: [String: String]) -> Node<HTML.BodyContext> {
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(failed?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        func choice<E: CaseIterable & RawRepresentable & Labelled>(_ name: String, _ label: LocalizedText, _ values: [E], default fallback: E) -> Node<HTML.FormContext>
            where E.RawValue == String {
            let chosen = inputs[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback.rawValue
            return .group(.label(.for("record-\(name)"), .text(context.t(label))),
                          .select(.id("record-\(name)"), .attribute(named: "name", value: attr(name)),
                                  .group(values.map { value in
                                      .option(.value(attr(value.rawValue)), .label(attr(context.t(value.label))), .isSelected(chosen == value.rawValue))
                                  })),
                          problem(name))
        }
        let defaultLevel: AdministrativeLevel = context.user?.role == .districtOfficer ? .district : .municipal
        let isPublic = inputs.isEmpty ? true : (inputs["isPublic"] == "on" || inputs["isPublic"] == "true")
        return .section(
            .id("record"), .class("no-print"),
            .h2(.text(context.t(Strings.Credit.recordTitle))),
            .p(.class("muted"), .text(context.t(Strings.Credit.recordIntro))),
            .unwrap(failed) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(.method(.post), .action(attr(SiteURL.creditRecords(.value(file.creditCode)).path)), .class("stacked narrow"), .id("record-form"),
                  Forms.csrf(context),
                  choice("kind", Strings.Credit.recordKind, EventKind.allCases, default: .penalty),
                  .label(.for("record-occurredOn"), .text(context.t(Strings.Credit.occurredOn))),
                  .input(.type(.date), .id("record-occurredOn"), .name("occurredOn"), .value(attr(inputs["occurredOn"] ?? context.today.iso))),
                  problem("occurredOn"),
                  choice("area", Strings.Credit.area, EventArea.allCases, default: .quality),
                  choice("severity", Strings.Credit.severity, Severity.allCases, default: .general),
                  choice("outcome", Strings.Credit.outcome, EventOutcome.allCases, default: .decided),
                  .small(.class("muted"), .text(context.t(Strings.Credit.outcomeHint))),
                  choice("level", Strings.Credit.level, AdministrativeLevel.allCases, default: defaultLevel),
                  .label(.for("record-reference"), .text(context.t(Strings.Credit.reference))),
                  .input(.type(.text), .id("record-reference"), .name("reference"), .value(attr(inputs["reference"] ?? ""))),
                  problem("reference"),
                  .label(.for("record-summary"), .text(context.t(Strings.Credit.summary))),
                  .textarea(.id("record-summary"), .name("summary"), .attribute(named: "rows", value: "3"), .text(inputs["summary"] ?? "")),
                  problem("summary"),
                  .label(.for("record-privateNote"), .text(context.t(Strings.Credit.privateNote))),
                  .textarea(.id("record-privateNote"), .name("privateNote"), .attribute(named: "rows", value: "2"), .text(inputs["privateNote"] ?? "")),
                  problem("privateNote"),
                  .label(.class("check"), .input(.type(.checkbox), .name("isPublic"), .value("on"), .checked(isPublic)),
                         .text(" " + context.t(Strings.Credit.makePublic))),
                  .button(.type(.submit), .text(context.t(Strings.Credit.recordSubmit))))
        )
    }
}
