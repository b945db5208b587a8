import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The enterprise's own page: which open calls it may qualify for and why, and where its applications stand.
enum EnterpriseHomeController {
    static func register(on app: Application) {
        app.on(.GET, .enterpriseHome, as: EnterpriseUser.self, use: show)
    }

    struct OpenCall: Sendable {
        var id: UUID
        var title: LocalizedText
        var closesOn: CalendarDate
        var assessment: Assessment?
        var applicationID: UUID?
        var applicationStage: ApplicationStage?
    }

    struct Model: Sendable {
        var enterprise: Enterprise
        var openCalls: [OpenCall]
        var applications: [ApplicationsListController.Row]
        var unread: Int
        var notice: LocalizedText?
    }

    @Sendable
    static func show(request: Request, viewer: EnterpriseUser) async throws -> HTMLPage {
        guard let enterprise = try await Enterprise.find(viewer.enterpriseID, on: request.db) else { throw AppError.forbidden }
        let today = request.today
        let applications = try await CallApplication.query(on: request.db).filter(\.$enterprise.$id == viewer.enterpriseID)
            .with(\.$call).sort(\.$updatedAt, .descending).all()
        let byCall = Dictionary(applications.map { ($0.$call.id, $0) }, uniquingKeysWith: { first, _ in first })
        let calls = try await Call.query(on: request.db).filter(\.$stage == .open).sort(\.$closesOn).all()
            .filter { $0.isAccepting(on: today) }
        let facts = try await FactsAssembler.assemble(enterprise, on: request.db)
        let openCalls = calls.map { call in
            OpenCall(id: call.id!, title: call.title, closesOn: call.closesOn,
                     assessment: try? request.qualityCity.assessor.assess(programmeID: call.programmeID, factsJSON: facts,
                                                                          on: today, deadline: call.closesOn),
                     applicationID: byCall[call.id!]?.id, applicationStage: byCall[call.id!]?.stage)
        }
        let unread = try await InboxMessage.query(on: request.db).filter(\.$account.$id == viewer.user.accountID)
            .filter(\.$readAt == nil).count()
        let rows = applications.map {
            ApplicationsListController.Row(id: $0.id!, enterpriseName: enterprise.name, district: $0.district, callTitle: $0.call.title,
                                           stage: $0.stage, verdict: $0.engineVerdict, updatedAt: $0.updatedAt)
        }
        let done = (try? request.query.get(String.self, at: "done")) == "signup" ? Strings.Signup.done : nil
        let model = Model(enterprise: enterprise, openCalls: openCalls, applications: rows, unread: unread, notice: done)
        return HTMLPage(html: render(context: PageContext(request: request), model: model))
    }

    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: T(zh: model.enterprise.name, en: model.enterprise.name),
            .unwrap(model.notice) { .div(.class("notice ok"), .text(context.t($0))) },
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Form.creditCode))), .dd(.code(.text(model.enterprise.creditCode))),
                .dt(.text(context.t(Strings.Form.district))), .dd(.text("\(model.enterprise.city) \(model.enterprise.district)")),
                .dt(.text(context.t(Strings.Inbox.title))),
                .dd(.a(.href(attr(SiteURL.inbox.path)), .text(context.t(Strings.Inbox.unread(model.unread)))))),
            .p(.a(.id("my-matches"), .href(attr(SiteURL.enterpriseMatches.path)), .text(context.t(Strings.MyMatches.link)))),
            .section(
                .h2(.text(context.t(Strings.EnterpriseHome.openCalls))),
                .p(.class("muted"), .text(context.t(Strings.EnterpriseHome.explanationHint))),
                model.openCalls.isEmpty ? .p(.text(context.t(Strings.Home.noOpenCalls))) : .div(
                    .class("cards"), .id("open-calls"),
                    .forEach(model.openCalls) { call in card(context, call) }
                )
            ),
            .section(
                .h2(.text(context.t(Strings.Applications.mine))),
                ApplicationsListController.table(context, rows: model.applications)
            )
        )
    }

    static func card(_ context: PageContext, _ call: OpenCall) -> Node<HTML.BodyContext> {
        .article(
            .class("card"), .attribute(named: "data-call-id", value: attr(call.id.uuidString)),
            .h3(.a(.href(attr(SiteURL.call(.value(call.id)).path)), .text(context.t(call.title)))),
            .p(.class("muted"), .text(context.t(Strings.EnterpriseHome.closes(call.closesOn)))),
            .unwrap(call.assessment) { assessment in
                .p(.span(.class("verdict-\(assessment.verdict.rawValue)"), .strong(.text(context.t(Strings.Verdicts.name(assessment.verdict.rawValue))))),
                   .text("：" + context.t(assessment.summary)))
            },
            .unwrap(call.applicationID, { id in
                .p(.a(.class("button"), .href(attr(SiteURL.application(.value(id)).path)),
                      .text(context.t(Strings.EnterpriseHome.continueApplication) + " · " +
                            context.t(Strings.Stages.name(call.applicationStage ?? .draft)))))
            }, else: .form(.method(.post), .action(attr(SiteURL.callApply(.value(call.id)).path)),
                           Forms.csrf(context),
                           .button(.type(.submit), .text(context.t(Strings.EnterpriseHome.apply)))))
        )
    }
}
