import Foundation
import Plot
import QualityRules

/// Every policy with its status and programmes, and a search over titles, summaries and clauses.
enum PolicyLibraryPage {
    static func render(context: PageContext, entries: [PolicyLibrary.Entry], query: String, hits: [PolicyLibrary.Hit]) -> String {
        Layout.page(
            context, title: Strings.Portal.libraryTitle,
            .p(.class("lead"), .text(context.t(Strings.Portal.libraryIntro))),
            searchForm(context, query: query),
            .if(!query.trimmingCharacters(in: .whitespaces).isEmpty, .section(
                .id("results"),
                .h2(.text(context.t(Strings.Portal.results(query, count: hits.count)))),
                hits.isEmpty ? .p(.text(context.t(Strings.Portal.noResults))) : .group(hits.map { hit in
                    .article(.class("card"),
                        .h3(.a(.href(attr(SiteURL.policy(.value(hit.entry.policy.id)).path)), .text(context.t(hit.entry.policy.title)))),
                        .p(.class("meta"), .text(hit.entry.policy.citationLabel)),
                        .if(!hit.programmes.isEmpty, .ul(.forEach(hit.programmes) { programme in
                            .li(.a(.href(attr(SiteURL.policy(.value(hit.entry.policy.id)).path + "#\(programme.id)")), .text(context.t(programme.title))),
                                .text("：" + context.t(programme.summary)))
                        })),
                        .if(!hit.clauses.isEmpty, .ul(.class("clauses"), .forEach(hit.clauses.prefix(8)) { clause in
                            .li(.strong(.text(context.t(clause.clause) + " ")), .text(clause.text))
                        })))
                })
            )),
            .section(
                .id("policies"),
                .h2(.text(context.t(Strings.Portal.allPolicies))),
                .group(entries.map { entry in
                    .article(.class("card policy"), .id("policy-\(entry.policy.id)"),
                        .h3(.a(.href(attr(SiteURL.policy(.value(entry.policy.id)).path)), .text(context.t(entry.policy.title)))),
                        .p(.class("meta"),
                           .text(entry.policy.citationLabel + " · " + context.t(entry.policy.issuer) + " · "),
                           .span(.class("badge status-\(entry.status.rawValue)"), .text(context.t(entry.status.label)))),
                        .if(!entry.policy.programmes.isEmpty, .ul(.forEach(entry.policy.programmes) { programme in
                            .li(.a(.href(attr(SiteURL.policy(.value(entry.policy.id)).path + "#\(programme.id)")), .text(context.t(programme.title))))
                        })),
                        .if(!entry.policy.indicators.isEmpty, .p(.a(.href(attr(SiteURL.targets.path)),
                                                                     .text(context.t(Strings.Portal.indicatorsLink(entry.policy.indicators.count)))))),
                        .p(.class("muted"), .text(context.t(Strings.Portal.clauseCount(entry.clauses.count)))))
                })
            ),
            .p(.a(.class("button"), .href(attr(SiteURL.calculator.path)), .text(context.t(Strings.Portal.tryCalculator))))
        )
    }

    static func searchForm(_ context: PageContext, query: String) -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(attr(SiteURL.policies.path)), .class("search"), .attribute(named: "role", value: "search"),
              .label(.for("policy-q"), .class("visually-hidden"), .text(context.t(Strings.Portal.searchLabel))),
              .input(.type(.search), .id("policy-q"), .name("q"), .value(attr(query)), .placeholder(attr(context.t(Strings.Portal.searchPlaceholder)))),
              .button(.type(.submit), .text(context.t(Strings.Credit.search))))
    }
}

