import Foundation
import Plot
import QualityRules
import QualityStorage

/// The funds pages: the list with balances, the new-fund form, one fund's ledger, the import of earlier grants.
enum FundsPage {
    static func money(_ context: PageContext, _ fen: Int64?) -> String {
        fen.map { Money(fen: $0).formatted(context.language) } ?? "—"
    }

    static func errorBox(_ context: PageContext, _ error: AppError?) -> Node<HTML.BodyContext> {
        .unwrap(error) { error in
            .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"),
                 .p(.text(context.t(error.message))),
                 .if(error.fields.count > 1 || error.code == "grant_refused",
                     .ul(.class("reasons"), .forEach(error.fields.sorted { $0.key < $1.key }) { .li(.attribute(named: "data-key", value: $0.key), .text(context.t($0.value))) })))
        }
    }

    static func problem(_ context: PageContext, _ error: AppError?, _ name: String) -> Node<HTML.FormContext> {
        .unwrap(error?.fields[name]) { .small(.class("field-error"), .id("error-\(name)"), .text(context.t($0))) }
    }

    static func safeName(_ filename: String) -> String {
        String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "upload").prefix(100).description
    }

    // MARK: List

    static func list(context: PageContext, funds: [FundService.Overview], isFinance: Bool) -> String {
        Layout.page(
            context, title: Strings.Funds.title,
            .p(.class("actions"),
               .if(isFinance, .a(.class("button"), .href(SiteURL.fundNew.path), .text(context.t(Strings.Funds.newFund)))),
               .a(.href(SiteURL.grants.path), .text(context.t(Strings.Funds.grants))), .text(" · "),
               .if(isFinance, .group(.a(.href(SiteURL.disbursements.path), .text(context.t(Strings.Funds.disbursements))), .text(" · "))),
               .a(.href(SiteURL.fundHistory.path), .text(context.t(Strings.Funds.history)))),
            .if(funds.isEmpty, .p(.text(context.t(Strings.Funds.noFunds)))),
            .if(!funds.isEmpty, .table(
                .class("list"), .id("funds"),
                .thead(.tr(.th(.text(context.t(Strings.Funds.fund))), .th(.text(context.t(Strings.Funds.year))),
                           .th(.text(context.t(Strings.Funds.source))), .th(.class("num"), .text(context.t(Strings.Funds.budget))),
                           .forEach([LedgerAccount.available, .committed, .disbursed, .clawedBack]) {
                               .th(.class("num"), .text(context.t(Strings.Funds.account($0))))
                           })),
                .tbody(.forEach(funds) { item in
                    .tr(.attribute(named: "data-fund", value: item.fund.id!.uuidString),
                        .td(.a(.href(SiteURL.fund(.value(item.fund.id!)).path), .text(context.t(item.fund.name))),
                            .if(item.fund.sandbox, .small(.class("muted"), .text(" · " + context.t(Strings.Funds.sandbox))))),
                        .td(.text(String(item.fund.year))), .td(.text(context.t(Strings.Funds.source(item.fund.source)))),
                        .td(.class("num"), .text(money(context, item.balances.appropriated.fen))),
                        .forEach([LedgerAccount.available, .committed, .disbursed, .clawedBack]) { account in
                            .td(.class("num"), .attribute(named: "data-account", value: account.rawValue), .text(money(context, item.balances[account])))
                        })
                }))),
            exportLinks(context)
        )
    }

    static func exportLinks(_ context: PageContext) -> Node<HTML.BodyContext> {
        let files: [(LocalizedText, String)] = [
            (Strings.Funds.grantsCSV, SiteURL.fundExport(.grantsCSV).path), (Strings.Funds.grantsXLSX, SiteURL.fundExport(.grantsXLSX).path),
            (Strings.Funds.disbursementsCSV, SiteURL.fundExport(.disbursementsCSV).path),
            (Strings.Funds.disbursementsXLSX, SiteURL.fundExport(.disbursementsXLSX).path),
            (Strings.Funds.openDataJSON, SiteURL.openData(.grantsJSON).path), (Strings.Funds.openDataCSV, SiteURL.openData(.grantsCSV).path),
        ]
        return .section(.id("exports"), .h2(.text(context.t(Strings.Funds.exports))),
                        .ul(.forEach(files) { .li(.a(.href($0.1), .text(context.t($0.0)))) }))
    }

    // MARK: New fund

    static func form(context: PageContext, policies: [Policy], inputs: [String: String], error: AppError?) -> String {
        let programmes = policies.flatMap { policy in policy.programmes.map { (policy, $0) } }.filter { $0.1.award != nil }
        return Layout.page(
            context, title: Strings.Funds.newFund,
            errorBox(context, error),
            .form(
                .method(.post), .action(SiteURL.funds.path), .class("stacked"), .id("fund-form"),
                Forms.csrf(context),
                .label(.for("policyID"), .text(context.t(Strings.Funds.policy))),
                .select(.id("policyID"), .attribute(named: "name", value: "policyID"),
                        .forEach(policies) { policy in
                            .option(.value(policy.id), .isSelected(inputs["policyID"] == policy.id),
                                    .label(context.t(policy.title) + (policy.isDraft ? " · " + context.t(Strings.Funds.sandbox) : "")))
                        }),
                problem(context, error, "policyID"),
                .label(.for("programmeID"), .text(context.t(Strings.Funds.programme))),
                .select(.id("programmeID"), .attribute(named: "name", value: "programmeID"),
                        .option(.value(""), .label(context.t(Strings.Funds.allProgrammes))),
                        .forEach(programmes) { policy, programme in
                            .option(.value(programme.id), .isSelected(inputs["programmeID"] == programme.id),
                                    .label("\(policy.seed) · \(context.t(programme.title))"))
                        }),
                problem(context, error, "programmeID"),
                .label(.for("year"), .text(context.t(Strings.Funds.year))),
                .input(.type(.number), .id("year"), .name("year"), .value(inputs["year"] ?? String(context.today.year))),
                problem(context, error, "year"),
                .label(.for("source"), .text(context.t(Strings.Funds.source))),
                .select(.id("source"), .attribute(named: "name", value: "source"),
                        .forEach(FundSource.allCases) { source in
                            .option(.value(source.rawValue), .isSelected(inputs["source"] == source.rawValue), .label(context.t(Strings.Funds.source(source))))
                        }),
                problem(context, error, "source"),
                .label(.for("budget"), .text(context.t(Strings.Funds.budget))),
                .input(.type(.text), .id("budget"), .name("budget"), .value(inputs["budget"] ?? ""), .attribute(named: "inputmode", value: "decimal")),
                problem(context, error, "budget"),
                .label(.for("nameZh"), .text(context.t(Strings.Funds.nameZh))),
                .input(.type(.text), .id("nameZh"), .name("nameZh"), .value(inputs["nameZh"] ?? "")),
                problem(context, error, "nameZh"),
                .label(.for("nameEn"), .text(context.t(Strings.Funds.nameEn))),
                .input(.type(.text), .id("nameEn"), .name("nameEn"), .value(inputs["nameEn"] ?? "")),
                problem(context, error, "nameEn"),
                .label(.for("funderName"), .text(context.t(Strings.Funds.funderName))),
                .input(.type(.text), .id("funderName"), .name("funderName"), .value(inputs["funderName"] ?? "")),
                problem(context, error, "funderName"),
                .label(.for("funderCreditCode"), .text(context.t(Strings.Funds.funderCreditCode))),
                .input(.type(.text), .id("funderCreditCode"), .name("funderCreditCode"), .value(inputs["funderCreditCode"] ?? "")),
                problem(context, error, "funderCreditCode"),
                .button(.type(.submit), .text(context.t(Strings.Funds.save)))
            )
        )
    }

    // MARK: One fund

    static func detail(context: PageContext, overview: FundService.Overview, entries: [LedgerEntry], grants: [GrantApplication],
                       assessor: any ApplicationAssessor, isFinance: Bool, inputs: [String: String], error: AppError?) -> String {
        let fund = overview.fund
        let reconciled = overview.counter == overview.balances
        return Layout.page(
            context, title: fund.name,
            errorBox(context, error),
            .p(.text("\(context.t(Strings.Funds.policy))：\(fund.policyID)\(fund.programmeID.map { " / \($0)" } ?? "") · "
                     + "\(context.t(Strings.Funds.source))：\(context.t(Strings.Funds.source(fund.source))) · \(context.t(Strings.Funds.funderName))：\(fund.funderName)"),
               .if(fund.sandbox, .strong(.text(" · " + context.t(Strings.Funds.sandbox))))),
            .h2(.text(context.t(Strings.Funds.balances))),
            .table(.class("list"), .id("balances"),
                   .thead(.tr(.th(.text(context.t(Strings.Funds.account))), .th(.class("num"), .text(context.t(Strings.Funds.entries))),
                              .th(.class("num"), .text(context.t(Strings.Funds.counter))))),
                   .tbody(.forEach(LedgerAccount.allCases) { account in
                       .tr(.td(.text(context.t(Strings.Funds.account(account)))),
                           .td(.class("num"), .attribute(named: "data-account", value: account.rawValue), .text(money(context, overview.balances[account]))),
                           .td(.class("num"), .text(money(context, overview.counter?[account]))))
                   })),
            .p(.id("reconciliation"), .class(reconciled ? "met" : "notMet"),
               .text(context.t(reconciled ? Strings.Funds.reconciled : Strings.Funds.notReconciled))),
            .if(isFinance, movementForm(context, fund: fund, inputs: inputs, error: error)),
            .h2(.text(context.t(Strings.Funds.entries))),
            .if(entries.isEmpty, .p(.text(context.t(Strings.Funds.noEntries)))),
            .if(!entries.isEmpty, .table(
                .class("list"), .id("entries"),
                .thead(.tr(.th(.text(context.t(Strings.Funds.sequence))), .th(.text(context.t(Strings.Funds.date))),
                           .th(.text(context.t(Strings.Funds.movement))), .th(.text(context.t(Strings.Funds.from))),
                           .th(.text(context.t(Strings.Funds.to))), .th(.class("num"), .text(context.t(Strings.Funds.amountYuan))),
                           .th(.text(context.t(Strings.Funds.memo))), .th(.text(context.t(Strings.Funds.by))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text(String(entry.sequence))), .td(.text(entry.recordedOn.iso)),
                        .td(.text(context.t(Strings.Funds.movement(entry.movement)))),
                        .td(.text(context.t(Strings.Funds.account(entry.fromAccount)))), .td(.text(context.t(Strings.Funds.account(entry.toAccount)))),
                        .td(.class("num"), .text(money(context, entry.amount))),
                        .td(.unwrap(entry.grantID) { .a(.href(SiteURL.grant(.value($0)).path), .text("G-" + $0.uuidString.prefix(8) + " ")) },
                            .text(entry.memo)),
                        .td(.text(entry.actorName)))
                }))),
            .h2(.text(context.t(Strings.Funds.grants))),
            GrantsPage.table(context, grants: grants, assessor: assessor)
        )
    }

    static func movementForm(_ context: PageContext, fund: Fund, inputs: [String: String], error: AppError?) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.fundMovements(.value(fund.id!)).path), .class("stacked narrow"), .id("movement-form"),
            Forms.csrf(context),
            .label(.for("movement"), .text(context.t(Strings.Funds.movement))),
            .select(.id("movement"), .attribute(named: "name", value: "movement"),
                    .forEach([LedgerMovement.appropriation, .reduction]) { movement in
                        .option(.value(movement.rawValue), .isSelected(inputs["movement"] == movement.rawValue), .label(context.t(Strings.Funds.movement(movement))))
                    }),
            problem(context, error, "movement"),
            .label(.for("amount"), .text(context.t(Strings.Funds.amountYuan))),
            .input(.type(.text), .id("amount"), .name("amount"), .value(inputs["amount"] ?? ""), .attribute(named: "inputmode", value: "decimal")),
            problem(context, error, "amount"),
            .label(.for("memo"), .text(context.t(Strings.Funds.memo))),
            .input(.type(.text), .id("memo"), .name("memo"), .value(inputs["memo"] ?? "")),
            problem(context, error, "memo"),
            .button(.type(.submit), .text(context.t(Strings.Funds.record)))
        )
    }

    // MARK: Earlier grants

    static func history(context: PageContext, report: FundHistoryImport.Report?, error: AppError?) -> String {
        Layout.page(
            context, title: Strings.Funds.history,
            errorBox(context, error),
            .p(.text(context.t(Strings.Funds.importIntro))),
            .form(.method(.post), .action(SiteURL.fundHistory.path),
                  .attribute(named: "enctype", value: "multipart/form-data"), .class("stacked narrow"), .id("history-form"),
                  Forms.csrf(context),
                  .label(.for("file"), .text(context.t(Strings.Funds.file))),
                  .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,.xlsx")),
                  problem(context, error, "file"),
                  .button(.type(.submit), .text(context.t(Strings.Funds.importButton)))),
            .unwrap(report) { report in
                report.errors.isEmpty
                    ? .p(.class("notice"), .id("import-done"), .text(context.t(Strings.Funds.imported(report.imported))))
                    : .div(.id("import-errors"),
                           .p(.class("notice error"), .text(context.t(Strings.Funds.nothingImported))),
                           .table(.class("list"),
                                  .thead(.tr(.th(.text(context.t(Strings.Funds.row))), .th(.text(context.t(Strings.Funds.column))),
                                             .th(.text(context.t(Strings.Funds.problem))))),
                                  .tbody(.forEach(report.errors) { row in
                                      .tr(.attribute(named: "data-row", value: String(row.row)),
                                          .td(.text(row.row == 0 ? "—" : String(row.row))), .td(.text(row.column)), .td(.text(context.t(row.message))))
                                  })))
            }
        )
    }
}
