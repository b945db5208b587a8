/// One rule that applied to a file, with the records that made it apply.
public struct CreditFinding: Sendable, Hashable, Codable {
    public var rule: CreditRule
    /// The records, described as explanations describe them ("2024-03-01 市级行政处罚（市场秩序…）").
    public var records: [LocalizedText]

    public var grade: CreditGrade { rule.grade }
}

/// The grade of a credit file on a day, and why.
public struct CreditAssessment: Sendable, Hashable, Codable {
    public var grade: CreditGrade
    public var on: CalendarDate
    /// The three years the look-back rules read.
    public var window: DayRange
    /// Every rule that applied, worst first. A grade A file lists its positive references.
    public var findings: [CreditFinding]
    public var rulesVersion: String

    /// "C 级（失信警示）：近三年在质量安全…受到行政处罚" — the findings that set the grade.
    public var summary: LocalizedText {
        let deciding = findings.filter { $0.grade == grade }.map(\.rule.label)
        let reasons = LocalizedText.joined(deciding)
        return LocalizedText(zh: "\(grade.label.zh)：\(reasons.zh)", en: "\(grade.label.en): \(reasons.en)")
    }
}

/// Computes the credit grade from the same `EnterpriseFacts` the rules engine evaluates applications with,
/// so a penalty recorded in the credit file lowers the grade and bars an application alike. Pure.
///
/// Stages: keep the records as they stood on the day → classify each adverse record (serious, minor) by the
/// rules in `CreditRules` → escalate repeats → look for positive references → the worst grade found.
public enum CreditGrading {
    public static func assess(_ facts: EnterpriseFacts, on day: CalendarDate) -> CreditAssessment {
        let window = CreditRules.lookBack.interval(endingOn: day)
        var hits: [String: [LocalizedText]] = [:]
        func hit(_ rule: CreditRule, _ record: LocalizedText) { hits[rule.id, default: []].append(record) }

        if facts.registration.operatingStatus == .revoked {
            hit(CreditRules.licenceRevoked, LocalizedText(zh: "登记状态：吊销", en: "registry status: licence revoked"))
        }
        var serious = 0
        var minor = 0
        for event in facts.events.sorted(by: { $0.date < $1.date }) where event.date <= day {
            guard let rule = classify(event, inWindow: window.contains(event.date)) else { continue }
            hit(rule, describe(event))
            switch rule.grade {
            case .c: serious += 1
            case .b: minor += 1
            default: break
            }
        }
        for title in facts.history.titles {
            if let revoked = title.revokedOn, revoked <= day, window.contains(revoked) {
                let reason = title.revocationReason.map { "：\($0)" } ?? ""
                let reasonEn = title.revocationReason.map { ": \($0)" } ?? ""
                hit(CreditRules.titleRevoked, LocalizedText(zh: "\(revoked.iso) 取消“\(title.programme)”资格\(reason)",
                                                            en: "\(revoked.iso) title \(title.programme) revoked\(reasonEn)"))
                serious += 1
            }
        }
        if serious >= 2 {
            hit(CreditRules.repeatedSerious, LocalizedText(zh: "严重不良记录 \(serious) 项", en: "\(serious) serious records"))
        }
        if minor >= 3 {
            hit(CreditRules.repeatedAdverse, LocalizedText(zh: "一般不良记录 \(minor) 项", en: "\(minor) minor adverse records"))
        }
        if hits.isEmpty {
            for title in facts.history.titles where holds(title, on: day) {
                hit(CreditRules.validTitle, LocalizedText(zh: "“\(title.programme)”称号，有效期至 \(title.validTo?.iso ?? "长期")",
                                                          en: "title \(title.programme), valid to \(title.validTo?.iso ?? "no end")"))
            }
            for award in facts.awards where governmentQualityAwards.contains(award.kind) && awardInWindow(award, window: window, day: day) {
                let name = award.name ?? award.kind.label.zh
                hit(CreditRules.recentQualityAward, LocalizedText(zh: "\(award.year) 年\(name)", en: "\(award.kind.label.en) \(award.year)"))
            }
            if hits.isEmpty {
                hit(CreditRules.noPositiveReference, LocalizedText(zh: "近三年无不良记录", en: "no adverse record in the last three years"))
            }
        }
        let findings = CreditRules.all.compactMap { rule in hits[rule.id].map { CreditFinding(rule: rule, records: $0) } }
        let grade = findings.filter { $0.grade != .a }.map(\.grade).max() ?? .a
        return CreditAssessment(grade: grade, on: day, window: window, findings: findings, rulesVersion: CreditRules.version)
    }

