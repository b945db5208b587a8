import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Public notices and final lists for everyone, with a complaint form during the notice; and the city
/// bureau's side: complaints with the complainants' contacts, their outcome, backfill, the final list.
enum NoticesController {
    static func register(on app: Application) {
        app.publicCached.on(.GET, .notices, use: list)
        app.on(.GET, .notice(.key), use: show)
        app.on(.POST, .noticeComplaint(.key), use: complain)
        app.on(.GET, .adminCallNotice(.key), as: CityOfficer.self, use: manage)
        app.on(.POST, .adminComplaint(.key), as: CityOfficer.self, use: resolve)
        app.on(.POST, .adminCallBackfill(.key), as: CityOfficer.self, use: backfill)
        app.on(.POST, .adminCallFinal(.key), as: CityOfficer.self, use: publishFinal)
    }

    @Sendable
    static func list(request: Request) async throws -> HTMLPage {
        let calls = try await Call.query(on: request.db).filter(\.$stage ~~ [.notice, .final]).sort(\.$year, .descending).all()
        let context = PageContext(request: request)
        func items(_ calls: [Call]) -> Node<HTML.BodyContext> {
            calls.isEmpty ? .p(.class("muted"), .text(context.t(Strings.Notices.none))) : .ul(.forEach(calls) { call in
                .li(.a(.href(attr(SiteURL.notice(.value(call.id!)).path)), .text(context.t(call.title))),
                    .unwrap(call.noticeStartsOn.flatMap { start in call.noticeEndsOn.map { (start, $0) } }) {
                        .span(.class("muted"), .text(" · " + context.t(Strings.Notices.period($0.0, $0.1))))
                    })
            })
        }
        return HTMLPage(html: Layout.page(
            context, title: Strings.Notices.title,
            .h2(.text(context.t(Strings.Notices.current))), items(calls.filter { $0.stage == .notice }),
            .h2(.text(context.t(Strings.Notices.finalLists))), items(calls.filter { $0.stage == .final })
        ))
    }

    struct Candidate: Sendable {
        var id: UUID
        var name: String
        var creditCode: String
        var district: String
        var rank: Int?
        var stage: ApplicationStage
    }

    static func candidates(_ request: Request, callID: UUID, stages: [ApplicationStage]) async throws -> [Candidate] {
        try await CallApplication.query(on: request.db).filter(\.$call.$id == callID).filter(\.$stage ~~ stages)
            .with(\.$enterprise).sort(\.$rank).all()
            .map { Candidate(id: $0.id!, name: $0.enterprise.name, creditCode: $0.enterprise.creditCode, district: $0.district,
                             rank: $0.rank, stage: $0.stage) }
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        try await page(request, inputs: [:], error: nil, notice: (try? request.query.get(String.self, at: "done")) == nil ? nil : Strings.Notices.received)
    }

    static func page(_ request: Request, inputs: [String: String], error: AppError?, notice: LocalizedText?,
                     status: HTTPStatus = .ok) async throws -> HTMLPage {
        let callID = try request.uuidParameter("callID")
        guard let call = try await Call.find(callID, on: request.db), [.notice, .final].contains(call.stage) else {
            throw AppError.notFound(Strings.Notices.notOnNotice)
        }
        let onNotice = call.stage == .notice
        let list = try await candidates(request, callID: callID, stages: onNotice ? [.proposed] : [.selected])
        let context = PageContext(request: request)
        let accepting = onNotice && (call.noticeEndsOn.map { request.today <= $0 } ?? false)
        return HTMLPage(html: Layout.page(
            context, title: call.title,
            .unwrap(call.noticeStartsOn.flatMap { start in call.noticeEndsOn.map { (start, $0) } }) {
                .p(.id("notice-period"), .text(context.t(Strings.Notices.noticePeriod) + "：" + context.t(Strings.Notices.period($0.0, $0.1))))
            },
            .unwrap(notice) { .div(.class("notice ok"), .text(context.t($0))) },
            .h2(.text(context.t(onNotice ? Strings.Notices.candidates : Strings.Notices.finalLists))),
            .table(.class("list"), .id("candidates"),
                   .thead(.tr(.th(.text(context.t(Strings.Form.enterpriseName))), .th(.text(context.t(Strings.Form.creditCode))),
                              .th(.text(context.t(Strings.Form.district))))),
                   .tbody(.forEach(list) { candidate in
                       .tr(.td(.text(candidate.name)), .td(.code(.text(candidate.creditCode))), .td(.text(candidate.district)))
                   })),
            .if(accepting, complaintForm(context, callID: callID, candidates: list, inputs: inputs, error: error))
        ), status: status)
    }

