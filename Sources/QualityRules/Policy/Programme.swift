/// A recognition title or a funded item under a policy: who qualifies, how they are scored, what they get.
public struct Programme: Sendable, Hashable, Identifiable {
    /// Stable across versions of the file; the database and URLs use it (see `docs/rules.md`).
    public var id: String
    public var kind: ProgrammeKind
    public var title: LocalizedText
    /// Plain language: who qualifies and how much, for an enterprise reading the list.
    public var summary: LocalizedText
    public var citation: Citation
    /// Qualifications: each must be met.
    public var conditions: [Rule]
    /// Circumstances that bar an application, each phrased as the requirement it sets ("no penalty in the
    /// last three years"), so that "met" reads the same way for both lists.
    public var exclusions: [Rule]
    public var rubric: Rubric?
    public var award: AwardRule?
    public var annualQuota: Quota?
    public var titleValidity: YearsWithCitation?
    public var materials: [Material]
    public var procedure: [ProcedureStage]
    /// Application windows published by the policy or by a yearly call; a new year's call is a data change.
    public var calls: [CallWindow]
    public var notes: LocalizedText?
    /// What a holder owes during the validity: yearly reports, a re-review (002 第八条、第十一条).
    public var supervision: Supervision? = nil

    /// Years an enterprise whose title was revoked must wait, read from its `revocationBan` rule.
    public var reapplicationBanYears: Int? {
        for rule in conditions + exclusions {
            if case .revocationBan(let ban) = rule.kind { return ban.years }
        }
        return nil
    }

    public var titleValidityYears: Int? { titleValidity?.years }

    public var allRules: [Rule] { conditions + exclusions }

    /// The call whose application window holds `date`, or failing that the latest call of that year.
    public func call(on date: CalendarDate) -> CallWindow? {
        if let open = calls.first(where: { $0.window.contains(date) }) { return open }
        return calls.filter { $0.year == date.year }.max { $0.window.start < $1.window.start }
    }
}

public enum ProgrammeKind: String, Sendable, Codable, CaseIterable {
    /// A title (骨干企业, 创新中心): conditions, perhaps a rubric, a validity period.
    case recognition
    /// Money for a matter (a certificate, an award won, a project): conditions plus grant constraints.
    case grant
}

public struct Quota: Sendable, Hashable, Codable {
    /// At most this many per year (000: 100; 002: 5, "含5家").
    public var perYear: Int
    public var citation: Citation
}

public struct YearsWithCitation: Sendable, Hashable, Codable {
    public var years: Int
    public var citation: Citation
}

public struct Material: Sendable, Hashable, Codable {
    public var name: LocalizedText
    public var citation: Citation?
}

public struct ProcedureStage: Sendable, Hashable, Codable {
    /// A stable key the workflow can refer to: eligibilityReview, materialReview, onSiteReview…
    public var id: String
    public var name: LocalizedText
    public var citation: Citation?
}

/// One application window: "即日起至11月30日".
public struct CallWindow: Sendable, Hashable, Codable {
    public var year: Int
    public var window: DayRange
    public var citation: Citation?

    /// The day applications close; a look-back "from that year's deadline" is anchored here.
    public var deadline: CalendarDate? { window.end }
}

/// Duties of a title holder during the validity of the title.
public struct Supervision: Sendable, Hashable {
    /// A yearly work report on the previous year, due on a fixed day ("每年 1 月 31 日前").
    public var annualReport: AnnualReportDuty?
    /// A re-review after so many years ("评审通过三年后…复审").
    public var reReview: YearsWithCitation?
}

public struct AnnualReportDuty: Sendable, Hashable {
    public var dueMonth: Int
    public var dueDay: Int
    public var citation: Citation

    /// The day the report on `year` is due: in the following year.
    public func dueDate(forYear year: Int) -> CalendarDate {
        CalendarDate(year: year + 1, month: dueMonth, day: min(dueDay, CalendarDate.daysIn(month: dueMonth, year: year + 1)))!
    }

    /// The years whose report falls due inside `validity` (a due day within the title's validity).
    public func reportYears(within validity: DayRange) -> [Int] {
        let last = validity.end?.year ?? validity.start.year + 100
        return (validity.start.year...last).filter { validity.contains(dueDate(forYear: $0)) }
    }
}
