import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The latest run's figures, programme by programme.
enum MatchingPage {
    struct Model {
        var run: MatchRun?
        var summary: MatchSummary?
        var canRun: Bool
        var titles: [String: LocalizedText]
        var today: CalendarDate
        var error: LocalizedText?
    }

    static func render(_ context: PageContext, _ model: Model) -> String {
        Layout.page(
            context, title: Strings.Matching.title,
            .p(.class("muted"), .text(context.t(Strings.Matching.intro))),
            .unwrap(model.error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(context.t($0))) },
            .if(model.canRun, .form(
                .method(.post), .action(attr(SiteURL.matchingRun.path)), .class("filters no-print"), .id("run-matching"),
                Forms.csrf(context),
                .label(.for("on"), .text(context.t(Strings.Matching.onDate))),
                .input(.type(.date), .id("on"), .name("on"), .value(attr(model.today.iso))),
                .button(.type(.submit), .text(context.t(Strings.Matching.runNow))))),
            .unwrap(model.run, { run in
                .group(
                    .p(.id("last-run"), .text(context.t(Strings.Matching.lastRun(
                        run.onDate, run.enterpriseCount, Formatting.dateTime(run.finishedAt),
                        String(format: "%.0f ms", model.summary?.matchMilliseconds ?? 0))))),
                    .unwrap(model.summary) { table(context, $0, titles: model.titles) })
            }, else: .p(.text(context.t(Strings.Matching.noRun))))
        )
    }

    static func table(_ context: PageContext, _ summary: MatchSummary, titles: [String: LocalizedText]) -> Node<HTML.BodyContext> {
        .table(
            .class("list"), .id("match-summary"),
            .thead(.tr(.th(.text(context.t(Strings.Matching.programme))), .th(.text(context.t(Strings.Matching.eligible))),
                       .th(.text(context.t(Strings.Matching.pending))), .th(.text(context.t(Strings.Matching.notEligible))),
                       .th(.text(context.t(Strings.Matching.award))), .th(.text(context.t(Strings.Matching.candidates))))),
            .tbody(.forEach(summary.programmes) { p in
                .tr(
                    .td(.text(context.t(titles[p.id] ?? T(zh: p.id, en: p.id))), .br(), .code(.text(p.id))),
                    .td(.text("\(p.eligible)")), .td(.text("\(p.needsFindings)")), .td(.text("\(p.notEligible)")),
                    .td(.text(p.hasEvidence ? Money(fen: p.eligibleAwardFen + p.pendingAwardFen).formatted(context.language) : "—")),
                    .td(!p.inForce ? .span(.class("muted"), .text(context.t(Strings.Matching.notInForce)))
                        : p.hasEvidence ? .a(.href(attr(SiteURL.matchingProgramme(.value(p.id)).path)),
                                             .text("\(p.candidatesStored) · \(context.t(Strings.Matching.view))"))
                        : .span(.class("muted"), .text(context.t(Strings.Matching.noEvidence))))
                )
            })
        )
    }
}

/// One programme's candidates, filtered, a hundred at a time.
enum CandidatesPage {
    struct Model {
        var programmeID: String
        var title: LocalizedText
        var run: MatchRun
        var filter: MatchService.CandidateFilter
        var rows: [MatchCandidate]
        var total: Int
        var page: Int
        var districts: [String]
        var hasRubric: Bool
        var query: String
    }

