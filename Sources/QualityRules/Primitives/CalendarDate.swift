import Foundation

/// A calendar date of law: a day in Asia/Shanghai, with no time of day and no time zone arithmetic.
///
/// Deadlines, look-back windows and in-force periods in the seed documents are stated in days and years
/// ("近三年", "自 2022 年 3 月 1 日起施行，有效期 3 年"). Comparing `Date` values across time zones gets
/// those wrong at midnight, so the engine only ever compares `CalendarDate`s.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for dates that do not exist (2023-02-29, 2024-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict ISO 8601 calendar date, `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before). Cheap to compare and store in columns.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Adds calendar months; the 31st of a shorter month becomes its last day (2024-01-31 + 1 month = 2024-02-29).
    /// Results beyond the supported years (1…9999) are clamped to 0001-01-01 or 9999-12-31 rather than
    /// crashing: a look-back of ten years from 0005-06-01 simply starts at the beginning of the calendar.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        guard total >= 12 else { return CalendarDate(year: 1, month: 1, day: 1)! }
        guard total < 10_000 * 12 else { return CalendarDate(year: 9999, month: 12, day: 31)! }
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay)!
    }

    /// Adds calendar years; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        adding(months: years * 12)
    }

    /// The last day of a period of `years` that starts on this day: "自 2022 年 3 月 1 日起施行，有效期 3 年"
    /// runs through 2025-02-28.
    public func lastDayOfPeriod(years: Int) -> CalendarDate {
        adding(years: years).adding(days: -1)
    }

    /// Whole years from this date to `later` (negative if `later` is earlier): the largest n with
    /// `adding(years: n) <= later`. This agrees with `adding(years:)` for 29 February, where a year is
    /// complete on 28 February of a common year (民法典 第二百零二条: with no corresponding day, the period
    /// ends on the last day of the month); a birthday-style count would wait until 1 March.
    public func wholeYears(until later: CalendarDate) -> Int {
        var years = later.year - year
        if adding(years: years) > later { years -= 1 }
        else if adding(years: years + 1) <= later { years += 1 }
        return years
    }

    /// Built by hand: `String(format:)` costs microseconds on Linux, and explanations print many dates.
    public var iso: String {
        var bytes: [UInt8] = [48, 48, 48, 48, 45, 48, 48, 45, 48, 48]
        var y = year
        for index in stride(from: 3, through: 0, by: -1) { bytes[index] = UInt8(48 + y % 10); y /= 10 }
        bytes[5] = UInt8(48 + month / 10); bytes[6] = UInt8(48 + month % 10)
        bytes[8] = UInt8(48 + day / 10); bytes[9] = UInt8(48 + day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a real calendar date in YYYY-MM-DD form")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// An inclusive range of calendar days, e.g. an in-force period or a look-back window.
public struct DayRange: Hashable, Sendable, Codable {
    public var start: CalendarDate
    /// Nil means open-ended ("长期有效").
    public var end: CalendarDate?

    public init(start: CalendarDate, end: CalendarDate?) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CalendarDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }
}
