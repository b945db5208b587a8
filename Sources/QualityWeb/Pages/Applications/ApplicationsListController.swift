import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The applications a person may see: an enterprise its own, a district officer its district's, the city
/// all of them — filtered by call and stage.
enum ApplicationsListController {
    struct Row: Sendable {
        var id: UUID
        var enterpriseName: String
        var district: String
        var callTitle: LocalizedText
        var stage: ApplicationStage
        var verdict: String?
        var updatedAt: Date?
    }

    @Sendable
    static func list(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        let stageFilter = (try? request.query.get(String.self, at: "stage")).flatMap(ApplicationStage.init(rawValue:))
        let callFilter = (try? request.query.get(String.self, at: "call")).flatMap(UUID.init(uuidString:))
        let query = CallApplication.query(on: request.db).with(\.$call).with(\.$enterprise)
        let user = viewer.user
        switch user.role {
        case .enterprise:
            guard let enterpriseID = user.enterpriseID else { throw AppError.forbidden }
            query.filter(\.$enterprise.$id == enterpriseID)
        case .districtOfficer:
            guard let district = user.district else { throw AppError.forbidden }
            query.filter(\.$district == district).filter(\.$stage != .draft)
        case .cityOfficer:
            query.filter(\.$stage != .draft)
        default:
            throw AppError.forbidden
        }
        if let stageFilter { query.filter(\.$stage == stageFilter) }
        if let callFilter { query.filter(\.$call.$id == callFilter) }
        let rows = try await query.sort(\.$updatedAt, .descending).limit(500).all().map {
            Row(id: $0.id!, enterpriseName: $0.enterprise.name, district: $0.district, callTitle: $0.call.title,
                stage: $0.stage, verdict: $0.engineVerdict, updatedAt: $0.updatedAt)
        }
        let context = PageContext(request: request)
        let title = user.role == .enterprise ? Strings.Applications.mine : Strings.ApplicationList.title
        return HTMLPage(html: Layout.page(context, title: title, filters(context, selected: stageFilter), table(context, rows: rows)))
    }

    static func filters(_ context: PageContext, selected: ApplicationStage?) -> Node<HTML.BodyContext> {
        .form(.method(.get), .class("filters no-print"),
              .label(.for("stage"), .text(context.t(Strings.Calls.stage))),
              .select(.id("stage"), .attribute(named: "name", value: "stage"),
                      .option(.value(""), .label(attr(context.t(Strings.ApplicationList.allStages)))),
                      .forEach(ApplicationStage.allCases.filter { $0 != .draft }) { stage in
                          .option(.value(attr(stage.rawValue)), .isSelected(stage == selected), .label(attr(context.t(Strings.Stages.name(stage)))))
                      }),
              .button(.type(.submit), .class("secondary"), .text(context.t(Strings.ApplicationList.filter))))
    }

    static func table(_ context: PageContext, rows: [Row]) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.text(context.t(Strings.ApplicationList.none))) }
        return .table(
            .class("list"), .id("applications"),
            .thead(.tr(
                .th(.text(context.t(Strings.Form.enterpriseName))), .th(.text(context.t(Strings.Form.district))),
                .th(.text(context.t(Strings.Calls.programme))), .th(.text(context.t(Strings.Calls.stage))),
                .th(.text(context.t(Strings.ApplicationList.engine))), .th(.text(context.t(Strings.ApplicationList.updated)))
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .td(.a(.href(attr(SiteURL.application(.value(row.id)).path)), .text(row.enterpriseName))),
                    .td(.text(row.district)),
                    .td(.text(context.t(row.callTitle))),
                    .td(.span(.class("stage stage-\(row.stage.rawValue)"), .text(context.t(Strings.Stages.name(row.stage))))),
                    .td(.unwrap(row.verdict) { .span(.class("verdict-\($0)"), .text(context.t(Strings.Verdicts.name($0)))) }),
                    .td(.text(row.updatedAt.map(Formatting.dateTime) ?? ""))
                )
            })
        )
    }
}
