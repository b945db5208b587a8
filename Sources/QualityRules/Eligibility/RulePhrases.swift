/// The sentences of eligibility explanations, zh-CN and English side by side, kept in one table so that
/// wording can be reviewed (and corrected) in one place.
enum Phrase {
    static func cited(_ text: LocalizedText, _ citation: Citation) -> LocalizedText {
        LocalizedText(zh: "\(text.zh)（\(citation.clause.zh)）", en: "\(text.en) (\(citation.clause.en))")
    }

    static func list(_ items: [LocalizedText]) -> LocalizedText {
        LocalizedText.joined(items, zh: "、", en: ", ")
    }

    static func region(code: String, region: LocalizedText, met: Bool) -> LocalizedText {
        met ? LocalizedText(zh: "登记地行政区划代码 \(code)，属\(region.zh)", en: "Registered in division \(code), which is in \(region.en)")
            : LocalizedText(zh: "登记地行政区划代码 \(code)，不属\(region.zh)", en: "Registered in division \(code), which is outside \(region.en)")
    }

    static func registeredYears(since: CalendarDate, years: Int, completes: CalendarDate, on day: CalendarDate,
                                met: Bool) -> LocalizedText {
        let whole = since.wholeYears(until: day)
        if met {
            return LocalizedText(zh: "\(since.iso) 登记注册，至 \(day.iso) 已满 \(whole) 年，不少于 \(years) 年",
                                 en: "Registered on \(since.iso): \(whole) full years by \(day.iso), at least \(years)")
        }
        return LocalizedText(zh: "\(since.iso) 登记注册，至 \(day.iso) 不满 \(years) 年（\(completes.iso) 届满）",
                             en: "Registered on \(since.iso): fewer than \(years) years by \(day.iso) (reached on \(completes.iso))")
    }

    static func operatingStatus(_ status: OperatingStatus, allowed: [OperatingStatus]) -> LocalizedText {
        allowed.contains(status)
            ? LocalizedText(zh: "经营状态为“\(status.label.zh)”", en: "Operating status is '\(status.label.en)'")
            : LocalizedText(zh: "经营状态为“\(status.label.zh)”，须为\(list(allowed.map(\.label)).zh)",
                            en: "Operating status is '\(status.label.en)'; it must be \(list(allowed.map(\.label)).en)")
    }

    static func legalForm(_ form: LegalForm, allowed: [LegalForm]) -> LocalizedText {
        allowed.contains(form)
            ? LocalizedText(zh: "组织形式为\(form.label.zh)", en: "Legal form: \(form.label.en)")
            : LocalizedText(zh: "组织形式为\(form.label.zh)，须为\(list(allowed.map(\.label)).zh)",
                            en: "Legal form is \(form.label.en); it must be \(list(allowed.map(\.label)).en)")
    }

    static func industry(code: String, sections: [String], met: Bool) -> LocalizedText {
        let wanted = sections.joined(separator: "、")
        return met
            ? LocalizedText(zh: "行业代码 \(code) 属 GB/T 4754 门类 \(wanted)", en: "Industry code \(code) is in GB/T 4754 section \(sections.joined(separator: ", "))")
            : LocalizedText(zh: "行业代码 \(code) 不属 GB/T 4754 门类 \(wanted)", en: "Industry code \(code) is not in GB/T 4754 section \(sections.joined(separator: ", "))")
    }

    static func cqo(_ cqo: ChiefQualityOfficer, requireTrained: Bool) -> LocalizedText {
        switch (cqo.appointed, cqo.trained) {
        case (false, _): LocalizedText(zh: "未建立首席质量官制度（未任命首席质量官）", en: "No chief quality officer system (no CQO appointed)")
        case (true, false) where requireTrained:
            LocalizedText(zh: "已任命首席质量官，但无任职培训证书", en: "A CQO is appointed but holds no CQO training certificate")
        default: LocalizedText(zh: "已建立首席质量官制度并任命首席质量官", en: "A chief quality officer system is in place with an appointed CQO")
        }
    }

