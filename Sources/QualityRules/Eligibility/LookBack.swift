/// The day a look-back window ends on.
public enum Anchor: String, Sendable, Codable, CaseIterable {
    /// The day the evaluation is made for (000: "近三年" counted back from the day of review).
    case evaluationDate
    /// That year's application deadline (002 第六条第（八）项: "指申请企业当年申请截止日期起向前推算一年").
    case applicationDeadline
}

/// "近 N 年": the inclusive window [anchor − N years, anchor].
///
/// Both ends count: a penalty exactly three years before the anchor day is "within the last three years",
/// one a day earlier is not (民法典 第一千二百五十九条: 以上、以下、以内 include the number itself).
public struct LookBack: Sendable, Hashable, Codable {
    public var years: Int
    public var anchor: Anchor

    public init(years: Int, anchor: Anchor = .evaluationDate) {
        self.years = years
        self.anchor = anchor
    }

    public func interval(endingOn day: CalendarDate) -> DayRange {
        DayRange(start: day.adding(years: -years), end: day)
    }
}

/// The days an evaluation is made for, from which every window is measured.
public struct Anchors: Sendable, Hashable, Codable {
    public var evaluationDate: CalendarDate
    public var applicationDeadline: CalendarDate
    /// Where the deadline came from, so the explanation can say so.
    public var deadlineSource: DeadlineSource

    public enum DeadlineSource: String, Sendable, Hashable, Codable {
        /// The caller named it (the call the application belongs to).
        case given
        /// A call in the policy file.
        case call
        /// Neither: the evaluation date stands in for it.
        case evaluationDate
    }

    public func day(_ anchor: Anchor) -> CalendarDate {
        switch anchor {
        case .evaluationDate: evaluationDate
        case .applicationDeadline: applicationDeadline
        }
    }

    public func window(_ lookBack: LookBack) -> DayRange {
        lookBack.interval(endingOn: day(lookBack.anchor))
    }
}
