import Foundation
import Plot
import QualityRules
import QualityStorage

extension GrantPage {
    static func render(context: PageContext, model: Model) -> String {
        let grant = model.grant
        return Layout.page(
            context, title: LocalizedText(zh: "\(grant.reference) · \(model.programmeTitle.zh)", en: "\(grant.reference) · \(model.programmeTitle.en)"),
            FundsPage.errorBox(context, model.error),
            summary(context, model),
            EvaluationView.section(context, json: grant.evaluationJSON),
            evidence(context, model),
            .if(model.isCity && grant.stage == .submitted, decision(context, model)),
            .if(model.isEnterprise && grant.stage == .submitted, withdraw(context, model)),
            .if(model.isCity && [.approved, .disbursed].contains(grant.stage), clawBack(context, model)),
            .if(GrantReports.reportingStages.contains(grant.stage) || !model.reports.isEmpty, reports(context, model)),
            history(context, model)
        )
    }

    static func row(_ context: PageContext, _ label: LocalizedText, _ value: String, id: String? = nil) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(context.t(label))), .dd(.unwrap(id) { .id($0) }, .text(value)))
    }

    static func summary(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let grant = model.grant
        return .dl(
            .class("facts"), .id("grant-summary"),
            row(context, Strings.Funds.enterprise, "\(grant.enterprise.name)（\(grant.enterprise.creditCode)）"),
            row(context, Strings.Funds.programme, context.t(model.programmeTitle) + (model.policy.map { " · " + context.t($0.title) } ?? "")),
            row(context, Strings.Funds.fund, grant.fund.map { context.t($0.name) } ?? "—"),
            row(context, Strings.Funds.stageLabel, context.t(Strings.Funds.stage(grant.stage)), id: "grant-stage"),
            row(context, Strings.Funds.matters, grant.matters.joined(separator: "、")),
            .if(grant.offered != nil, row(context, Strings.Funds.offered, FundsPage.money(context, grant.offered))),
            .if(grant.cap != nil, row(context, Strings.Funds.capLabel, FundsPage.money(context, grant.cap))),
            .if(grant.approvedAmount != nil, row(context, Strings.Funds.approvedAmount, FundsPage.money(context, grant.approvedAmount), id: "grant-amount")),
            .if(grant.disbursedAmount != nil, row(context, Strings.Funds.disbursedAmount,
                                                  FundsPage.money(context, grant.disbursedAmount) + " · \(grant.paidOn?.iso ?? "") · \(grant.paymentReference ?? "")")),
            .unwrap(model.batch) { batch in row(context, Strings.Funds.Columns.batch, batch.label) },
            .if(!grant.statement.isEmpty, row(context, Strings.Funds.statement, grant.statement)),
            .unwrap(grant.decisionReason) { row(context, Strings.Funds.reason, $0) },
            .unwrap(grant.endedReason) { row(context, Strings.Funds.clawBack, $0) },
            row(context, Strings.Funds.submittedAt, Formatting.dateTime(grant.submittedAt) + " · " + context.t(Strings.Funds.origin(grant.origin)))
        )
    }

    static func evidence(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .id("evidence"),
            .h2(.text(context.t(Strings.Funds.evidence))),
            .if(model.evidence.isEmpty, .p(.text(context.t(Strings.Funds.noEvidence)))),
            .ul(.forEach(model.evidence) { file in
                .li(.a(.href(SiteURL.grantEvidenceFile(.value(model.grant.id!), .value(file.id!)).path), .text(file.displayName)),
                    .span(.class("muted small"), .text(" " + Formatting.fileSize(file.size))))
            }),
            .if(model.isEnterprise && model.grant.stage == .submitted,
                .form(.method(.post), .action(SiteURL.grantAction(.value(model.grant.id!), .evidence).path),
                      .attribute(named: "enctype", value: "multipart/form-data"), .class("inline"), .id("evidence-form"),
                      Forms.csrf(context),
                      .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg")),
                      FundsPage.problem(context, model.error, "file"),
                      .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Funds.upload)))))
        )
    }

    static func input(_ context: PageContext, _ model: Model, _ name: String, _ label: LocalizedText, type: HTMLInputType = .text,
                      hint: LocalizedText? = nil) -> Node<HTML.FormContext> {
        .group(
            .label(.for(name), .text(context.t(label))),
            .input(.type(type), .id(name), .name(name), .value(model.inputs[name] ?? "")),
            .unwrap(hint) { .small(.class("muted"), .text(context.t($0))) },
            FundsPage.problem(context, model.error, name)
        )
    }

    static func fundSelect(_ context: PageContext, _ model: Model) -> Node<HTML.FormContext> {
        let chosen: String? = model.inputs["fundID"] ?? model.grant.$fund.id?.uuidString
        let options: [Node<HTML.SelectContext>] = model.funds.map { fund in
            let value = fund.id!.uuidString
            return .option(.value(value), .isSelected(chosen == value), .label(context.t(fund.name)))
        }
        return .group(.label(.for("fundID"), .text(context.t(Strings.Funds.fund))),
                      .select(.id("fundID"), .attribute(named: "name", value: "fundID"), .group(options)),
                      FundsPage.problem(context, model.error, "fundID"))
    }

    static func tierSelect(_ context: PageContext, _ model: Model) -> Node<HTML.FormContext> {
        guard !model.tiers.isEmpty else { return .empty }
        let chosen: String? = model.inputs["tier"] ?? model.grant.claim.tier
        let options: [Node<HTML.SelectContext>] = model.tiers.map { tier in
            .option(.value(tier.key), .isSelected(chosen == tier.key), .label(context.t(tier.label)))
        }
        return .group(.label(.for("tier"), .text(context.t(Strings.Funds.tier))),
                      .select(.id("tier"), .attribute(named: "name", value: "tier"), .group(options)),
                      FundsPage.problem(context, model.error, "tier"))
    }

    static func findingsFieldset(_ context: PageContext, _ model: Model) -> Node<HTML.FormContext> {
        guard !model.attestations.isEmpty else { return .empty }
        let current = model.grant.findings
        let choices: [Node<HTML.FormContext>] = model.attestations.map { key, label in
            let chosen: String? = model.inputs["finding.\(key)"] ?? current[key].map { $0 ? "met" : "notMet" }
            return findingChoice(context, key: key, label: label, chosen: chosen)
        }
        return .fieldset(.element(named: "legend", text: context.t(Strings.Funds.findings)), .group(choices))
    }

    static func rankInputs(_ context: PageContext, _ model: Model) -> Node<HTML.FormContext> {
        guard model.hasRank else { return .empty }
        return .group(input(context, model, "score", Strings.Funds.score, type: .number),
                      input(context, model, "maximumScore", Strings.Funds.maximumScore, type: .number),
                      input(context, model, "rank", Strings.Funds.rank, type: .number))
    }

    static func decision(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let grant = model.grant
        return .section(
            .id("decision"),
            .h2(.text(context.t(Strings.Funds.decision))),
            .form(
                .method(.post), .action(SiteURL.grantAction(.value(grant.id!), .approve).path), .class("stacked"), .id("approve-form"),
                Forms.csrf(context),
                .input(.type(.hidden), .name("version"), .value(String(grant.version))),
                fundSelect(context, model),
                input(context, model, "amount", Strings.Funds.amountYuan, hint: Strings.Funds.officerAmountHint),
                input(context, model, "reason", Strings.Funds.reason),
                tierSelect(context, model),
                rankInputs(context, model),
                findingsFieldset(context, model),
                .button(.type(.submit), .text(context.t(Strings.Funds.approve)))
            ),
            .form(
                .method(.post), .action(SiteURL.grantAction(.value(grant.id!), .reject).path), .class("stacked"), .id("reject-form"),
                Forms.csrf(context),
                .input(.type(.hidden), .name("version"), .value(String(grant.version))),
                .label(.for("rejectReason"), .text(context.t(Strings.Funds.reason))),
                .textarea(.id("rejectReason"), .name("rejectReason"), .attribute(named: "rows", value: "2"), .text(model.inputs["rejectReason"] ?? "")),
                FundsPage.problem(context, model.error, "reason"),
                .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Funds.reject)))
            )
        )
    }

    static func findingChoice(_ context: PageContext, key: String, label: LocalizedText, chosen: String?) -> Node<HTML.FormContext> {
        let options: [(String, LocalizedText)] = [("met", Strings.Funds.met), ("notMet", Strings.Funds.notMet)]
        return .div(.class("finding"), .p(.text(context.t(label))),
                    .forEach(options) { value, text in
                        .label(.class("inline"), .input(.type(.radio), .name("finding.\(key)"), .value(value), .checked(chosen == value)),
                               .text(" " + context.t(text) + " "))
                    })
    }

    static func withdraw(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.grantAction(.value(model.grant.id!), .withdraw).path), .class("inline"), .id("withdraw-form"),
              Forms.csrf(context),
              .input(.type(.hidden), .name("version"), .value(String(model.grant.version))),
              .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Funds.withdraw))))
    }

    static func clawBack(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .id("clawback"),
            .h2(.text(context.t(Strings.Funds.clawBack))),
            .p(.class("muted"), .text(context.t(Strings.Funds.clawBackHint))),
            .form(.method(.post), .action(SiteURL.grantAction(.value(model.grant.id!), .clawback).path), .class("stacked narrow"), .id("clawback-form"),
                  Forms.csrf(context),
                  .label(.for("clawbackReason"), .text(context.t(Strings.Funds.reason))),
                  .textarea(.id("clawbackReason"), .name("clawbackReason"), .attribute(named: "rows", value: "2"),
                            .text(model.inputs["clawbackReason"] ?? "")),
                  FundsPage.problem(context, model.error, "reason"),
                  .button(.type(.submit), .class("danger"), .text(context.t(Strings.Funds.clawBack))))
        )
    }

    static func reports(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let grant = model.grant
        return .section(
            .id("reports"),
            .h2(.text(context.t(Strings.Funds.reports))),
            .p(.class("muted small"), .text(context.t(Strings.Funds.reportsIntro))),
            .ul(.forEach(model.reports) { report in
                .li(.attribute(named: "data-report", value: "\(report.kind.rawValue):\(report.year)"),
                    .strong(.text(context.t(Strings.Funds.reportName(report.kind, year: report.year)))),
                    .text(" · \(Formatting.dateTime(report.submittedAt))" + (report.spent.map { " · \(Money(fen: $0).formatted(context.language))" } ?? "")),
                    .p(.class("prewrap"), .text(report.text)))
            }),
            .if(!model.titleReports.isEmpty, .group(
                .h3(.text(context.t(Strings.Funds.titleReports))),
                .ul(.id("title-reports"), .forEach(model.titleReports) { report in
                    .li(.strong(.text(context.t(Strings.Funds.reportName(.annual, year: report.year)))),
                        .text(" · \(Formatting.dateTime(report.submittedAt))"), .p(.class("prewrap"), .text(report.fundUse)))
                }))),
            .ul(.id("reports-due"), .forEach(model.due) { due in
                .li(.class(due.overdue ? "notMet" : "needsFinding"),
                    .text(context.t(due.overdue ? Strings.Funds.overdue : Strings.Funds.due) + "：" + context.t(Strings.Funds.reportName(due.kind, year: due.year))
                          + (due.dueOn.map { "（\($0.iso)）" } ?? "")))
            }),
            .if(model.isEnterprise && GrantReports.reportingStages.contains(grant.stage), .form(
                .method(.post), .action(SiteURL.grantAction(.value(grant.id!), .reports).path), .class("stacked"), .id("report-form"),
                Forms.csrf(context),
                .label(.for("kind"), .text(context.t(Strings.Funds.reportKind))),
                .select(.id("kind"), .attribute(named: "name", value: "kind"),
                        .forEach(grant.origin == .title ? [.plan] : FundUseReportKind.allCases) { kind in
                            .option(.value(kind.rawValue), .isSelected(model.inputs["kind"] == kind.rawValue), .label(context.t(Strings.Funds.reportKind(kind))))
                        }),
                FundsPage.problem(context, model.error, "kind"),
                .if(grant.origin != .title, input(context, model, "year", Strings.Funds.year, type: .number)),
                .unwrap(grant.origin == .title ? grant.titleID : nil) { titleID in
                    .small(.class("muted"), .text(context.t(Strings.Funds.annualWithTitle(SiteURL.title(.value(titleID)).path))))
                },
                .label(.for("text"), .text(context.t(Strings.Funds.reportText))),
                .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "5"), .text(model.inputs["text"] ?? "")),
                FundsPage.problem(context, model.error, "text"),
                input(context, model, "spent", Strings.Funds.spent),
                .button(.type(.submit), .text(context.t(Strings.Funds.send)))
            ))
        )
    }

    static func history(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(context.t(Strings.ApplicationPage.history))),
            .table(.class("list"), .id("history"),
                   .thead(.tr(.th(.text(context.t(Strings.ApplicationPage.time))), .th(.text(context.t(Strings.ApplicationPage.who))),
                              .th(.text(context.t(Strings.ApplicationPage.what))), .th(.text(context.t(Strings.ApplicationPage.why))))),
                   .tbody(.forEach(model.history) { event in
                       .tr(.td(.text(Formatting.dateTime(event.occurredAt))),
                           .td(.text(event.actorName)),
                           .td(.text(context.t(Strings.Funds.actionName(event.action))),
                               .unwrap(event.toStage.flatMap(GrantStage.init(rawValue:))) {
                                   .span(.class("muted"), .text(" → " + context.t(Strings.Funds.stage($0))))
                               }),
                           .td(.class("prewrap"), .text(event.reason ?? "")))
                   }))
        )
    }
}
