import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The secretariat runs the expert review of a call: the rubric (for 000, defined here), the draw, who
/// sits on which panel, the recusal log, and progress until the list goes to the committee.
enum AdminReviewController {
    static func register(on app: Application) {
        app.on(.GET, .adminCallReview(.key), as: CityOfficer.self, use: show)
        app.on(.POST, .adminCallDraw(.key), as: CityOfficer.self, use: draw)
        app.on(.GET, .adminCallRubric(.key), as: CityOfficer.self, use: rubricForm)
        app.on(.POST, .adminCallRubric(.key), as: CityOfficer.self, use: saveRubric)
    }

    @Sendable
    static func show(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await page(request, error: nil, notice: (try? request.query.get(String.self, at: "done")).map { _ in Strings.AdminReview.drawn })
    }

    static func page(_ request: Request, error: AppError?, notice: LocalizedText?, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let callID = try request.uuidParameter("callID")
        guard let call = try await Call.find(callID, on: request.db) else { throw AppError.notFound(Strings.Calls.notFound) }
        let applications = try await CallApplication.query(on: request.db).filter(\.$call.$id == callID)
            .filter(\.$stage !~ [.draft, .withdrawn]).with(\.$enterprise).sort(\.$district).all()
        let seats = try await PanelAssignment.query(on: request.db).filter(\.$call.$id == callID).with(\.$expert).all()
        let recusals = try await Recusal.query(on: request.db).filter(\.$call.$id == callID).with(\.$expert).with(\.$application) { $0.with(\.$enterprise) }
            .sort(\.$recordedAt).all()
        let rubric = try? request.qualityCity.assessor.scoringRubric(programmeID: call.programmeID, customYAML: call.rubricYAML)
        let programme = request.qualityCity.assessor.programme(call.programmeID)
        let context = PageContext(request: request)
        let hasPolicyRubric = (try? request.qualityCity.assessor.scoringRubric(programmeID: call.programmeID, customYAML: nil)) != nil
        return HTMLPage(html: Layout.page(
            context, title: call.title,
            .p(.text(context.t(Strings.Calls.stage) + "：" + context.t(Strings.Calls.stage(call.stage)))),
            .unwrap(notice) { .div(.class("notice ok"), .text(context.t($0))) },
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .p(.text(context.t(Strings.AdminReview.rubric) + "："),
               .unwrap(rubric, { .text(context.t($0.title) + "（\(Points(hundredths: $0.total)) 分）") },
                       else: .strong(.text(context.t(Strings.Reviews.noRubric)))),
               .if(!hasPolicyRubric && [.review, .expertReview].contains(call.stage),
                   .a(.href(attr(SiteURL.adminCallRubric(.value(callID)).path)), .text(" " + context.t(Strings.AdminReview.editRubric))))),
            .if(programme?.requiresOnSiteReview == true, .p(.class("muted"), .text(context.t(Strings.AdminReview.onSiteFirst)))),
            .if([.review, .expertReview].contains(call.stage), .form(
                .method(.post), .action(attr(SiteURL.adminCallDraw(.value(callID)).path)), .class("inline"), .id("draw-form"),
                Forms.csrf(context),
                .button(.type(.submit), .text(context.t(Strings.AdminReview.draw(call.panelSize)))))),
            .h2(.text(context.t(Strings.AdminReview.panels))),
            .table(.class("list"), .id("panels"),
                   .thead(.tr(.th(.text(context.t(Strings.Form.enterpriseName))), .th(.text(context.t(Strings.Calls.stage))),
                              .th(.text(context.t(Strings.AdminReview.experts))))),
                   .tbody(.forEach(applications) { application in
                       .tr(.td(.a(.href(attr(SiteURL.application(.value(application.id!)).path)), .text(application.enterprise.name))),
                           .td(.text(context.t(Strings.Stages.name(application.stage)))),
                           .td(.forEach(seats.filter { $0.$application.id == application.id }) { seat in
                               .span(.class("seat seat-\(seat.status.rawValue)"),
                                     .text("\(seat.expert.name)（\(context.t(Strings.Reviews.status(seat.status)))） "))
                           }))
                   })),
            .h2(.text(context.t(Strings.AdminReview.recusals))),
            recusals.isEmpty ? .p(.class("muted"), .text("—")) : .table(
                .class("list"), .id("recusals"),
                .tbody(.forEach(recusals) { recusal in
                    .tr(.td(.text(Formatting.dateTime(recusal.recordedAt))), .td(.text(recusal.expert.name)),
                        .td(.text(recusal.application.enterprise.name)),
                        .td(.text(context.t(Strings.AdminReview.recusalKind(recusal.kind)))), .td(.text(recusal.reason)))
                }))
        ), status: status)
    }

