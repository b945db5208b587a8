import FluentKit
import Foundation
import QualityRules

/// The yearly work report of a title holder (002 第十一条: by 31 January, for the previous year, during the
/// validity), with the report on how the grant was used.
public final class AnnualReport: Model, @unchecked Sendable {
    public static let schema = "annual_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "title_id") public var title: Title
    /// The year reported on.
    @Field(key: "year") public var year: Int
    @Field(key: "due_on") public var dueOn: CalendarDate
    @Field(key: "summary") public var summary: String
    @Field(key: "fund_use") public var fundUse: String
    @OptionalField(key: "file_id") public var fileID: UUID?
    @Field(key: "submitted_at") public var submittedAt: Date
    @Field(key: "late") public var late: Bool

    public init() {}

    public var properties: [any AnyProperty] { [$id, $title, $year, $dueOn, $summary, $fundUse, $fileID, $submittedAt, $late] }

    public init(titleID: UUID, year: Int, dueOn: CalendarDate, summary: String, fundUse: String, fileID: UUID?, submittedAt: Date, late: Bool) {
        self.$title.id = titleID
        self.year = year
        self.dueOn = dueOn
        self.summary = summary
        self.fundUse = fundUse
        self.fileID = fileID
        self.submittedAt = submittedAt
        self.late = late
    }
}

public enum RectificationStatus: String, Codable, CaseIterable, Sendable {
    case open
    /// The missing report came in before the deadline.
    case resolved
    /// The deadline passed without it: the title is revoked.
    case failed
}

/// A rectification notice (整改通知): a report is overdue; file it by the deadline or lose the title.
public final class Rectification: Model, @unchecked Sendable {
    public static let schema = "rectifications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "title_id") public var title: Title
    @Field(key: "report_year") public var reportYear: Int
    @Field(key: "issued_on") public var issuedOn: CalendarDate
    @Field(key: "deadline") public var deadline: CalendarDate
    @Field(key: "status") public var status: RectificationStatus
    @OptionalField(key: "closed_on") public var closedOn: CalendarDate?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $title, $reportYear, $issuedOn, $deadline, $status, $closedOn] }

    public init(titleID: UUID, reportYear: Int, issuedOn: CalendarDate, deadline: CalendarDate) {
        self.$title.id = titleID
        self.reportYear = reportYear
        self.issuedOn = issuedOn
        self.deadline = deadline
        self.status = .open
    }
}

public enum ChangeKind: String, Codable, CaseIterable, Sendable {
    /// 企业名称变更.
    case nameChange = "name_change"
    /// 股权结构重大变更，导致企业性质变化.
    case ownershipChange = "ownership_change"
    /// 经营范围重大变更.
    case scopeChange = "scope_change"
    /// 终止经营.
    case businessEnded = "business_ended"
    /// 企业自行要求终止资格.
    case terminationRequest = "termination_request"
}

public enum ChangeStatus: String, Codable, CaseIterable, Sendable {
    /// Filed by the holder; with the district bureau.
    case filed
    /// The district bureau passed it to the city (报送市局备查).
    case forwarded
    /// The city recorded it (and, where it ends the title, terminated it).
    case recorded
}

/// A change the holder reports after making it (002 第十条), routed district → city.
public final class ChangeReport: Model, @unchecked Sendable {
    public static let schema = "change_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "title_id") public var title: Title
    @Field(key: "kind") public var kind: ChangeKind
    @Field(key: "description") public var details: String
    @Field(key: "effective_on") public var effectiveOn: CalendarDate
    @Field(key: "district") public var district: String
    @Field(key: "status") public var status: ChangeStatus
    @OptionalField(key: "district_note") public var districtNote: String?
    @OptionalField(key: "city_note") public var cityNote: String?
    @Field(key: "filed_at") public var filedAt: Date

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $title, $kind, $details, $effectiveOn, $district, $status, $districtNote, $cityNote, $filedAt]
    }

    public init(titleID: UUID, kind: ChangeKind, details: String, effectiveOn: CalendarDate, district: String, filedAt: Date) {
        self.$title.id = titleID
        self.kind = kind
        self.details = details
        self.effectiveOn = effectiveOn
        self.district = district
        self.status = .filed
        self.filedAt = filedAt
    }
}

public enum ReReviewOutcome: String, Codable, CaseIterable, Sendable {
    case pending
    /// Passed: the title continues for another period.
    case passed
    /// Failed: the title ends with its current period.
    case failed
}

/// The re-review of an innovation centre after three years (002 第八条).
public final class ReReview: Model, @unchecked Sendable {
    public static let schema = "rereviews"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "title_id") public var title: Title
    @Field(key: "due_on") public var dueOn: CalendarDate
    @Field(key: "outcome") public var outcome: ReReviewOutcome
    @OptionalField(key: "findings") public var findings: String?
    @OptionalField(key: "decided_on") public var decidedOn: CalendarDate?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $title, $dueOn, $outcome, $findings, $decidedOn] }

    public init(titleID: UUID, dueOn: CalendarDate) {
        self.$title.id = titleID
        self.dueOn = dueOn
        self.outcome = .pending
    }
}