    static func render(_ context: PageContext, _ model: Model) -> String {
        let exportQuery = model.query.isEmpty ? "" : "?" + model.query
        return Layout.page(
            context, title: model.title,
            .p(.class("muted"), .text(context.t(Strings.Matching.runDay) + " " + model.run.onDate)),
            .form(.method(.get), .class("filters no-print"), .id("candidate-filters"),
                  .select(.attribute(named: "name", value: "verdict"), .attribute(named: "aria-label", value: attr(context.t(Strings.Matching.verdict))),
                          .option(.value(""), .label(attr(context.t(Strings.Matching.allVerdicts)))),
                          .forEach([Verdict.eligible, .needsReviewerFindings]) { verdict in
                              .option(.value(verdict.rawValue), .isSelected(model.filter.verdict == verdict),
                                      .label(attr(context.t(Strings.Verdicts.name(verdict.rawValue)))))
                          }),
                  .if(!model.districts.isEmpty, .select(
                      .attribute(named: "name", value: "district"), .attribute(named: "aria-label", value: attr(context.t(Strings.Matching.district))),
                      .option(.value(""), .label(attr(context.t(Strings.Matching.allDistricts)))),
                      .forEach(model.districts) { district in
                          .option(.value(attr(district)), .isSelected(model.filter.district == district), .label(attr(district)))
                      })),
                  .if(model.hasRubric, .input(.type(.text), .name("minScore"), .attribute(named: "size", value: "6"),
                                              .placeholder(attr(context.t(Strings.Matching.minimumScore))),
                                              .value(attr(model.filter.minimumScore.map { Points(hundredths: $0).description } ?? "")))),
                  .input(.type(.search), .name("q"), .placeholder(attr(context.t(Strings.Matching.search))), .value(attr(model.filter.search ?? ""))),
                  .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Matching.filter)))),
            .p(.class("no-print"),
               .a(.id("export-csv"), .href(attr(SiteURL.matchingExport(.value(model.programmeID), .value("csv")).path + exportQuery)),
                  .text(context.t(Strings.Matching.exportCSV))), .text(" · "),
               .a(.id("export-xlsx"), .href(attr(SiteURL.matchingExport(.value(model.programmeID), .value("xlsx")).path + exportQuery)),
                  .text(context.t(Strings.Matching.exportXLSX)))),
            .p(.id("shown"), .text(context.t(Strings.Matching.shown(model.rows.count, model.total)))),
            model.rows.isEmpty ? .p(.text(context.t(Strings.Matching.noCandidates))) : .table(
                .class("list"), .id("candidates"),
                .thead(.tr(.th(.text(context.t(Strings.Matching.name))), .th(.text(context.t(Strings.Matching.creditCode))),
                           .th(.text(context.t(Strings.Matching.district))), .th(.text(context.t(Strings.Matching.verdict))),
                           .if(model.hasRubric, .th(.text(context.t(Strings.Matching.score)))),
                           .th(.text(context.t(Strings.Matching.award))))),
                .tbody(.forEach(model.rows) { row in
                    .tr(.td(.text(row.enterpriseName)), .td(.code(.text(row.creditCode))), .td(.text("\(row.city) \(row.district)")),
                        .td(.span(.class("verdict-\(row.verdict)"), .text(context.t(Strings.Verdicts.name(row.verdict))))),
                        .if(model.hasRubric, .td(.text(row.score.map { Points(hundredths: $0).description } ?? ""))),
                        .td(.text(row.awardFen.map { Money(fen: $0).formatted(context.language) } ?? "")))
                })),
            pager(context, model)
        )
    }

    static func pager(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        func link(_ page: Int) -> String {
            var items = URLComponents(string: "?" + model.query)?.queryItems?.filter { $0.name != "page" } ?? []
            items.append(URLQueryItem(name: "page", value: String(page)))
            var components = URLComponents()
            components.queryItems = items
            return SiteURL.matchingProgramme(.value(model.programmeID)).path + (components.string ?? "")
        }
        let last = max((model.total + 99) / 100, 1)
        return .p(.class("no-print"),
                  .if(model.page > 1, .a(.href(attr(link(model.page - 1))), .text(context.t(Strings.Matching.previous)))),
                  .text(" \(model.page) / \(last) "),
                  .if(model.page < last, .a(.href(attr(link(model.page + 1))), .text(context.t(Strings.Matching.next)))))
    }
}

/// The enterprise's side: "you may qualify for …", with the engine's explanation for each.
enum MyMatchesPage {
    struct Item {
        var title: LocalizedText
        var programmeID: String
        var evaluation: Evaluation?
        var award: Money?
    }

    @Sendable
    static func show(request: Request, viewer: EnterpriseUser) async throws -> HTMLPage {
        guard let enterprise = try await Enterprise.find(viewer.enterpriseID, on: request.db) else { throw AppError.forbidden }
        let context = PageContext(request: request)
        guard let (run, rows) = try await request.matchService.candidacies(enterprise: viewer.enterpriseID) else {
            return HTMLPage(html: Layout.page(context, title: Strings.MyMatches.title, .p(.text(context.t(Strings.MyMatches.noRun)))))
        }
        let catalog = try request.policyCatalog
        let evaluator = Evaluator(catalog: catalog)
        let facts = try? EnterpriseFacts.validate(data: Data(enterprise.factsJSON.utf8)).get()
        let day = CalendarDate(iso: run.onDate) ?? request.today
        let titles = try request.programmeTitles
        let items = rows.map { row in
            Item(title: titles[row.programmeID] ?? T(zh: row.programmeID, en: row.programmeID), programmeID: row.programmeID,
                 evaluation: facts.flatMap { try? evaluator.evaluate(programme: row.programmeID, facts: $0, on: day) },
                 award: row.awardFen.map { Money(fen: $0) })
        }
        return HTMLPage(html: render(context, run: run, items: items))
    }

    static func render(_ context: PageContext, run: MatchRun, items: [Item]) -> String {
        Layout.page(
            context, title: Strings.MyMatches.title,
            .p(.class("muted"), .text(context.t(Strings.MyMatches.intro))),
            .p(.text(context.t(Strings.MyMatches.asOf) + " " + run.onDate)),
            items.isEmpty ? .p(.id("no-matches"), .text(context.t(Strings.MyMatches.none))) : .div(
                .class("cards"), .id("matches"),
                .forEach(items) { item in
                    .article(
                        .class("card"),
                        .h3(.text(context.t(item.title))),
                        .unwrap(item.evaluation) { evaluation in
                            .group(
                                .p(.span(.class("verdict-\(evaluation.verdict.rawValue)"),
                                         .strong(.text(context.t(Strings.Verdicts.name(evaluation.verdict.rawValue))))),
                                   .text("：" + context.t(evaluation.summary))),
                                .details(.summary(.text(context.t(Strings.MyMatches.why))),
                                         .ul(.forEach(evaluation.allResults) { result in
                                             .li(.class("outcome-\(result.outcome.rawValue)"), .text(context.t(result.explanation)))
                                         }))
                            )
                        }
                    )
                })
        )
    }
}