    @Sendable
    static func draw(request: Request, officer: CityOfficer) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        do {
            _ = try await request.reviews.drawPanels(officer, callID: callID)
            return request.redirect(to: SiteURL.adminCallReview(.value(callID)).path + "?done=draw", redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await page(request, error: error, notice: nil, status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func rubricForm(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        let callID = try request.uuidParameter("callID")
        guard let call = try await Call.find(callID, on: request.db) else { throw AppError.notFound(Strings.Calls.notFound) }
        let text = call.rubricYAML ?? RubricDefinition.template(for: call.programmeID) ?? ""
        return HTMLPage(html: rubricPage(PageContext(request: request), call: call, text: text, error: nil))
    }

    static func rubricPage(_ context: PageContext, call: Call, text: String, error: AppError?) -> String {
        Layout.page(
            context, title: Strings.AdminReview.editRubric,
            .p(.text(context.t(call.title))),
            .p(.class("muted"), .text(context.t(Strings.AdminReview.rubricHint))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(.method(.post), .action(attr(SiteURL.adminCallRubric(.value(call.id!)).path)), .class("stacked"), .id("rubric-form"),
                  Forms.csrf(context),
                  .textarea(.name("rubric"), .attribute(named: "rows", value: "30"), .class("code"),
                            .attribute(named: "aria-label", value: attr(context.t(Strings.AdminReview.rubric))), .text(text)),
                  .button(.type(.submit), .text(context.t(Strings.Form.save))))
        )
    }

    @Sendable
    static func saveRubric(request: Request, officer: CityOfficer) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        guard let call = try await Call.find(callID, on: request.db) else { throw AppError.notFound(Strings.Calls.notFound) }
        let text = (try? request.content.get(String.self, at: "rubric")) ?? ""
        do {
            guard [.draft, .open, .review].contains(call.stage) else { throw AppError.conflict(Strings.AdminReview.rubricLocked) }
            guard try request.qualityCity.assessor.scoringRubric(programmeID: call.programmeID, customYAML: nil) == nil else {
                throw AppError.conflict(Strings.AdminReview.policyHasRubric)
            }
            guard try request.qualityCity.assessor.scoringRubric(programmeID: call.programmeID, customYAML: text) != nil else {
                throw AppError.invalid(Strings.Reviews.noRubric)
            }
            let at = request.now
            try await request.db.writeTransaction { tx in
                guard try await ConditionalUpdate.run(table: Call.schema, id: callID, set: [("rubric_yaml", .string(text))],
                                                      where: [.in("stage", [CallStage.draft.rawValue, CallStage.open.rawValue, CallStage.review.rawValue])], on: tx)
                else { throw AppError.conflict(Strings.AdminReview.rubricLocked) }
                try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "call", subjectID: callID.uuidString,
                                                       action: "set_rubric", reason: "\(text.utf8.count) bytes", occurredAt: at), on: tx)
            }
            return request.redirect(to: SiteURL.adminCallReview(.value(callID)).path, redirectType: .normal)
        } catch let error as AppError {
            return try await HTMLPage(html: rubricPage(PageContext(request: request), call: call, text: text, error: error), status: error.status)
                .encodeResponse(for: request)
        }
    }
}
