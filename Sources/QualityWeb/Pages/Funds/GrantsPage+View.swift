import Foundation
import Plot
import QualityRules
import QualityStorage

/// The list of grant applications and the enterprise's application form.
enum GrantsPage {
    static func table(_ context: PageContext, grants: [GrantApplication], assessor: any ApplicationAssessor) -> Node<HTML.BodyContext> {
        guard !grants.isEmpty else { return .p(.text(context.t(Strings.Funds.noGrants))) }
        return .table(
            .class("list"), .id("grants"),
            .thead(.tr(.th(.text(context.t(Strings.Funds.reference))), .th(.text(context.t(Strings.Funds.enterprise))),
                       .th(.text(context.t(Strings.Funds.programme))), .th(.text(context.t(Strings.Funds.matters))),
                       .th(.class("num"), .text(context.t(Strings.Funds.approvedAmount))), .th(.text(context.t(Strings.Funds.stageLabel))),
                       .th(.text(context.t(Strings.Funds.submittedAt))))),
            .tbody(.forEach(grants) { grant in
                .tr(.attribute(named: "data-grant", value: grant.id!.uuidString), .attribute(named: "data-stage", value: grant.stage.rawValue),
                    .td(.a(.href(SiteURL.grant(.value(grant.id!)).path), .text(grant.reference))),
                    .td(.text(grant.enterprise.name)),
                    .td(.text(context.t(GrantEngine.title(of: grant.programmeID, assessor: assessor))),
                        .if(grant.sandbox, .small(.class("muted"), .text(" · " + context.t(Strings.Funds.sandbox))))),
                    .td(.class("small"), .text(grant.matters.joined(separator: "、"))),
                    .td(.class("num"), .text(FundsPage.money(context, grant.approvedAmount ?? grant.offered))),
                    .td(.text(context.t(Strings.Funds.stage(grant.stage)))),
                    .td(.text(Formatting.dateTime(grant.submittedAt))))
            }))
    }

    static func list(context: PageContext, grants: [GrantApplication], overdue: [(GrantApplication, GrantReports.Due)],
                     assessor: any ApplicationAssessor, stage: GrantStage?) -> String {
        let isEnterprise = context.user?.role == .enterprise
        return Layout.page(
            context, title: isEnterprise ? Strings.Funds.myGrants : Strings.Funds.grants,
            .p(.class("actions"),
               .if(isEnterprise, .a(.class("button"), .href(SiteURL.grantNew.path), .text(context.t(Strings.Funds.newGrant)))),
               .if(!isEnterprise, .a(.href(SiteURL.funds.path), .text(context.t(Strings.Funds.title))))),
            .nav(.class("filters"),
                 .a(.href(SiteURL.grants.path), .text(context.t(Strings.ApplicationList.allStages))),
                 .forEach(GrantStage.allCases) { option in
                     .group(.text(" · "), option == stage ? .strong(.text(context.t(Strings.Funds.stage(option))))
                         : .a(.href(SiteURL.grants.path + "?stage=\(option.rawValue)"), .text(context.t(Strings.Funds.stage(option)))))
                 }),
            table(context, grants: grants, assessor: assessor),
            .if(!overdue.isEmpty, .section(
                .id("overdue-reports"),
                .h2(.text(context.t(Strings.Funds.overdueReports))),
                .ul(.forEach(overdue) { grant, due in
                    .li(.a(.href(SiteURL.grant(.value(grant.id!)).path), .text(grant.reference)),
                        .text(" \(grant.enterprise.name) · \(context.t(Strings.Funds.reportName(due.kind, year: due.year)))"
                              + (due.dueOn.map { " · \($0.iso)" } ?? "")))
                })))
        )
    }

    static func form(context: PageContext, funds: [(fund: Fund, programmes: [PolicyCatalog.Entry])], inputs: [String: String],
                     error: AppError?) -> String {
        Layout.page(
            context, title: Strings.Funds.newGrant,
            FundsPage.errorBox(context, error),
            .if(funds.isEmpty, .p(.id("no-open-funds"), .text(context.t(Strings.Funds.noOpenFunds)))),
            .if(!funds.isEmpty, .form(
                .method(.post), .action(SiteURL.grants.path), .class("stacked"), .id("grant-form"),
                Forms.csrf(context),
                .label(.for("item"), .text(context.t(Strings.Funds.programme))),
                .select(.id("item"), .attribute(named: "name", value: "item"),
                        .forEach(funds.flatMap { item in item.programmes.map { (item.fund, $0) } }) { fund, entry in
                            let value = "\(fund.id!.uuidString)|\(entry.programme.id)"
                            return .option(.value(value), .isSelected(inputs["item"] == value),
                                           .label("\(context.t(entry.programme.title)) — \(context.t(fund.name))"))
                        }),
                FundsPage.problem(context, error, "item"),
                .details(.summary(.text(context.t(Strings.Funds.programme))),
                         .ul(.forEach(funds.flatMap(\.programmes)) { .li(.strong(.text(context.t($0.programme.title) + "：")), .text(context.t($0.programme.summary))) })),
                .label(.for("matters"), .text(context.t(Strings.Funds.matters))),
                .textarea(.id("matters"), .name("matters"), .attribute(named: "rows", value: "3"), .text(inputs["matters"] ?? "")),
                .small(.class("muted"), .text(context.t(Strings.Funds.mattersHint))),
                FundsPage.problem(context, error, "matters"),
                .label(.for("tier"), .text(context.t(Strings.Funds.tier))),
                .input(.type(.text), .id("tier"), .name("tier"), .value(inputs["tier"] ?? "")),
                FundsPage.problem(context, error, "tier"),
                .label(.for("statement"), .text(context.t(Strings.Funds.statement))),
                .textarea(.id("statement"), .name("statement"), .attribute(named: "rows", value: "5"), .text(inputs["statement"] ?? "")),
                FundsPage.problem(context, error, "statement"),
                .button(.type(.submit), .text(context.t(Strings.Funds.submit)))
            ))
        )
    }
}
