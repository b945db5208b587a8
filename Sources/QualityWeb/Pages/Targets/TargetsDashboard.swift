import Foundation
import Plot
import QualityRules

/// The public dashboard: every indicator against its target over time, which are on track, who is late.
enum TargetsDashboard {
    static func render(context: PageContext, board: TargetsBoard) -> String {
        let year = board.currentYear
        let totals = year.map { board.totals(year: $0) }
        let overdue = board.overdue
        let byDepartment = Dictionary(grouping: overdue, by: \.department).sorted { $0.key < $1.key }
        let role = context.user?.role
        return Layout.page(
            context, title: Strings.Targets.title,
            .p(.class("lead"), .text(context.t(Strings.Targets.intro))),
            .div(.class("actions no-print"),
                 .if(role == .department, .a(.class("button"), .href(attr(SiteURL.targetReport.path)), .text(context.t(Strings.Targets.reportValues)))),
                 .if(role == .cityOfficer, .a(.class("button secondary"), .href(attr(SiteURL.adminTargets.path)), .text(context.t(Strings.Targets.manage)))),
                 .if(!board.periods.isEmpty, .span(.class("reports"),
                     .text(context.t(Strings.Targets.annualReports) + "："),
                     .forEach(board.periods.reversed()) { period in
                         .a(.href(attr(SiteURL.targetAnnual(.value(period.year)).path)), .text("\(period.year) "))
                     }))),
            .unwrap(year.flatMap { y in totals.map { (y, $0) } }) { pair in
                let (year, totals) = pair
                return .section(.id("summary"),
                    .h2(.text(context.t(Strings.Targets.summary(year)))),
                    .ul(.class("figures"),
                        .li(.strong(.text("\(board.rows.count)")), .text(context.t(Strings.Targets.indicatorsCount))),
                        .li(.strong(.text("\(totals.reported)/\(totals.expected)")), .text(context.t(Strings.Targets.reportedCount))),
                        .li(.class("met"), .strong(.text("\(totals.onTrack)")), .text(context.t(Strings.Targets.onTrackCount))),
                        .li(.class("notMet"), .strong(.text("\(totals.behind)")), .text(context.t(Strings.Targets.behindCount)))))
            },
            .section(.id("late"),
                .h2(.text(context.t(Strings.Targets.lateTitle))),
                byDepartment.isEmpty ? .p(.class("muted"), .text(context.t(Strings.Targets.noneLate))) : .table(
                    .class("list"),
                    .thead(.tr(.th(.text(context.t(Strings.Targets.department))), .th(.text(context.t(Strings.Targets.overdueItems))))),
                    .tbody(.forEach(byDepartment) { entry in
                        .tr(.td(.text(context.t(board.departmentLabel(entry.key)))),
                            .td(.ul(.class("compact"), .forEach(entry.value) { item in
                                .li(.text(context.t(Strings.Targets.overdueItem(item.indicator, year: item.year, due: item.dueOn))))
                            })))
                    }))),
            .section(.id("indicators"),
                .h2(.text(context.t(Strings.Targets.indicators))),
                .div(.class("cards"), .forEach(board.rows) { row in card(context, board: board, row: row) }))
        )
    }

    static func card(_ context: PageContext, board: TargetsBoard, row: TargetsBoard.Row) -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .class("card indicator status-\(row.status.rawValue)"), .id("indicator-\(row.key)"),
            .h3(.a(.href(attr(SiteURL.targetIndicator(.value(row.id)).path)), .text(context.t(row.name)))),
            .p(.class("meta"),
               .text(context.t(Strings.Targets.target) + "：" + row.targetText(context.language)), .br(),
               .text(context.t(Strings.Targets.departments) + "：" + departments(context, board: board, row: row))),
            statusBadge(context, row.status, latest: row.latest, unit: row.unit),
            chart(context, row: row),
        ])
    }

    static func departments(_ context: PageContext, board: TargetsBoard, row: TargetsBoard.Row) -> String {
        row.departments.map { department in
            context.t(board.departmentLabel(department.name)) + (department.lead && row.departments.count > 1 ? context.t(Strings.Targets.leadMark) : "")
        }.joined(separator: context.language == .zh ? "、" : ", ")
    }

    static func statusBadge(_ context: PageContext, _ status: TargetStatus, latest: TargetsBoard.Point?, unit: LocalizedText) -> Node<HTML.BodyContext> {
        .p(.class("status"),
           .span(.class("badge \(status.rawValue)"), .text(context.t(status.label))),
           .unwrap(latest) { point in
               .span(.class("latest"), .text(" " + context.t(Strings.Targets.latest(point.year, value: point.value ?? "", unit: unit))))
           })
    }

    static func chart(_ context: PageContext, row: TargetsBoard.Row, width: Int = 360, height: Int = 200) -> Node<HTML.BodyContext> {
        Charts.line(Charts.Line(
            title: context.t(row.name) + " · " + context.t(Strings.Targets.target) + " " + row.targetText(context.language),
            points: row.points.map { Charts.Point(label: String($0.year), value: $0.value, status: $0.status) },
            target: row.target,
            targetLabel: context.t(Strings.Targets.target) + " " + row.direction.symbol + " " + row.target,
            missingLabel: context.t(Strings.Targets.notReportedShort), ceiling: row.unit.zh == "%" ? 100 : nil), width: width, height: height)
    }
}
