import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The expert's seats: declare a conflict of interest first, then read and score; other experts' scores
/// show only after one's own are submitted.
enum ReviewsController {
    static func register(on app: Application) {
        app.on(.GET, .reviews, as: ExpertReviewer.self, use: list)
        app.on(.GET, .review(.key), as: ExpertReviewer.self, use: show)
        app.on(.POST, .reviewDeclare(.key), as: ExpertReviewer.self, use: declare)
        app.on(.POST, .reviewScores(.key), as: ExpertReviewer.self, use: submit)
    }

    @Sendable
    static func list(request: Request, reviewer: ExpertReviewer) async throws -> HTMLPage {
        let expert = try await request.reviews.expert(for: reviewer)
        let seats = try await PanelAssignment.query(on: request.db).filter(\.$expert.$id == expert.id!)
            .with(\.$call).with(\.$application) { $0.with(\.$enterprise) }.sort(\.$drawnAt, .descending).all()
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.Reviews.title,
            seats.isEmpty ? .p(.text(context.t(Strings.Reviews.none))) : .table(
                .class("list"), .id("reviews"),
                .thead(.tr(.th(.text(context.t(Strings.Calls.programme))), .th(.text(context.t(Strings.Form.enterpriseName))),
                           .th(.text(context.t(Strings.Reviews.status))))),
                .tbody(.forEach(seats) { seat in
                    .tr(.td(.text(context.t(seat.call.title))),
                        .td(.a(.href(attr(SiteURL.review(.value(seat.id!)).path)), .text(seat.application.enterprise.name))),
                        .td(.span(.class("stage"), .text(context.t(Strings.Reviews.status(seat.status))))))
                })
            )
        ))
    }

    @Sendable
    static func show(request: Request, reviewer: ExpertReviewer) async throws -> HTMLPage {
        try await page(request, reviewer: reviewer, error: nil, inputs: [:], status: .ok)
    }

    static func page(_ request: Request, reviewer: ExpertReviewer, error: AppError?, inputs: [String: String],
                     status: HTTPStatus) async throws -> HTMLPage {
        let id = try request.uuidParameter("assignmentID")
        let seat = try await request.reviews.assignment(id, for: reviewer)
        let context = PageContext(request: request)
        let application = seat.application
        let rubric = try request.qualityCity.assessor.scoringRubric(programmeID: seat.call.programmeID, customYAML: seat.call.rubricYAML)
        var body: [Node<HTML.BodyContext>] = [
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Calls.programme))), .dd(.text(context.t(seat.call.title))),
                .dt(.text(context.t(Strings.Form.enterpriseName))), .dd(.text(application.enterprise.name)),
                .dt(.text(context.t(Strings.Reviews.status))), .dd(.id("seat-status"), .text(context.t(Strings.Reviews.status(seat.status))))),
            .unwrap(error) { error in
                .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .p(.text(context.t(error.message))),
                     .ul(.forEach(error.fields.sorted(by: { $0.key < $1.key })) { .li(.text(context.t($0.value))) }))
            },
        ]
        switch seat.status {
        case .assigned:
            body.append(declareForm(context, seat: seat, inputs: inputs))
        case .recused:
            body.append(.p(.text(context.t(Strings.Reviews.status(.recused)))))
        case .accepted, .submitted:
            body.append(.p(.a(.href(attr(SiteURL.application(.value(application.id!)).path)), .text(context.t(Strings.Reviews.readApplication)))))
            let objective = (try? request.qualityCity.assessor.objectiveScores(
                programmeID: seat.call.programmeID, customYAML: seat.call.rubricYAML,
                factsJSON: application.factsSnapshotJSON ?? application.enterprise.factsJSON, on: request.today,
                deadline: seat.call.closesOn)) ?? [:]
            if let rubric {
                if seat.status == .accepted {
                    body.append(scoreForm(context, seat: seat, rubric: rubric, objective: objective, inputs: inputs))
                } else {
                    body.append(try await panelScores(request, context, applicationID: application.id!, rubric: rubric, mine: seat.id!))
                }
            }
        }
        return HTMLPage(html: Layout.page(context, title: Strings.Reviews.title, .group(body)), status: status)
    }

    static func declareForm(_ context: PageContext, seat: PanelAssignment, inputs: [String: String]) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(attr(SiteURL.reviewDeclare(.value(seat.id!)).path)), .class("stacked"), .id("declare-form"),
            Forms.csrf(context),
            .h2(.text(context.t(Strings.Reviews.declareTitle))),
            .p(.text(context.t(Strings.Reviews.declareText))),
            .label(.for("conflict-reason"), .text(context.t(Strings.Reviews.conflictReasonLabel))),
            .textarea(.id("conflict-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .text(inputs["reason"] ?? "")),
            .div(.class("buttons"),
                 .button(.type(.submit), .name("conflict"), .value("no"), .id("no-conflict"), .text(context.t(Strings.Reviews.noConflict))),
                 .button(.type(.submit), .name("conflict"), .value("yes"), .class("secondary"), .id("have-conflict"),
                         .text(context.t(Strings.Reviews.haveConflict))))
        )
    }

    static func scoreForm(_ context: PageContext, seat: PanelAssignment, rubric: ScoringRubric, objective: [String: Int],
                          inputs: [String: String]) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(attr(SiteURL.reviewScores(.value(seat.id!)).path)), .class("stacked"), .id("score-form"),
            Forms.csrf(context),
            .h2(.text(context.t(Strings.Reviews.scoreTitle) + "：" + context.t(rubric.title))),
            .table(
                .class("list"),
                .thead(.tr(.th(.text(context.t(Strings.Evaluation.indicator))), .th(.class("num"), .text(context.t(Strings.Reviews.objective))),
                           .th(.text(context.t(Strings.Evaluation.points))), .th(.text(context.t(Strings.Reviews.justification))))),
                .tbody(.forEach(rubric.indicators) { indicator in
                    .tr(
                        .td(.strong(.text(context.t(indicator.name))), .br(), .small(.class("muted"), .text(indicator.criteria))),
                        .td(.class("num"), .text(objective[indicator.id].map { Points(hundredths: $0).description } ?? "—")),
                        .td(.input(.type(.text), .name("points.\(indicator.id)"), .id("points-\(indicator.id)"),
                                   .value(attr(inputs["points.\(indicator.id)"] ?? "")),
                                   .attribute(named: "inputmode", value: "decimal"), .attribute(named: "size", value: "5"),
                                   .attribute(named: "aria-label", value: attr(context.t(indicator.name)))),
                            .text(" / \(Points(hundredths: indicator.maximum))")),
                        .td(.textarea(.name("justification.\(indicator.id)"), .attribute(named: "rows", value: "2"),
                                      .attribute(named: "aria-label", value: attr(context.t(Strings.Reviews.justification))),
                                      .text(inputs["justification.\(indicator.id)"] ?? "")))
                    )
                })
            ),
            .label(.for("opinion"), .text(context.t(Strings.Reviews.opinion))),
            .textarea(.id("opinion"), .name("opinion"), .attribute(named: "rows", value: "4"), .text(inputs["opinion"] ?? "")),
            .p(.class("muted"), .text(context.t(Strings.Reviews.othersAfterSubmit))),
            .button(.type(.submit), .text(context.t(Strings.Reviews.submit)))
        )
    }

    /// Every submitted score of the panel, experts shown as 专家 A, B, C… (the reader's own marked).
    static func panelScores(_ request: Request, _ context: PageContext, applicationID: UUID, rubric: ScoringRubric,
                            mine: UUID?) async throws -> Node<HTML.BodyContext> {
        let seats = try await PanelAssignment.query(on: request.db).filter(\.$application.$id == applicationID)
            .filter(\.$status == .submitted).sort(\.$submittedAt).all()
        let scores = try await ExpertScore.query(on: request.db).filter(\.$assignment.$id ~~ seats.compactMap(\.id)).all()
        let letters = Array("ABCDEFGHIJ")
        return .section(
            .id("panel-scores"),
            .h2(.text(context.t(Strings.Reviews.panelScores))),
            .table(.class("list"),
                   .thead(.tr(.th(.text(context.t(Strings.Evaluation.indicator))),
                              .forEach(Array(seats.enumerated())) { index, seat in
                                  .th(.class("num"), .text(context.t(Strings.Reviews.expert) + " " + String(letters[index % letters.count])
                                                           + (seat.id == mine ? " ★" : "")))
                              })),
                   .tbody(
                       .forEach(rubric.indicators) { indicator in
                           .tr(.td(.text(context.t(indicator.name))),
                               .forEach(seats) { seat in
                                   let score = scores.first { $0.$assignment.id == seat.id && $0.indicatorID == indicator.id }
                                   return .td(.class("num"), .attribute(named: "title", value: attr(score?.justification ?? "")),
                                              .text(score.map { Points(hundredths: $0.points).description } ?? "—"))
                               })
                       },
                       .tr(.th(.text(context.t(Strings.Reviews.total))),
                           .forEach(seats) { seat in
                               .th(.class("num"), .text(Points(hundredths: scores.filter { $0.$assignment.id == seat.id }.reduce(0) { $0 + $1.points }).description))
                           })
                   )),
            .forEach(Array(seats.enumerated())) { index, seat in
                .div(.class("opinion"),
                     .h3(.text(context.t(Strings.Reviews.expert) + " " + String(letters[index % letters.count]))),
                     .p(.class("prewrap"), .text(seat.opinion ?? "")),
                     .ul(.forEach(rubric.indicators) { indicator in
                         let score = scores.first { $0.$assignment.id == seat.id && $0.indicatorID == indicator.id }
                         return .li(.text(context.t(indicator.name) + "：" + (score?.justification ?? "")))
                     }))
            }
        )
    }

    @Sendable
    static func declare(request: Request, reviewer: ExpertReviewer) async throws -> Response {
        let id = try request.uuidParameter("assignmentID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            try await request.reviews.declare(reviewer, assignmentID: id, conflict: fields["conflict"] == "yes", reason: fields["reason"] ?? "")
            return request.redirect(to: fields["conflict"] == "yes" ? SiteURL.reviews.path : SiteURL.review(.value(id)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await page(request, reviewer: reviewer, error: error, inputs: fields, status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func submit(request: Request, reviewer: ExpertReviewer) async throws -> Response {
        let id = try request.uuidParameter("assignmentID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        var points: [String: String] = [:]
        var justifications: [String: String] = [:]
        for (key, value) in fields {
            if key.hasPrefix("points.") { points[String(key.dropFirst(7))] = value }
            if key.hasPrefix("justification.") { justifications[String(key.dropFirst(14))] = value }
        }
        do {
            try await request.reviews.submitScores(reviewer, assignmentID: id, points: points, justifications: justifications,
                                                   opinion: fields["opinion"] ?? "")
            return request.redirect(to: SiteURL.review(.value(id)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await page(request, reviewer: reviewer, error: error, inputs: fields, status: error.status).encodeResponse(for: request)
        }
    }
}

extension Request {
    var reviews: ReviewService { ReviewService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
    var committee: CommitteeService { CommitteeService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
    var notices: NoticeService { NoticeService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
}