    static func complaintForm(_ context: PageContext, callID: UUID, candidates: [Candidate], inputs: [String: String],
                              error: AppError?) -> Node<HTML.BodyContext> {
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        let options: [Node<HTML.SelectContext>] = candidates.map { candidate in
            .option(.value(attr(candidate.id.uuidString)), .isSelected(inputs["applicationID"] == candidate.id.uuidString), .label(attr(candidate.name)))
        }
        return .section(
            .h2(.text(context.t(Strings.Notices.complain))),
            .p(.class("muted"), .text(context.t(Strings.Notices.complaintIntro))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(.method(.post), .action(attr(SiteURL.noticeComplaint(.value(callID)).path)), .class("stacked narrow"), .id("complaint-form"),
                  Forms.csrf(context),
                  .label(.for("applicationID"), .text(context.t(Strings.Notices.candidate))),
                  .select(.id("applicationID"), .attribute(named: "name", value: "applicationID"),
                          .option(.value(""), .label("—")), .group(options)),
                  problem("applicationID"),
                  .label(.for("complainant"), .text(context.t(Strings.Notices.yourName))),
                  .input(.type(.text), .id("complainant"), .name("name"), .value(attr(inputs["name"] ?? ""))),
                  problem("name"),
                  .label(.for("contact"), .text(context.t(Strings.Notices.contact))),
                  .input(.type(.text), .id("contact"), .name("contact"), .value(attr(inputs["contact"] ?? ""))),
                  problem("contact"),
                  .label(.for("complaint-text"), .text(context.t(Strings.Notices.complaintText))),
                  .textarea(.id("complaint-text"), .name("text"), .attribute(named: "rows", value: "5"), .text(inputs["text"] ?? "")),
                  problem("text"),
                  .button(.type(.submit), .text(context.t(Strings.Notices.submit))))
        )
    }

    @Sendable
    static func complain(request: Request) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            _ = try await request.notices.fileComplaint(callID: callID, .init(applicationID: fields["applicationID"] ?? "", name: fields["name"] ?? "",
                                                                              contact: fields["contact"] ?? "", text: fields["text"] ?? ""))
            return request.redirect(to: SiteURL.notice(.value(callID)).path + "?done=complaint", redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await page(request, inputs: fields, error: error, notice: nil, status: error.status).encodeResponse(for: request)
        }
    }

    // MARK: The city bureau

    @Sendable
    static func manage(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await managePage(request, error: nil)
    }

    static func managePage(_ request: Request, error: AppError?, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let callID = try request.uuidParameter("callID")
        let ranking = try await request.committee.ranking(callID: callID)
        let complaints = try await Complaint.query(on: request.db).filter(\.$call.$id == callID).with(\.$application) { $0.with(\.$enterprise) }
            .sort(\.$filedAt).all()
        let context = PageContext(request: request)
        let call = ranking.call
        return HTMLPage(html: Layout.page(
            context, title: call.title,
            .unwrap(call.noticeStartsOn.flatMap { start in call.noticeEndsOn.map { (start, $0) } }) {
                .p(.text(context.t(Strings.Notices.noticePeriod) + "：" + context.t(Strings.Notices.period($0.0, $0.1))))
            },
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            CommitteeController.rankingTable(context, ranking: ranking, line: ranking.capacity),
            .h2(.text(context.t(Strings.Notices.complaints))),
            .table(.class("list"), .id("complaints"), .tbody(.forEach(complaints) { complaint in
                .tr(.td(.text(Formatting.dateTime(complaint.filedAt))),
                    .td(.text(complaint.application.enterprise.name)),
                    .td(.text("\(complaint.complainantName)（\(complaint.complainantContact)）"), .br(), .span(.class("prewrap"), .text(complaint.text))),
                    .td(complaint.status == .open ? .form(
                        .method(.post), .action(attr(SiteURL.adminComplaint(.value(complaint.id!)).path)), .class("stacked"),
                        Forms.csrf(context),
                        .textarea(.name("outcome"), .attribute(named: "rows", value: "2"), .attribute(named: "aria-label", value: attr(context.t(Strings.Notices.outcome)))),
                        .button(.type(.submit), .name("decision"), .value("substantiated"), .text(context.t(Strings.Notices.substantiated))),
                        .button(.type(.submit), .name("decision"), .value("unsubstantiated"), .class("secondary"), .text(context.t(Strings.Notices.unsubstantiated)))
                    ) : .group(.strong(.text(context.t(Strings.Notices.status(complaint.status)))), .p(.text(complaint.outcome ?? "")))))
            })),
            .if(call.stage == .notice, .div(
                .class("buttons"),
                .form(.method(.post), .action(attr(SiteURL.adminCallBackfill(.value(call.id!)).path)), .class("inline"), .id("backfill-form"),
                      Forms.csrf(context), .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Notices.backfill)))),
                .form(.method(.post), .action(attr(SiteURL.adminCallFinal(.value(call.id!)).path)), .class("inline"), .id("final-form"),
                      Forms.csrf(context), .button(.type(.submit), .text(context.t(Strings.Notices.publishFinal))))
            ))
        ), status: status)
    }

    @Sendable
    static func resolve(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("complaintID")
        guard let complaint = try await Complaint.find(id, on: request.db) else { throw AppError.notFound() }
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            try await request.notices.resolve(officer, complaintID: id, substantiated: fields["decision"] == "substantiated",
                                              outcome: fields["outcome"] ?? "")
            return request.redirect(to: SiteURL.adminCallNotice(.value(complaint.$call.id)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            request.parameters.set("callID", to: complaint.$call.id.uuidString)
            return try await managePage(request, error: error, status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func backfill(request: Request, officer: CityOfficer) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        do {
            _ = try await request.notices.backfill(officer, callID: callID)
            return request.redirect(to: SiteURL.adminCallNotice(.value(callID)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await managePage(request, error: error, status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func publishFinal(request: Request, officer: CityOfficer) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        do {
            _ = try await request.notices.publishFinal(actor: officer.user.auditActor, callID: callID)
            return request.redirect(to: SiteURL.notice(.value(callID)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await managePage(request, error: error, status: error.status).encodeResponse(for: request)
        }
    }
}
