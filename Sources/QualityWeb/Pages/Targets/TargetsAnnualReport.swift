import Foundation
import Plot
import QualityRules
import Spreadsheet

/// The annual report on the targets (001: "定期编制发布…质量状况白皮书"; 五（五）效果评价): the year's figures,
/// each department's evaluation, every indicator's table and chart. Printable, and exported as XLSX.
enum TargetsAnnualReport {
    static func render(context: PageContext, board: TargetsBoard, year: Int) -> String {
        let totals = board.totals(year: year)
        let scores = board.scores(year: year)
        let overdue = board.overdue.filter { $0.year == year }
        return Layout.page(
            context, title: Strings.Targets.annualReport(year),
            .p(.class("muted"), .text(context.t(Strings.Targets.annualBasis(today: context.today)))),
            .p(.class("no-print actions"),
               .a(.class("button"), .href(attr(SiteURL.targetAnnualExport(.value(year)).path)), .text(context.t(Strings.Targets.exportXLSX))),
               .span(.class("muted"), .text(" " + context.t(Strings.Targets.printHint)))),
            .section(.id("overview"),
                .h2(.text(context.t(Strings.Targets.overview))),
                .p(.text(context.t(Strings.Targets.overviewText(year: year, expected: totals.expected, reported: totals.reported,
                                                                onTrack: totals.onTrack, behind: totals.behind))))),
            .section(.id("departments"),
                .h2(.text(context.t(Strings.Targets.evaluationTitle))),
                .p(.class("muted"), .text(context.t(Strings.Targets.evaluationNote))),
                scoreTable(context, scores: scores)),
            .section(.id("table"),
                .h2(.text(context.t(Strings.Targets.indicatorTable))),
                .table(.class("list"),
                       .thead(.tr(.th(.text(context.t(Strings.Targets.indicator))), .th(.text(context.t(Strings.Targets.target))),
                                  .th(.class("num"), .text(String(year - 1))), .th(.class("num"), .text(String(year))),
                                  .th(.text(context.t(Strings.Targets.status))))),
                       .tbody(.forEach(board.rows.filter { $0.point(year: year) != nil }) { row in
                           let point = row.point(year: year)!
                           return .tr(.td(.text(context.t(row.name))), .td(.text(row.targetText(context.language))),
                                      .td(.class("num"), .text(row.point(year: year - 1)?.value ?? "—")),
                                      .td(.class("num"), .text(point.value ?? "—")),
                                      .td(.span(.class("badge \(point.status.rawValue)"), .text(context.t(point.status.label)))))
                       }))),
            .section(.id("late"),
                .h2(.text(context.t(Strings.Targets.lateTitle))),
                overdue.isEmpty ? .p(.class("muted"), .text(context.t(Strings.Targets.noneLate))) : .ul(.forEach(overdue) { item in
                    .li(.text(context.t(board.departmentLabel(item.department)) + "：" + context.t(Strings.Targets.overdueItem(item.indicator, year: item.year, due: item.dueOn))))
                })),
            .section(.id("charts"),
                .h2(.text(context.t(Strings.Targets.charts))),
                .div(.class("cards print-grid"), .forEach(board.rows.filter { $0.point(year: year) != nil }) { row in
                    .element(named: "figure", nodes: [
                        .class("card"),
                        .h3(.text(context.t(row.name))),
                        .p(.class("meta"), .text(context.t(Strings.Targets.target) + "：" + row.targetText(context.language))),
                        TargetsDashboard.chart(context, row: row),
                    ])
                }))
        )
    }

    static func scoreTable(_ context: PageContext, scores: [TargetsBoard.DepartmentScore]) -> Node<HTML.BodyContext> {
        .table(.class("list"), .id("scores"),
               .thead(.tr(.th(.text(context.t(Strings.Targets.department))), .th(.class("num"), .text(context.t(Strings.Targets.responsible))),
                          .th(.class("num"), .text(context.t(Strings.Targets.reportedShare))), .th(.class("num"), .text(context.t(Strings.Targets.onTrackShare))),
                          .th(.class("num"), .text(context.t(Strings.Targets.overdue))), .th(.class("num"), .text(context.t(Strings.Targets.filedLate))))),
               .tbody(.forEach(scores) { score in
                   .tr(.td(.text(context.t(score.department))), .td(.class("num"), .text("\(score.responsible)")),
                       .td(.class("num"), .text("\(score.reported)/\(score.responsible)（\(score.reportedPercent)%）")),
                       .td(.class("num"), .text("\(score.onTrack)/\(score.responsible)（\(score.onTrackPercent)%）")),
                       .td(.class("num" + (score.overdue > 0 ? " notMet" : "")), .text("\(score.overdue)")),
                       .td(.class("num"), .text("\(score.filedLate)")))
               }))
    }

