import Foundation
import QualityRules
import QualityStorage

/// The state of the city's quality targets on a day, worked out from the stored indicators, periods and
/// reports: each indicator's values over time against its target, who is late, and each department's score
/// (001 五（五）开展效果评价). Plain values, so pages and the XLSX export are built from mock boards in tests.
struct TargetsBoard: Sendable {
    struct Point: Sendable, Equatable {
        var year: Int
        /// Exact decimal text as reported; nil when nothing was reported for the year.
        var value: String?
        var status: TargetStatus
        /// The due day passed with nothing reported, or the value came in after it.
        var late: Bool
        var reportID: UUID?
        var reportedBy: String?
        var note: String?
    }

    struct Row: Sendable {
        var id: UUID
        var key: String
        var name: LocalizedText
        var unit: LocalizedText
        var target: String
        var direction: TargetDirection
        var firstYear: Int
        var targetYear: Int?
        var perYear: Bool
        var plan: String
        var clause: LocalizedText?
        var citationText: String?
        var departmentsInferred: Bool
        /// The lead department first.
        var departments: [(name: String, lead: Bool)]
        /// One point per period the indicator expects, oldest first.
        var points: [Point]

        /// The most recent reported value, which the status is judged on.
        var latest: Point? { points.last { $0.value != nil } }
        var status: TargetStatus { latest?.status ?? .notReported }
        var leads: [String] {
            let leads = departments.filter(\.lead).map(\.name)
            return leads.isEmpty ? departments.map(\.name) : leads
        }

        func point(year: Int) -> Point? { points.first { $0.year == year } }

        /// "≥ 3,000 家 (2015)".
        func targetText(_ language: Language) -> String {
            let year = targetYear.map { " (\($0))" } ?? ""
            let every = perYear ? (language == .zh ? "每年" : "a year ") : ""
            return "\(every)\(direction.symbol) \(target) \(unit.text(language))\(year)"
        }
    }

    struct Overdue: Sendable, Equatable {
        var department: String
        var indicator: LocalizedText
        var year: Int
        var dueOn: CalendarDate
    }

    struct DepartmentScore: Sendable, Equatable {
        var department: LocalizedText
        var responsible: Int
        var reported: Int
        var onTrack: Int
        /// Values that are "about N" goals, reported but not judged.
        var unjudged: Int
        /// Due, not reported, and the department leads the indicator.
        var overdue: Int
        /// Reported after the due day by this department.
        var filedLate: Int

        var reportedPercent: Int { responsible == 0 ? 0 : reported * 100 / responsible }
        var onTrackPercent: Int { responsible == 0 ? 0 : onTrack * 100 / responsible }
    }

    struct Period: Sendable, Equatable {
        var id: UUID?
        var year: Int
        var dueOn: CalendarDate
    }

    var rows: [Row]
    /// Oldest first.
    var periods: [Period]
    var departmentNames: [String: LocalizedText]
    var today: CalendarDate

    init(rows: [Row], periods: [Period], departmentNames: [String: LocalizedText], today: CalendarDate) {
        self.rows = rows
        self.periods = periods
        self.departmentNames = departmentNames
        self.today = today
    }

    init(indicators: [CityIndicator], periods: [ReportingPeriod], reports: [IndicatorReport], departments: [Department], today: CalendarDate) {
        // The latest report per (indicator, period); `reports` come oldest first.
        var latest: [String: IndicatorReport] = [:]
        for report in reports { latest["\(report.$indicator.id)|\(report.$period.id)"] = report }
        self.rows = indicators.map { indicator in
            let points = periods.filter { indicator.expects(year: $0.year) }.map { period -> Point in
                let report = latest["\(indicator.id!)|\(period.id!)"]
                let status = TargetProgress.status(value: report?.value, target: indicator.target, direction: indicator.direction)
                return Point(year: period.year, value: report?.value, status: status,
                             late: report.map(\.late) ?? (today > period.dueOn),
                             reportID: report?.id, reportedBy: report?.department, note: report?.note)
            }
            let departments = indicator.departments.sorted { ($0.lead ? 0 : 1, $0.department) < ($1.lead ? 0 : 1, $1.department) }
                .map { (name: $0.department, lead: $0.lead) }
            return Row(id: indicator.id!, key: indicator.key, name: indicator.name, unit: indicator.unit, target: indicator.target,
                       direction: indicator.direction, firstYear: indicator.firstYear, targetYear: indicator.targetYear,
                       perYear: indicator.perYear, plan: indicator.plan, clause: indicator.clause, citationText: indicator.citationText,
                       departmentsInferred: indicator.departmentsBasis == DepartmentsBasis.inferred.rawValue,
                       departments: departments, points: points)
        }
        self.periods = periods.map { Period(id: $0.id, year: $0.year, dueOn: $0.dueOn) }
        self.departmentNames = Dictionary(departments.map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        self.today = today
    }

    var periodIDs: [Int: UUID] {
        Dictionary(periods.compactMap { period in period.id.map { (period.year, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    func departmentLabel(_ name: String) -> LocalizedText {
        departmentNames[name] ?? LocalizedText(zh: name, en: name)
    }

    /// Values due and not reported, by lead department: who is late in reporting.
    var overdue: [Overdue] {
        rows.flatMap { row in
            row.points.filter { $0.value == nil && $0.late }.flatMap { point in
                row.leads.map { Overdue(department: $0, indicator: row.name, year: point.year, dueOn: dueOn(point.year)) }
            }
        }
        .sorted { ($0.department, $0.year) < ($1.department, $1.year) }
    }

    func dueOn(_ year: Int) -> CalendarDate {
        periods.first { $0.year == year }?.dueOn ?? CalendarDate(year: year + 1, month: 1, day: 31)!
    }

    /// The latest year that has a period, for the evaluation to default to: the last one already due.
    var currentYear: Int? {
        periods.last { $0.dueOn < today }?.year ?? periods.last?.year
    }

    /// Each department's indicators for `year`: how many it answers for, how many are reported and on track.
    func scores(year: Int) -> [DepartmentScore] {
        let names = Set(rows.flatMap { $0.departments.map(\.name) }).sorted()
        return names.compactMap { name -> DepartmentScore? in
            let mine = rows.filter { row in row.departments.contains { $0.name == name } }
            let points = mine.compactMap { row in row.point(year: year).map { (row, $0) } }
            guard !points.isEmpty else { return nil }
            return DepartmentScore(
                department: departmentLabel(name), responsible: points.count,
                reported: points.filter { $0.1.value != nil }.count,
                onTrack: points.filter { $0.1.status == .met }.count,
                unjudged: points.filter { $0.1.status == .unjudged }.count,
                overdue: points.filter { $0.1.value == nil && $0.1.late && $0.0.leads.contains(name) }.count,
                filedLate: points.filter { $0.1.value != nil && $0.1.late && $0.1.reportedBy == name }.count)
        }
    }

    /// Counts for a year across all indicators: expected, reported, on track, behind.
    func totals(year: Int) -> (expected: Int, reported: Int, onTrack: Int, behind: Int) {
        let points = rows.compactMap { $0.point(year: year) }
        return (points.count, points.filter { $0.value != nil }.count, points.filter { $0.status == .met }.count,
                points.filter { $0.status == .notMet }.count)
    }

    /// The board as it stood for `year`: each row's points up to that year.
    func upTo(year: Int) -> TargetsBoard {
        var copy = self
        copy.rows = rows.map { row in
            var row = row
            row.points = row.points.filter { $0.year <= year }
            return row
        }
        return copy
    }
}
