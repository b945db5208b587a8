import QualityRules

extension FixedClock {
    /// The clock most tests start from: a Tuesday in late November, inside the demo's open call.
    public static func standard() -> FixedClock {
        FixedClock(CalendarDate(year: 2026, month: 11, day: 24)!)
    }
}
