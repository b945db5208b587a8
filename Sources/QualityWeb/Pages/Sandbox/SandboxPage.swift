import Foundation
import Plot
import QualityRules
import Spreadsheet

/// A comparison: per line, the draft and the policy in force side by side; the affected enterprises.
enum SandboxPage {
    static func render(_ context: PageContext, title: LocalizedText, result: SandboxComparison, changes: [SandboxChange],
                       csvLink: String) -> String {
        func money(_ value: Money) -> String { value.formatted(context.language) }
        return Layout.page(
            context, title: title,
            .p(.id("comparison-summary"), .text(context.t(Strings.Sandbox.summary(result.enterprises, result.day.iso,
                                                                                  String(format: "%.2f s", result.seconds))))),
            .if(!changes.isEmpty, .ul(.id("changes"), .forEach(changes) { .li(.code(.text($0.argument))) })),
            .p(.id("policy-level"), .strong(.text(context.t(Strings.Sandbox.policyLevel(result.newlyQualifying, result.noLongerQualifying))))),
            .table(
                .class("list"), .id("comparison"),
                .thead(.tr(.th(.text(context.t(Strings.Sandbox.line))),
                           .th(.text(context.t(Strings.Sandbox.qualifying) + " · " + context.t(Strings.Sandbox.draftSide))),
                           .th(.text(context.t(Strings.Sandbox.qualifying) + " · " + context.t(Strings.Sandbox.baseSide))),
                           .th(.text(context.t(Strings.Sandbox.newly))), .th(.text(context.t(Strings.Sandbox.noLonger))),
                           .th(.text(context.t(Strings.Sandbox.exposure) + " · " + context.t(Strings.Sandbox.draftSide))),
                           .th(.text(context.t(Strings.Sandbox.exposure) + " · " + context.t(Strings.Sandbox.baseSide))),
                           .th(.text(context.t(Strings.Sandbox.budgetLeft))))),
                .tbody(
                    .forEach(result.lines) { line in
                        .tr(.td(.text(context.t(line.line.label)),
                                .if(!line.hasEvidence, .group(.br(), .small(.class("muted"), .text(context.t(Strings.Sandbox.noEvidence)))))),
                            .td(.text(side(context, line.draft))), .td(.text(side(context, line.base))),
                            .td(.text("\(line.newlyQualifying)")), .td(.text("\(line.noLongerQualifying)")),
                            .td(.text(exposure(context, line.draft))), .td(.text(exposure(context, line.base))),
                            .td(.text(line.budgetLeft.map(money) ?? "")))
                    },
                    .tr(.th(.text(context.t(Strings.Sandbox.totals))), .td(), .td(),
                        .td(.text("\(result.lines.reduce(0) { $0 + $1.newlyQualifying })")),
                        .td(.text("\(result.lines.reduce(0) { $0 + $1.noLongerQualifying })")),
                        .td(.text(money(result.draftAward))), .td(.text(money(result.baseAward))), .td()))
            ),
            .h2(.text(context.t(Strings.Sandbox.affected) + " (\(result.affected.count))")),
            .p(.class("no-print"), .a(.id("affected-csv"), .href(attr(csvLink)), .text(context.t(Strings.Matching.exportCSV))),
               .if(result.affected.count > 200, .text(" · " + context.t(Strings.Sandbox.shownFirst)))),
            .table(.class("list"), .id("affected"),
                   .thead(.tr(.th(.text(context.t(Strings.Matching.creditCode))), .th(.text(context.t(Strings.Sandbox.line))),
                              .th(.text(context.t(Strings.Sandbox.change))),
                              .th(.text(context.t(Strings.Sandbox.baseSide))), .th(.text(context.t(Strings.Sandbox.draftSide))))),
                   .tbody(.forEach(result.affected.prefix(200)) { row in
                       .tr(.td(.code(.text(row.creditCode))), .td(.text(context.t(result.lines[row.line].line.label))),
                           .td(.text(context.t(Strings.Sandbox.changeName(row.change)))),
                           .td(.text(context.t(Strings.Verdicts.name(row.baseVerdict.rawValue)) + " · " + money(row.baseAward))),
                           .td(.text(context.t(Strings.Verdicts.name(row.draftVerdict.rawValue)) + " · " + money(row.draftAward))))
                   }))
        )
    }

    static func side(_ context: PageContext, _ side: SandboxComparison.Side) -> String {
        guard side.inForce else { return context.t(Strings.Matching.notInForce) }
        return "\(side.qualifying)（\(context.t(Strings.Matching.eligible)) \(side.eligible)，\(context.t(Strings.Matching.pending)) \(side.pendingFindings)）"
    }

    static func exposure(_ context: PageContext, _ side: SandboxComparison.Side) -> String {
        let total = side.award.formatted(context.language)
        guard let quota = side.quota, let within = side.awardWithinQuota else { return total }
        return "\(total)；\(context.t(Strings.Sandbox.quota)) \(quota)：\(within.formatted(context.language))"
    }

    static func affectedTable(_ result: SandboxComparison, language: Language) -> Spreadsheet.Table {
        let t = { (text: LocalizedText) in text.text(language) }
        return Spreadsheet.Table(
            name: t(Strings.Sandbox.affected),
            columns: [Spreadsheet.Column(t(Strings.Matching.creditCode), format: .text), Spreadsheet.Column(t(Strings.Sandbox.line)), Spreadsheet.Column(t(Strings.Sandbox.change)),
                      Spreadsheet.Column(t(Strings.Sandbox.baseSide)), Spreadsheet.Column(t(Strings.Sandbox.draftSide)),
                      Spreadsheet.Column(t(Strings.Sandbox.baseSide) + " " + t(Strings.Matching.awardYuan), format: .money),
                      Spreadsheet.Column(t(Strings.Sandbox.draftSide) + " " + t(Strings.Matching.awardYuan), format: .money)],
            rows: result.affected.map { row in
                Spreadsheet.Row([.text(row.creditCode), .text(t(result.lines[row.line].line.label)), .text(t(Strings.Sandbox.changeName(row.change))),
                     .text(t(Strings.Verdicts.name(row.baseVerdict.rawValue))), .text(t(Strings.Verdicts.name(row.draftVerdict.rawValue))),
                     .fixed(row.baseAward.fen, scale: 2), .fixed(row.draftAward.fen, scale: 2)])
            })
    }
}
