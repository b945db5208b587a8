import Foundation
import Plot
import QualityRules

/// The city bureau's page: add an indicator with its task breakdown for a later plan, add a reporting year.
enum TargetsAdminPage {
    static func render(context: PageContext, board: TargetsBoard, departments: [(name: String, label: LocalizedText)],
                       error: AppError?, form: String?, inputs: [String: String], chosen: [String], done: String?) -> String {
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        func field(_ name: String, _ label: LocalizedText, placeholder: String = "") -> Node<HTML.FormContext> {
            .group(.label(.for(name), .text(context.t(label))),
                   .input(.type(.text), .id(name), .name(name), .value(attr(inputs[name] ?? "")), .placeholder(attr(placeholder))),
                   problem(name))
        }
        let errorBox: (String) -> Node<HTML.BodyContext> = { which in
            .if(form == which, .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) })
        }
        return Layout.page(
            context, title: Strings.Targets.manage,
            .unwrap(done) { .div(.class("notice ok"), .attribute(named: "role", value: "status"), .text(context.t(Strings.Targets.saved($0)))) },
            .section(
                .h2(.text(context.t(Strings.Targets.periods))),
                .table(.class("list"), .id("periods"),
                       .thead(.tr(.th(.text(context.t(Strings.Targets.year))), .th(.text(context.t(Strings.Targets.dueOn))),
                                  .th(.class("num"), .text(context.t(Strings.Targets.reportedCountShort))))),
                       .tbody(.forEach(board.periods.reversed()) { period in
                           let totals = board.totals(year: period.year)
                           return .tr(.td(.text(String(period.year))), .td(.text(period.dueOn.iso)),
                                      .td(.class("num"), .text("\(totals.reported)/\(totals.expected)")))
                       })),
                errorBox("period"),
                .form(.method(.post), .action(attr(SiteURL.adminTargetPeriods.path)), .class("stacked narrow"), .id("period-form"),
                      Forms.csrf(context),
                      field("year", Strings.Targets.year, placeholder: String(context.today.year)),
                      field("dueOn", Strings.Targets.dueOnOptional, placeholder: "\(context.today.year + 1)-01-31"),
                      .button(.type(.submit), .text(context.t(Strings.Targets.addPeriod))))
            ),
            .section(
                .h2(.text(context.t(Strings.Targets.addIndicator))),
                .p(.class("muted"), .text(context.t(Strings.Targets.addIndicatorIntro))),
                errorBox("indicator"),
                .form(.method(.post), .action(attr(SiteURL.adminTargets.path)), .class("stacked narrow"), .id("indicator-form"),
                      Forms.csrf(context),
                      field("key", Strings.Targets.indicatorKey, placeholder: "brand-enterprises-2030"),
                      field("nameZH", Strings.Targets.nameZH), field("nameEN", Strings.Targets.nameEN),
                      field("unitZH", Strings.Targets.unitZH, placeholder: "家 / % / 个"), field("unitEN", Strings.Targets.unitEN),
                      .label(.for("direction"), .text(context.t(Strings.Targets.direction))),
                      .select(.id("direction"), .attribute(named: "name", value: "direction"),
                              .group(TargetDirection.allCases.map { direction in
                                  .option(.value(attr(direction.rawValue)), .label(attr("\(direction.symbol) " + context.t(Strings.Targets.directionName(direction)))),
                                          .isSelected(inputs["direction"] == direction.rawValue))
                              })),
                      problem("direction"),
                      field("target", Strings.Targets.targetValue),
                      field("firstYear", Strings.Targets.firstYear, placeholder: String(context.today.year)),
                      field("targetYear", Strings.Targets.targetYear),
                      field("plan", Strings.Targets.plan),
                      .fieldset(.element(named: "legend", nodes: [.text(context.t(Strings.Targets.departmentsLegend))]),
                                .group(departments.map { department in
                                    .label(.class("check"),
                                           .input(.type(.checkbox), .name("departments[]"), .value(attr(department.name)),
                                                  .checked(chosen.contains(department.name))),
                                           .text(" " + context.t(department.label)))
                                })),
                      problem("departments"),
                      field("newDepartmentZH", Strings.Targets.newDepartmentZH), field("newDepartmentEN", Strings.Targets.newDepartmentEN),
                      .button(.type(.submit), .text(context.t(Strings.Targets.addIndicator))))
            ),
            .section(
                .h2(.text(context.t(Strings.Targets.indicators))),
                .table(.class("list"),
                       .thead(.tr(.th(.text(context.t(Strings.Targets.indicatorKey))), .th(.text(context.t(Strings.Targets.indicator))),
                                  .th(.text(context.t(Strings.Targets.target))), .th(.text(context.t(Strings.Targets.departments))))),
                       .tbody(.forEach(board.rows) { row in
                           .tr(.td(.code(.text(row.key))), .td(.a(.href(attr(SiteURL.targetIndicator(.value(row.id)).path)), .text(context.t(row.name)))),
                               .td(.text(row.targetText(context.language))), .td(.text(TargetsDashboard.departments(context, board: board, row: row))))
                       }))
            )
        )
    }
}
