import Foundation
import Plot
import QualityRules

/// One indicator: its chart, every year's value with who reported it, and the clause it comes from.
enum TargetIndicatorPage {
    static func render(context: PageContext, board: TargetsBoard, row: TargetsBoard.Row) -> String {
        let officer = [.department, .cityOfficer].contains(context.user?.role)
        return Layout.page(
            context, title: row.name,
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Targets.target))), .dd(.text(row.targetText(context.language))),
                .dt(.text(context.t(Strings.Targets.plan))), .dd(.text(row.plan)),
                .dt(.text(context.t(Strings.Targets.departments))),
                .dd(.text(TargetsDashboard.departments(context, board: board, row: row)),
                    .if(row.departmentsInferred, .small(.class("muted"), .text(" " + context.t(Strings.Targets.inferredNote))))),
                .dt(.text(context.t(Strings.Targets.status))),
                .dd(TargetsDashboard.statusBadge(context, row.status, latest: row.latest, unit: row.unit))),
            .element(named: "figure", nodes: [.class("chart-large"), TargetsDashboard.chart(context, row: row, width: 720, height: 280)]),
            .table(
                .class("list"), .id("values"),
                .thead(.tr(.th(.text(context.t(Strings.Targets.year))), .th(.class("num"), .text(context.t(Strings.Targets.value) + "（\(context.t(row.unit))）")),
                           .th(.text(context.t(Strings.Targets.status))), .th(.text(context.t(Strings.Targets.reportedBy))),
                           .th(.text(context.t(Strings.Targets.note))))),
                .tbody(.forEach(row.points.reversed()) { point in
                    .tr(.td(.text(String(point.year))),
                        .td(.class("num"), .text(point.value ?? "—")),
                        .td(.span(.class("badge \(point.status.rawValue)"), .text(context.t(point.status.label))),
                            .if(point.late, .span(.class("late"), .text(" " + context.t(point.value == nil ? Strings.Targets.overdue : Strings.Targets.filedLate))))),
                        .td(.text(point.reportedBy.map { context.t(board.departmentLabel($0)) } ?? "")),
                        .td(.text(point.note ?? ""),
                            .if(officer, .unwrap(point.reportID) { id in
                                .a(.class("no-print"), .href(attr(SiteURL.targetEvidence(.value(id)).path)), .text(" " + context.t(Strings.Targets.evidence)))
                            })))
                })),
            .unwrap(row.clause) { clause in
                .section(.h2(.text(context.t(Strings.Targets.basis))),
                         .element(named: "blockquote", nodes: [
                            .p(.strong(.text(row.plan + " " + context.t(clause)))),
                            .p(.text(row.citationText ?? "")),
                         ]))
            },
            .p(.class("no-print"), .a(.href(attr(SiteURL.targets.path)), .text(context.t(Strings.Targets.backToDashboard))))
        )
    }
}
