import Foundation
import Plot
import QualityRules

/// Every section of the facts as a table, titled and labelled as in the workbook.
extension ProfilePage {
    private typealias C = Strings.FactsWorkbook.Columns
    private typealias S = Strings.FactsWorkbook.Sheets

    static func factsSections(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        guard let facts = model.facts else { return .empty }
        let today = model.today
        func t(_ text: LocalizedText) -> String { context.t(text) }
        func label(_ value: some Labelled) -> String { context.t(value.label) }
        func yesNo(_ flag: Bool) -> String { t(flag ? Strings.FactsWorkbook.yes : Strings.FactsWorkbook.no) }
        func day(_ date: CalendarDate?, _ empty: LocalizedText? = nil) -> String { date?.iso ?? empty.map(t) ?? "" }

        return .group(
            table(context, "certifications", S.certifications,
                  [C.certificateType, C.certificateNumber, C.issuer, C.validFrom, C.validTo, Strings.Profile.status],
                  facts.certifications.map { c in
                      [label(c.type), c.number, c.issuer ?? "", c.validFrom.iso, day(c.validTo, Strings.Profile.noExpiry),
                       t(c.isValid(on: today) ? Strings.Profile.valid : today < c.validFrom ? Strings.Profile.notYetValid : Strings.Profile.expired)]
                  }),
            table(context, "taxes", S.taxes, [C.taxYear, C.taxAmount],
                  facts.taxes.sorted { $0.year > $1.year }.map { [String($0.year), $0.amount.formatted(context.language)] }),
            table(context, "events", S.events,
                  [C.eventDate, C.eventKind, C.eventArea, C.severity, C.outcome, C.authorityLevel, C.reference, C.note],
                  facts.events.map { e in
                      [e.date.iso, label(e.kind), label(e.area), label(e.severity), label(e.outcome), label(e.level),
                       e.reference ?? "", e.note ?? ""]
                  }),
            table(context, "patents", S.patents, [C.patentNumber, C.patentKind, C.patentJurisdiction, C.grantedOn],
                  facts.patents.map { [$0.number ?? "", label($0.kind), label($0.jurisdiction), $0.grantedOn.iso] }),
            table(context, "standards", S.standards, [C.standardNumber, C.standardLevel, C.draftingRole, C.publishedOn],
                  facts.standards.map { [$0.number ?? "", label($0.level), label($0.role), $0.publishedOn.iso] }),
            table(context, "secretariats", S.secretariats, [C.committee, C.level, C.joint, C.since, C.until],
                  facts.secretariats.map { [$0.committee ?? "", label($0.level), yesNo($0.joint), day($0.since), day($0.until, Strings.Profile.stillHeld)] }),
            table(context, "trademarks", S.trademarks, [C.trademarkNumber, C.trademarkJurisdiction, C.trademarkRegisteredOn],
                  facts.trademarks.map { [$0.number ?? "", label($0.jurisdiction), $0.registeredOn.iso] }),
            table(context, "awards", S.awards, [C.awardKind, C.awardName, C.level, C.year, C.awardDate],
                  facts.awards.map { [label($0.kind), $0.name ?? "", label($0.level), String($0.year), day($0.date)] }),
            table(context, "labs", S.labs, [C.labName, C.independent, C.cnas],
                  facts.labs.map { [$0.name ?? "", yesNo($0.independent), yesNo($0.cnas)] }),
            table(context, "projects", S.projects, [C.projectName, C.level, C.projectKind, C.projectYear],
                  facts.projects.map { [$0.name ?? "", label($0.level), label($0.kind), String($0.year)] }),
            table(context, "professional-titles", S.professionalTitles, [C.titleField, C.titleLevel, C.count],
                  facts.staff.professionalTitles.map { [label($0.field), label($0.level), String($0.count)] }),
            .section(
                .id("facts-practices"),
                .h2(.text(t(S.practices))),
                facts.practices.isEmpty ? .p(.class("muted"), .text(t(Strings.Profile.none)))
                    : .ul(.forEach(facts.practices) { .li(.text(label($0))) })
            ),
            table(context, "attestations", Strings.Profile.findings,
                  [Strings.Profile.findingKey, Strings.Profile.finding, Strings.Profile.findingBy, Strings.Profile.findingOn, C.note],
                  facts.attestations.map { [$0.key, t($0.finding == .met ? Strings.Profile.met : Strings.Profile.notMet), $0.by, $0.on.iso, $0.note ?? ""] }),
            table(context, "titles", Strings.Profile.titlesHeld,
                  [Strings.Profile.programme, Strings.Profile.grantedOn, Strings.Profile.validTo, Strings.Profile.revoked],
                  facts.history.titles.map { title in
                      [title.programme, title.grantedOn.iso, day(title.validTo),
                       title.revokedOn.map { "\($0.iso) \(title.revocationReason ?? "")" } ?? ""]
                  }),
            table(context, "grants", Strings.Profile.grantsReceived,
                  [Strings.Profile.programme, Strings.Profile.matter, Strings.Profile.date, Strings.Profile.amount],
                  facts.history.grants.map { [$0.programme, $0.matter, $0.date.iso, $0.amount.formatted(context.language)] })
        )
    }

    /// One section: its title, then its records, or "暂无".
    static func table(_ context: PageContext, _ id: String, _ title: LocalizedText, _ headers: [LocalizedText],
                      _ rows: [[String]]) -> Node<HTML.BodyContext> {
        .section(
            .id("facts-\(id)"),
            .h2(.text(context.t(title))),
            rows.isEmpty ? .p(.class("muted"), .text(context.t(Strings.Profile.none))) : .table(
                .class("list"),
                .thead(.tr(.forEach(headers) { .th(.text(context.t($0))) })),
                .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })
            )
        )
    }
}