/// One policy: its facts, each programme (who qualifies and how much, in plain words, then the rules with
/// their clauses) and every clause the platform reads, quoted.
enum PolicyPage {
    static func render(context: PageContext, entry: PolicyLibrary.Entry) -> String {
        let policy = entry.policy
        return Layout.page(
            context, title: policy.title,
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Portal.documentNumber))), .dd(.text(policy.documentNumber ?? context.t(Strings.Portal.noNumber))),
                .dt(.text(context.t(Strings.Portal.issuer))), .dd(.text(context.t(policy.issuer))),
                .unwrap(policy.issuedOn) { day in .group(.dt(.text(context.t(Strings.Portal.issuedOn))), .dd(.text(day.iso))) },
                .dt(.text(context.t(Strings.Portal.inForce))),
                .dd(.span(.class("badge status-\(entry.status.rawValue)"), .text(context.t(entry.status.label))),
                    .text(" " + (policy.inForce.map { "\($0.start.iso) – \($0.end?.iso ?? context.t(Strings.Portal.openEnded))" } ?? ""))),
                .dt(.text(context.t(Strings.Portal.version))), .dd(.code(.text("\(policy.version) · \(policy.source.contentHash)")))),
            .unwrap(policy.notes) { .p(.class("muted"), .text(context.t($0))) },
            .if(!policy.programmes.isEmpty, .section(
                .id("programmes"),
                .h2(.text(context.t(Strings.Portal.programmes))),
                .group(policy.programmes.map { programme(context, $0) }))),
            .if(!policy.indicators.isEmpty, .section(
                .id("indicators"),
                .h2(.text(context.t(Strings.Portal.indicators))),
                .ul(.forEach(policy.indicators) { indicator in
                    .li(.text("\(context.t(indicator.name))：\(indicator.direction.symbol) \(indicator.target) \(context.t(indicator.unit))"
                              + (indicator.targetYear.map { "（\($0)）" } ?? "")))
                }),
                .p(.a(.href(attr(SiteURL.targets.path)), .text(context.t(Strings.Targets.title)))))),
            .section(
                .id("clauses"),
                .h2(.text(context.t(Strings.Portal.clauses))),
                .ol(.class("clauses"), .forEach(entry.clauses) { clause in
                    .li(.strong(.text(context.t(clause.clause))),
                        .element(named: "blockquote", nodes: [.text(clause.text)]),
                        .p(.class("muted"), .text(context.t(Strings.Portal.usedFor) + "：" + clause.uses.map { context.t($0) }
                            .joined(separator: context.language == .zh ? "；" : "; "))))
                })),
            .p(.class("no-print"), .a(.href(attr(SiteURL.policies.path)), .text(context.t(Strings.Portal.backToLibrary))))
        )
    }

    static func programme(_ context: PageContext, _ programme: Programme) -> Node<HTML.BodyContext> {
        .article(
            .class("card programme"), .id(programme.id),
            .h3(.text(context.t(programme.title))),
            .p(.class("meta"), .text(context.t(Strings.Portal.kind(programme.kind)))
               , .unwrap(programme.annualQuota) { .text(" · " + context.t(Strings.Calls.quotaValue($0.perYear))) }
               , .unwrap(programme.titleValidityYears) { .text(" · " + context.t(Strings.Portal.validity($0))) }),
            .p(.class("summary"), .text(context.t(programme.summary))),
            .if(!programme.conditions.isEmpty, .group(
                .h4(.text(context.t(Strings.Portal.conditions))),
                .ul(.forEach(programme.conditions) { rule in
                    .li(.text(context.t(rule.label)), .span(.class("muted"), .text("（\(context.t(rule.citation.clause))）")))
                }))),
            .if(!programme.exclusions.isEmpty, .group(
                .h4(.text(context.t(Strings.Portal.exclusions))),
                .ul(.forEach(programme.exclusions) { rule in
                    .li(.text(context.t(rule.label)), .span(.class("muted"), .text("（\(context.t(rule.citation.clause))）")))
                }))),
            .unwrap(programme.award) { award in
                .if(!award.benefits.isEmpty, .group(
                    .h4(.text(context.t(Strings.Portal.benefits))),
                    .ul(.forEach(award.benefits) { .li(.text(context.t($0))) })))
            },
            .if(!programme.materials.isEmpty, .group(
                .h4(.text(context.t(Strings.Calls.materials))),
                .ol(.forEach(programme.materials) { .li(.text(context.t($0.name))) })))
        )
    }
}