    static func tax(total: Money, minimum: Money, years: [Int], missing: [Int], met: Bool) -> LocalizedText {
        let span = "\(years.first ?? 0)–\(years.last ?? 0)"
        let gapZh = missing.isEmpty ? "" : "（缺 \(missing.map(String.init).joined(separator: "、")) 年纳税记录，按 0 计）"
        let gapEn = missing.isEmpty ? "" : " (no tax record for \(missing.map(String.init).joined(separator: ", ")); counted as zero)"
        return met
            ? LocalizedText(zh: "近三年（\(span) 年）纳税总额 \(total.formatted(.zh))\(gapZh)，达到 \(minimum.formatted(.zh))",
                            en: "Tax paid in \(span): \(total.formatted(.en))\(gapEn), at least \(minimum.formatted(.en))")
            : LocalizedText(zh: "近三年（\(span) 年）纳税总额 \(total.formatted(.zh))\(gapZh)，低于 \(minimum.formatted(.zh))",
                            en: "Tax paid in \(span): \(total.formatted(.en))\(gapEn), below \(minimum.formatted(.en))")
    }

    static func hasRecords(_ label: LocalizedText, found: [MatchedRecord], atLeast: Int) -> LocalizedText {
        let items = list(found.map(\.description))
        if found.count >= atLeast {
            return LocalizedText(zh: "\(label.zh)：\(items.zh)", en: "\(label.en): \(items.en)")
        }
        if found.isEmpty {
            return LocalizedText(zh: "未满足“\(label.zh)”：无相应记录", en: "Not met, '\(label.en)': no such record")
        }
        return LocalizedText(zh: "未满足“\(label.zh)”：仅有 \(found.count) 项（\(items.zh)），须至少 \(atLeast) 项",
                             en: "Not met, '\(label.en)': only \(found.count) (\(items.en)); at least \(atLeast) required")
    }

    static func windowText(_ window: DayRange?) -> LocalizedText {
        guard let window else { return LocalizedText(zh: "", en: "") }
        let end = window.end?.iso ?? ""
        return LocalizedText(zh: "（\(window.start.iso) 至 \(end)）", en: " (\(window.start.iso) to \(end))")
    }

    static func noRecords(_ label: LocalizedText, found: [MatchedRecord], window: DayRange?,
                          anchors: Anchors) -> LocalizedText {
        let span = windowText(window)
        if found.isEmpty {
            return LocalizedText(zh: "\(label.zh)\(span.zh)：无相应记录", en: "\(label.en)\(span.en): no such record")
        }
        let items = list(found.map(\.description))
        return LocalizedText(zh: "不符合“\(label.zh)”\(span.zh)：\(items.zh)", en: "Fails '\(label.en)'\(span.en): \(items.en)")
    }

    static func awaitingFinding(_ label: LocalizedText, key: String) -> LocalizedText {
        LocalizedText(zh: "“\(label.zh)”需评审人员作出认定（认定项 \(key)）",
                      en: "'\(label.en)' needs a reviewer's finding (attestation \(key))")
    }

    static func attested(_ label: LocalizedText, _ finding: Attestation) -> LocalizedText {
        let note = finding.note.map { "：\($0)" } ?? ""
        let noteEn = finding.note.map { ": \($0)" } ?? ""
        return finding.finding == .met
            ? LocalizedText(zh: "评审人员 \(finding.by) 于 \(finding.on.iso) 认定“\(label.zh)”符合\(note)",
                            en: "Reviewer \(finding.by) found '\(label.en)' met on \(finding.on.iso)\(noteEn)")
            : LocalizedText(zh: "评审人员 \(finding.by) 于 \(finding.on.iso) 认定“\(label.zh)”不符合\(note)",
                            en: "Reviewer \(finding.by) found '\(label.en)' not met on \(finding.on.iso)\(noteEn)")
    }

    static func banned(_ title: TitleRecord, years: Int, endsOn: CalendarDate) -> LocalizedText {
        let reason = title.revocationReason.map { "（\($0)）" } ?? ""
        let reasonEn = title.revocationReason.map { " (\($0))" } ?? ""
        let revoked = title.revokedOn?.iso ?? ""
        return LocalizedText(zh: "资格于 \(revoked) 被取消\(reason)，\(years) 年内不得重新申请，\(endsOn.iso) 起方可申请",
                             en: "The title was revoked on \(revoked)\(reasonEn); no re-application for \(years) years, so not before \(endsOn.iso)")
    }

    static func notBanned(years: Int) -> LocalizedText {
        LocalizedText(zh: "近 \(years) 年内无被取消资格记录", en: "No title revoked in the last \(years) years")
    }
}
