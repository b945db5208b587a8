import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage

enum CallsPage {
    struct Row: Sendable {
        var id: UUID
        var title: LocalizedText
        var programmeID: String
        var opensOn: CalendarDate
        var closesOn: CalendarDate
        var quota: Int?
        var stage: CallStage

        init(_ call: Call) {
            id = call.id ?? UUID()
            title = call.title
            programmeID = call.programmeID
            opensOn = call.opensOn
            closesOn = call.closesOn
            quota = call.quota
            stage = call.stage
        }
    }

    struct Model: Sendable {
        var rows: [Row]

        static func query(on database: any Database) async throws -> Model {
            let calls = try await Call.query(on: database)
                .filter(\.$stage != .draft)
                .sort(\.$year, .descending).sort(\.$closesOn, .descending)
                .all()
            return Model(rows: calls.map(Row.init))
        }
    }

    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: Strings.Calls.title,
            model.rows.isEmpty ? .p(.text(context.t(Strings.Calls.none))) : table(context, rows: model.rows)
        )
    }

    static func table(_ context: PageContext, rows: [Row]) -> Node<HTML.BodyContext> {
        .table(
            .class("list"),
            .thead(.tr(
                .th(.text(context.t(Strings.Calls.programme))),
                .th(.text(context.t(Strings.Calls.window))),
                .th(.text(context.t(Strings.Calls.quota))),
                .th(.text(context.t(Strings.Calls.stage)))
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .td(.a(.href(attr(SiteURL.call(.value(row.id)).path)), .text(context.t(row.title)))),
                    .td(.text(context.t(Strings.Calls.window(row.opensOn, row.closesOn)))),
                    .td(.text(row.quota.map { context.t(Strings.Calls.quotaValue($0)) } ?? context.t(Strings.Calls.noQuota))),
                    .td(.span(.class("stage stage-\(row.stage.rawValue)"), .text(context.t(Strings.Calls.stage(row.stage)))))
                )
            })
        )
    }
}

enum CallPage {
    static func render(context: PageContext, call: Call) -> String {
        Layout.page(
            context, title: call.title,
            .dl(
                .class("facts"),
                .dt(.text(context.t(Strings.Calls.stage))),
                .dd(.text(context.t(Strings.Calls.stage(call.stage)))),
                .dt(.text(context.t(Strings.Calls.window))),
                .dd(.text(context.t(Strings.Calls.window(call.opensOn, call.closesOn)))),
                .dt(.text(context.t(Strings.Calls.quota))),
                .dd(.text(call.quota.map { context.t(Strings.Calls.quotaValue($0)) } ?? context.t(Strings.Calls.noQuota)))
            ),
            .h2(.text(context.t(Strings.Calls.materials))),
            .ol(.forEach(call.materials) { material in
                .li(.text(context.t(material.title)),
                    .span(.class("muted"), .text(" (" + context.t(material.required ? Strings.Calls.required : Strings.Calls.optional) + ")")))
            }),
            .h2(.text(context.t(Strings.Calls.contacts))),
            .p(.class("prewrap"), .text(call.contacts))
        )
    }
}
