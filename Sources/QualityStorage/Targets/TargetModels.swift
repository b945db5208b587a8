import FluentKit
import Foundation
import QualityRules

/// A member unit of the joint conference (联席会议成员单位, 001 四（一）) that answers for indicators.
/// Accounts of role `department` name theirs by `name`.
public final class Department: Model, @unchecked Sendable {
    public static let schema = "departments"

    @ID(key: .id) public var id: UUID?
    /// The Chinese name, as on the task breakdown and on officers' accounts: "市发展改革委".
    @Field(key: "name") public var name: String
    @Field(key: "name_en") public var nameEN: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $name, $nameEN, $createdAt] }

    public init(name: String, nameEN: String) {
        self.name = name
        self.nameEN = nameEN
    }

    public var label: LocalizedText { LocalizedText(zh: name, en: nameEN) }
}

/// A city quality indicator with its target: loaded from the policy catalogue (001's 2015 targets) or added by
/// the city bureau for a later plan. The target is exact decimal text, never a floating-point number.
public final class CityIndicator: Model, @unchecked Sendable {
    public static let schema = "indicators"

    @ID(key: .id) public var id: UUID?
    /// The catalogue id ("energy-per-gdp") or one the city chose; stable, unique.
    @Field(key: "key") public var key: String
    @Field(key: "name_zh") public var nameZH: String
    @Field(key: "name_en") public var nameEN: String
    @Field(key: "unit_zh") public var unitZH: String
    @Field(key: "unit_en") public var unitEN: String
    @Field(key: "target") public var target: String
    @Field(key: "direction") public var direction: TargetDirection
    /// The first year values are expected for (001, issued in 2010: from 2011).
    @Field(key: "first_year") public var firstYear: Int
    @OptionalField(key: "target_year") public var targetYear: Int?
    /// A standing yearly target ("每年…不少于150个"): each year's value is judged on its own.
    @Field(key: "per_year") public var perYear: Bool
    /// The plan it belongs to: "深府〔2010〕183号", or the city's name for a later plan.
    @Field(key: "plan") public var plan: String
    @OptionalField(key: "clause_zh") public var clauseZH: String?
    @OptionalField(key: "clause_en") public var clauseEN: String?
    @OptionalField(key: "citation_text") public var citationText: String?
    /// "stated" or "inferred" (001's task breakdown annex is empty in the seed).
    @Field(key: "departments_basis") public var departmentsBasis: String
    @Field(key: "sort_order") public var sortOrder: Int
    @Field(key: "is_active") public var isActive: Bool
    /// "catalog" (loaded from a policy file) or "city" (added on the platform).
    @Field(key: "source") public var source: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @Children(for: \.$indicator) public var departments: [IndicatorDepartment]

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $key, $nameZH, $nameEN, $unitZH, $unitEN, $target, $direction, $firstYear, $targetYear, $perYear, $plan,
         $clauseZH, $clauseEN, $citationText, $departmentsBasis, $sortOrder, $isActive, $source, $createdAt, $departments]
    }

    public init(key: String, name: LocalizedText, unit: LocalizedText, target: String, direction: TargetDirection, firstYear: Int,
                targetYear: Int?, perYear: Bool, plan: String, clause: LocalizedText?, citationText: String?, departmentsBasis: String,
                sortOrder: Int, source: String) {
        self.key = key
        self.nameZH = name.zh
        self.nameEN = name.en
        self.unitZH = unit.zh
        self.unitEN = unit.en
        self.target = target
        self.direction = direction
        self.firstYear = firstYear
        self.targetYear = targetYear
        self.perYear = perYear
        self.plan = plan
        self.clauseZH = clause?.zh
        self.clauseEN = clause?.en
        self.citationText = citationText
        self.departmentsBasis = departmentsBasis
        self.sortOrder = sortOrder
        self.isActive = true
        self.source = source
    }

    public var name: LocalizedText { LocalizedText(zh: nameZH, en: nameEN) }
    public var unit: LocalizedText { LocalizedText(zh: unitZH, en: unitEN) }
    public var clause: LocalizedText? { clauseZH.map { LocalizedText(zh: $0, en: clauseEN ?? $0) } }
    public var isPercent: Bool { unitZH == "%" }

    /// Whether values are expected for `year`: from the first year through the target year (or for ever).
    public func expects(year: Int) -> Bool {
        year >= firstYear && (targetYear.map { year <= $0 } ?? true)
    }
}

/// The task breakdown (任务分解表): which departments answer for an indicator; the lead (牵头单位) reports
/// on time, the others (配合单位) may report too.
public final class IndicatorDepartment: Model, @unchecked Sendable {
    public static let schema = "indicator_departments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "indicator_id") public var indicator: CityIndicator
    @Field(key: "department") public var department: String
    @Field(key: "lead") public var lead: Bool

    public init() {}

    public var properties: [any AnyProperty] { [$id, $indicator, $department, $lead] }

    public init(indicatorID: UUID, department: String, lead: Bool) {
        self.$indicator.id = indicatorID
        self.department = department
        self.lead = lead
    }
}

/// A reporting period: one calendar year, with the day its values are due.
public final class ReportingPeriod: Model, @unchecked Sendable {
    public static let schema = "reporting_periods"

    @ID(key: .id) public var id: UUID?
    @Field(key: "year") public var year: Int
    @Field(key: "due_on") public var dueOn: CalendarDate
    @Field(key: "is_demo") public var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $year, $dueOn, $isDemo, $createdAt] }

    public init(year: Int, dueOn: CalendarDate, isDemo: Bool = false) {
        self.year = year
        self.dueOn = dueOn
        self.isDemo = isDemo
    }
}

/// A value reported for an indicator and a period, with its evidence. Reports are never overwritten: a
/// correction is a later report, and the latest one counts.
public final class IndicatorReport: Model, @unchecked Sendable {
    public static let schema = "indicator_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "indicator_id") public var indicator: CityIndicator
    @Parent(key: "period_id") public var period: ReportingPeriod
    /// Exact decimal text in the indicator's unit ("0.46", "3120").
    @Field(key: "value") public var value: String
    @Field(key: "note") public var note: String
    @OptionalParent(key: "evidence_file_id") public var evidence: EvidenceFile?
    @Field(key: "department") public var department: String
    @Parent(key: "reported_by") public var reportedBy: Account
    @Field(key: "reported_at") public var reportedAt: Date
    /// Filed after the period's due day (Asia/Shanghai).
    @Field(key: "late") public var late: Bool
    @Field(key: "is_demo") public var isDemo: Bool

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $indicator, $period, $value, $note, $evidence, $department, $reportedBy, $reportedAt, $late, $isDemo]
    }

    public init(indicatorID: UUID, periodID: UUID, value: String, note: String, evidenceFileID: UUID?, department: String,
                reportedBy: UUID, reportedAt: Date, late: Bool, isDemo: Bool = false) {
        self.$indicator.id = indicatorID
        self.$period.id = periodID
        self.value = value
        self.note = note
        self.$evidence.id = evidenceFileID
        self.department = department
        self.$reportedBy.id = reportedBy
        self.reportedAt = reportedAt
        self.late = late
        self.isDemo = isDemo
    }
}
