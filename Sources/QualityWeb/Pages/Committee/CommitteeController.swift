import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The committee's ranked list: aggregate scores, divergent panels flagged, the quota line, the tie-breaks
/// spelled out, and the one button that approves the list.
enum CommitteeController {
    static func register(on app: Application) {
        app.on(.GET, .committee, as: CommitteeMember.self, use: list)
        app.on(.GET, .committeeCall(.key), as: CommitteeMember.self, use: show)
        app.on(.POST, .committeeApprove(.key), as: CommitteeMember.self, use: approve)
    }

    @Sendable
    static func list(request: Request, member: CommitteeMember) async throws -> HTMLPage {
        let calls = try await Call.query(on: request.db).filter(\.$stage ~~ [.committee, .notice, .final]).sort(\.$year, .descending).all()
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.Committee.title,
            calls.isEmpty ? .p(.text(context.t(Strings.Committee.none))) : .ul(.id("committee-calls"), .forEach(calls) { call in
                .li(.a(.href(attr(SiteURL.committeeCall(.value(call.id!)).path)), .text(context.t(call.title))),
                    .text(" · " + context.t(Strings.Calls.stage(call.stage))))
            })
        ))
    }

    @Sendable
    static func show(request: Request, member: CommitteeMember) async throws -> HTMLPage {
        let ranking = try await request.committee.ranking(callID: try request.uuidParameter("callID"))
        return HTMLPage(html: render(PageContext(request: request), ranking: ranking, canApprove: true, error: nil))
    }

    @Sendable
    static func approve(request: Request, member: CommitteeMember) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        do {
            _ = try await request.committee.approve(member, callID: callID)
            return request.redirect(to: SiteURL.committeeCall(.value(callID)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            let ranking = try await request.committee.ranking(callID: callID)
            return try await HTMLPage(html: render(PageContext(request: request), ranking: ranking, canApprove: true, error: error),
                                      status: error.status).encodeResponse(for: request)
        }
    }

    static func render(_ context: PageContext, ranking: CommitteeService.Ranking, canApprove: Bool, error: AppError?) -> String {
        let call = ranking.call
        let line = ranking.capacity
        return Layout.page(
            context, title: call.title,
            .p(.text(context.t(Strings.Calls.stage) + "：" + context.t(Strings.Calls.stage(call.stage)) + " · " +
                     context.t(Strings.Committee.capacity(ranking.capacity, approved: ranking.approved)))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .p(.class("muted small"), .id("tie-rule"), .text(context.t(Strings.Committee.tieRule))),
            rankingTable(context, ranking: ranking, line: line),
            .if(canApprove && call.stage == .committee, .form(
                .method(.post), .action(attr(SiteURL.committeeApprove(.value(call.id!)).path)), .id("approve-form"),
                Forms.csrf(context),
                .button(.type(.submit), .text(context.t(Strings.Committee.approve)))))
        )
    }

    static func rankingTable(_ context: PageContext, ranking: CommitteeService.Ranking, line: Int) -> Node<HTML.BodyContext> {
        // The quota line falls after the `line`-th application still in the running.
        var inRunning = 0
        let rows: [Node<HTML.TableContext>] = ranking.rows.map { row in
            let counts = row.stage != .disqualified
            if counts { inRunning += 1 }
            let classes = [row.divergent ? "divergent" : nil, counts && inRunning == line ? "quota-line" : nil,
                           row.stage == .disqualified ? "struck" : nil].compactMap { $0 }.joined(separator: " ")
            return .tr(
                .class(classes),
                .td(.class("num"), .text(String(row.rank))),
                .td(.a(.href(attr(SiteURL.application(.value(row.applicationID)).path)), .text(row.enterpriseName)), .br(),
                    .small(.class("muted"), .text(row.district))),
                .td(.class("num"), .strong(.text(Points(hundredths: row.aggregate).description))),
                .td(.class("num"), .text(row.totals.map { Points(hundredths: $0).description }.joined(separator: " / ")),
                    .if(row.divergent, .span(.class("flag"), .text(" ⚠ " + context.t(Strings.Committee.divergent))))),
                .td(.class("num"), .text(row.objective.map { Points(hundredths: $0).description } ?? "—")),
                .td(.text(context.t(Strings.Stages.name(row.stage))),
                    .unwrap(row.tieBrokenBy) { .small(.class("muted"), .text("（" + context.t($0) + "）")) })
            )
        }
        return .table(
            .class("list ranking"), .id("ranking"),
            .thead(.tr(.th(.text(context.t(Strings.Committee.rank))), .th(.text(context.t(Strings.Form.enterpriseName))),
                       .th(.text(context.t(Strings.Committee.aggregate))), .th(.text(context.t(Strings.Committee.experts))),
                       .th(.text(context.t(Strings.Reviews.objective))), .th(.text(context.t(Strings.Calls.stage))))),
            .tbody(.group(rows)),
            .tfoot(.tr(.td(.attribute(named: "colspan", value: "6"), .class("muted"),
                           .text("— " + context.t(Strings.Committee.quotaLine) + "：\(line) —"))))
        )
    }
}
