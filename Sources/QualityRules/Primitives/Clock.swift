import Foundation

/// The source of "now". Injected everywhere a rule or a deadline depends on today, so tests can drive a
/// title through years of its life in milliseconds.
public protocol WallClock: Sendable {
    func now() -> Date
}

extension WallClock {
    /// Today in Asia/Shanghai, where every date in the seed documents lives.
    public func today() -> CalendarDate {
        CalendarDate.inShanghai(now())
    }
}

extension CalendarDate {
    /// China has kept UTC+8 all year since 1991, so the civil date is a fixed offset from UTC;
    /// this avoids depending on the host's time zone database.
    public static let shanghaiOffsetSeconds = 8 * 3600

    public static func inShanghai(_ date: Date) -> CalendarDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + shanghaiOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(dayNumber: days)
    }

    /// The instant this day starts in Asia/Shanghai.
    public var startInShanghai: Date {
        Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400 - CalendarDate.shanghaiOffsetSeconds))
    }

    /// The last instant of this day in Asia/Shanghai (23:59:59.999); a deadline "11月30日" ends here.
    public var endInShanghai: Date {
        adding(days: 1).startInShanghai.addingTimeInterval(-0.001)
    }
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until moved; for tests and for replaying a title's lifetime.
public final class FixedClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    /// Noon in Asia/Shanghai on `day`, so that moving by whole days never crosses a date boundary by accident.
    public convenience init(_ day: CalendarDate) {
        self.init(day.startInShanghai.addingTimeInterval(12 * 3600))
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }

    public func set(_ day: CalendarDate) {
        set(day.startInShanghai.addingTimeInterval(12 * 3600))
    }

    public func advance(days: Int) {
        lock.withLock { current = current.addingTimeInterval(TimeInterval(days) * 86_400) }
    }

    public func advance(seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