    /// The rule an adverse record falls under, or nil when it is not adverse (a passed check, a complaint
    /// not upheld, a pending one) or lies outside the look-back. Mirrors 000's exclusions, so that what bars
    /// an application is at least a C.
    static func classify(_ event: Event, inWindow: Bool) -> CreditRule? {
        if event.kind == .violationRecord { return CreditRules.violationRecord }
        guard inWindow else { return nil }
        switch event.kind {
        case .accident:
            guard event.severity == .major else { return CreditRules.adverse }
            return [.quality, .productionSafety, .environment].contains(event.area) ? CreditRules.majorAccident : CreditRules.majorAccidentOther
        case .penalty:
            if event.severity >= .serious { return CreditRules.seriousPenalty }
            return penaltyAreas.contains(event.area) ? CreditRules.penalty : CreditRules.adverse
        case .complaint:
            guard event.outcome == .substantiated else { return nil }
            return event.severity == .major ? CreditRules.majorComplaint : CreditRules.adverse
        case .spotCheck:
            guard event.outcome == .failed else { return nil }
            let counted: [AdministrativeLevel] = [.national, .provincial, .municipal]
            return event.severity >= .serious && counted.contains(event.level) ? CreditRules.seriousSpotCheck : CreditRules.adverse
        case .commissionedTest:
            return event.outcome == .failed ? CreditRules.adverse : nil
        case .violationRecord:
            return CreditRules.violationRecord
        }
    }

    /// 000 exclusion (2): "质量安全、节能环保、市场秩序、知识产权等方面".
    static let penaltyAreas: [EventArea] = [.quality, .productionSafety, .energyConservation, .environment, .marketOrder, .intellectualProperty]

    static let governmentQualityAwards: [AwardKind] = [
        .chinaQualityAward, .chinaQualityAwardNomination, .guangdongQualityAward, .guangdongQualityAwardNomination,
        .shenzhenMayorQualityAward, .governmentQualityAward,
    ]

    /// Held on the day: granted by then, not yet expired, not revoked or terminated by then.
    static func holds(_ title: TitleRecord, on day: CalendarDate) -> Bool {
        title.grantedOn <= day && (title.validTo.map { day <= $0 } ?? true)
            && (title.revokedOn.map { day < $0 } ?? true) && (title.terminatedOn.map { day < $0 } ?? true)
    }

    /// Awards carry a year (and perhaps a day): in the window when the year is, and not after the day.
    static func awardInWindow(_ award: AwardRecord, window: DayRange, day: CalendarDate) -> Bool {
        if let date = award.date { return window.contains(date) }
        return award.year >= window.start.year && award.year <= day.year
    }

    static func describe(_ e: Event) -> LocalizedText {
        let reference = e.reference.map { "，\($0)" } ?? ""
        let referenceEn = e.reference.map { ", \($0)" } ?? ""
        return LocalizedText(
            zh: "\(e.date.iso) \(e.level.label.zh)\(e.kind.label.zh)（\(e.area.label.zh)，\(e.severity.label.zh)，\(e.outcome.label.zh)\(reference)）",
            en: "\(e.kind.label.en) on \(e.date.iso) (\(e.level.label.en), \(e.area.label.en), \(e.severity.label.en), \(e.outcome.label.en)\(referenceEn))")
    }
}