    // MARK: XLSX

    /// Three sheets: the indicators with every year's value, the departments' evaluation, what is overdue.
    static func xlsx(_ board: TargetsBoard, year: Int, language: Language) throws -> Data {
        try XLSXWriter().data(tables(board, year: year, language: language))
    }

    static func tables(_ board: TargetsBoard, year: Int, language: Language) -> [Spreadsheet.Table] {
        func t(_ text: LocalizedText) -> String { text.text(language) }
        let years = board.periods.map(\.year).filter { $0 <= year }
        let indicatorColumns: [Spreadsheet.Column] = [Column(t(Strings.Targets.indicatorKey), format: .text), Column(t(Strings.Targets.indicator)),
                                Column(t(Strings.Targets.unit)), Column(t(Strings.Targets.direction)), Column(t(Strings.Targets.targetValue)),
                                Column(t(Strings.Targets.targetYear)), Column(t(Strings.Targets.leadDepartment)),
                                Column(t(Strings.Targets.otherDepartments))]
            + years.map { Column(String($0)) } + [Column(t(Strings.Targets.status) + " \(year)")]
        let indicatorRows = board.rows.map { row -> Spreadsheet.Row in
            let lead = row.leads.map { t(board.departmentLabel($0)) }.joined(separator: "、")
            let others = row.departments.filter { !row.leads.contains($0.name) }.map { t(board.departmentLabel($0.name)) }.joined(separator: "、")
            var cells: [Spreadsheet.Cell] = [.text(row.key), .text(t(row.name)), .text(t(row.unit)), .text(row.direction.symbol), exact(row.target),
                                 row.targetYear.map { .integer(Int64($0)) } ?? .empty, .text(lead), .text(others)]
            cells += years.map { year in row.point(year: year)?.value.map(exact) ?? .empty }
            cells.append(.text(row.point(year: year).map { t($0.status.label) } ?? ""))
            return Spreadsheet.Row(cells)
        }
        let scoreRows = board.scores(year: year).map { score -> Spreadsheet.Row in
            [.text(t(score.department)), .integer(Int64(score.responsible)), .integer(Int64(score.reported)), .integer(Int64(score.onTrack)),
             .integer(Int64(score.unjudged)), .integer(Int64(score.overdue)), .integer(Int64(score.filedLate))]
        }
        let overdueRows = board.overdue.filter { $0.year <= year }.map { item -> Spreadsheet.Row in
            [.text(t(board.departmentLabel(item.department))), .text(t(item.indicator)), .integer(Int64(item.year)),
             .date(SheetDate(year: item.dueOn.year, month: item.dueOn.month, day: item.dueOn.day)!)]
        }
        return [
            Spreadsheet.Table(name: t(Strings.Targets.sheetIndicators), columns: indicatorColumns, rows: indicatorRows),
            Spreadsheet.Table(name: t(Strings.Targets.sheetDepartments(year)),
                  columns: [Column(t(Strings.Targets.department)), Column(t(Strings.Targets.responsible), format: .integer),
                            Column(t(Strings.Targets.reportedCountShort), format: .integer), Column(t(Strings.Targets.onTrackCountShort), format: .integer),
                            Column(t(Strings.Targets.unjudgedCount), format: .integer), Column(t(Strings.Targets.overdue), format: .integer),
                            Column(t(Strings.Targets.filedLate), format: .integer)],
                  rows: scoreRows),
            Spreadsheet.Table(name: t(Strings.Targets.sheetOverdue),
                  columns: [Column(t(Strings.Targets.department)), Column(t(Strings.Targets.indicator)),
                            Column(t(Strings.Targets.year), format: .integer), Column(t(Strings.Targets.dueOn), format: .date)],
                  rows: overdueRows),
        ]
    }

    /// "92.50" as the exact number 9250 × 10⁻², so Excel shows what was reported, digit for digit.
    static func exact(_ text: String) -> Spreadsheet.Cell {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let scale = parts.count == 2 ? parts[1].count : 0
        guard let units = Int64(parts.joined()) else { return .text(text) }
        return .fixed(units, scale: scale)
    }
}
