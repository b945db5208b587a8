import Foundation
import Plot
import QualityRules

/// A department officer reports values for the indicators their department answers for, with evidence.
enum TargetsReportPage {
    /// A refused report: which indicator's form, why, and what was typed.
    struct Failure: Sendable {
        var indicatorID: UUID
        var error: AppError
        var inputs: [String: String]
    }

    static func render(context: PageContext, board: TargetsBoard, department: String, failed: Failure?, done: Bool) -> String {
        let mine = board.rows.filter { row in row.departments.contains { $0.name == department } }
        return Layout.page(
            context, title: Strings.Targets.reportTitle,
            .p(.class("lead"), .text(context.t(Strings.Targets.reportIntro(board.departmentLabel(department))))),
            .if(done, .div(.class("notice ok"), .attribute(named: "role", value: "status"), .text(context.t(Strings.Targets.reported)))),
            mine.isEmpty ? .p(.text(context.t(Strings.Targets.noIndicators))) : .group(mine.map { row in
                form(context, board: board, row: row, department: department, failed: failed?.indicatorID == row.id ? failed : nil)
            })
        )
    }

    static func form(_ context: PageContext, board: TargetsBoard, row: TargetsBoard.Row, department: String,
                     failed: Failure?) -> Node<HTML.BodyContext> {
        let inputs = failed?.inputs ?? [:]
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(failed?.error.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        let open = row.points.filter { $0.value == nil }.map(\.year)
        let preferred = inputs["periodID"] ?? ""
        let lead = row.leads.contains(department)
        return .section(
            .class("card report"), .id("indicator-\(row.id)"),
            .h2(.text(context.t(row.name))),
            .p(.class("meta"), .text(context.t(Strings.Targets.target) + "：" + row.targetText(context.language) + " · "
                                     + context.t(lead ? Strings.Targets.youLead : Strings.Targets.youCooperate))),
            .p(.class("meta"), .text(row.points.map { point in
                "\(point.year)：" + (point.value ?? context.t(Strings.Targets.notReportedShort))
            }.joined(separator: "  "))),
            .unwrap(failed) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.error.message))) },
            .form(
                .method(.post), .action(attr(SiteURL.targetIndicatorReports(.value(row.id)).path)), .enctype(.multipartData),
                .class("stacked narrow"),
                Forms.csrf(context),
                .label(.for("period-\(row.key)"), .text(context.t(Strings.Targets.year))),
                .select(.id("period-\(row.key)"), .attribute(named: "name", value: "periodID"),
                        .group(row.points.reversed().map { point in
                            let id = periodID(board, row: row, year: point.year)
                            return .option(.value(attr(id)), .label(attr(String(point.year) + (point.value == nil ? "" : " ✓"))),
                                           .isSelected(preferred.isEmpty ? open.first == point.year : preferred == id))
                        })),
                problem("periodID"),
                .label(.for("value-\(row.key)"), .text(context.t(Strings.Targets.value) + "（\(context.t(row.unit))）")),
                .input(.type(.text), .id("value-\(row.key)"), .name("value"), .value(attr(inputs["value"] ?? "")),
                       .attribute(named: "inputmode", value: "decimal"), .attribute(named: "autocomplete", value: "off")),
                problem("value"),
                .label(.for("note-\(row.key)"), .text(context.t(Strings.Targets.note))),
                .textarea(.id("note-\(row.key)"), .name("note"), .attribute(named: "rows", value: "2"), .text(inputs["note"] ?? "")),
                problem("note"),
                .label(.for("file-\(row.key)"), .text(context.t(Strings.Targets.evidenceFile))),
                .input(.type(.file), .id("file-\(row.key)"), .name("file"),
                       .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg,.xlsx,.docx")),
                problem("file"),
                .button(.type(.submit), .text(context.t(Strings.Targets.submitReport)))
            )
        )
    }

    static func periodID(_ board: TargetsBoard, row: TargetsBoard.Row, year: Int) -> String {
        board.periodIDs[year]?.uuidString ?? ""
    }
}
