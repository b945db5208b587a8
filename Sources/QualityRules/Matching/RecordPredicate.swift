/// A `RecordQuery` compiled for one evaluation: the values each field may take and the bounds of the two
/// date columns, with every window already resolved to day numbers (or years, for awards and projects).
///
/// Equal queries compile to equal predicates, so a plan counts each distinct question once however many
/// rules and rubric items ask it.
struct RecordPredicate: Hashable, Sendable {
    var source: RecordSource
    /// Allowed values of f0…f4, one bit per ordinal; `Self.any` allows every value.
    var allowed: [UInt64]
    var lo: Bounds
    var hi: Bounds

    static let any = UInt64.max

    struct Bounds: Hashable, Sendable {
        var lower: Int32
        var upper: Int32
        static let all = Bounds(lower: .min, upper: .max)

        @inline(__always) func contains(_ value: Int32) -> Bool { value >= lower && value <= upper }
    }

    /// Compiles `query` as `RecordQuery.matches(in:anchors:)` reads it (see `RecordMatching.swift`).
    /// `joint` narrows secretariats to joint (true) or sole (false) ones, for "联合承担的计一半分值".
    init(_ query: RecordQuery, anchors: Anchors, joint: Bool? = nil) {
        let evaluationDay = day(anchors.evaluationDate)
        func mask<T: CaseIterable & Equatable>(_ list: [T]?) -> UInt64 {
            guard let list else { return Self.any }
            return list.reduce(0) { $0 | (1 << UInt64(ordinal($1))) }
        }
        func window(_ lookBack: LookBack?) -> Bounds {
            guard let lookBack else { return Bounds(lower: .min, upper: evaluationDay) }
            let range = anchors.window(lookBack)
            return Bounds(lower: day(range.start), upper: range.end.map(day) ?? .max)
        }
        func years(_ lookBack: LookBack?) -> Bounds {
            guard let lookBack else { return Bounds(lower: .min, upper: clamp32(anchors.evaluationDate.year)) }
            let range = anchors.window(lookBack)
            return Bounds(lower: clamp32(range.start.year), upper: clamp32((range.end ?? range.start).year))
        }
        func flag(_ value: Bool?) -> UInt64 { value.map { $0 ? 0b10 : 0b01 } ?? Self.any }
        var allowed = [UInt64](repeating: Self.any, count: 5)
        var lo = Bounds.all
        var hi = Bounds.all
        let source: RecordSource
        switch query {
        case .certifications(let q):
            source = .certifications
            allowed[0] = mask(q.types)
            let valid = day(anchors.day(q.validOn))
            lo = Bounds(lower: .min, upper: valid)
            hi = Bounds(lower: valid, upper: .max)
        case .events(let q):
            source = .events
            allowed = [mask(q.kinds), mask(q.areas), mask(q.severities), mask(q.outcomes), mask(q.levels)]
            lo = window(q.within)
        case .patents(let q):
            source = .patents
            allowed[0] = mask(q.kinds)
            allowed[1] = mask(q.jurisdictions)
            lo = window(q.within)
        case .standards(let q):
            source = .standards
            allowed[0] = mask(q.levels)
            allowed[1] = mask(q.roles)
            lo = window(q.within)
        case .secretariats(let q):
            source = .secretariats
            allowed[0] = mask(q.levels)
            allowed[1] = flag(joint)
            let held = day(anchors.day(q.heldOn))
            lo = Bounds(lower: .min, upper: held)
            hi = Bounds(lower: held, upper: .max)
        case .trademarks(let q):
            source = .trademarks
            allowed[0] = mask(q.jurisdictions)
            let anchorDay = anchors.day(q.anchor)
            var upper = day(anchorDay)
            if let years = q.registeredAtLeastYears { upper = min(upper, DayThreshold.lastDay(adding: years, atMost: anchorDay)) }
            lo = Bounds(lower: .min, upper: upper)
        case .awards(let q):
            source = .awards
            allowed[0] = mask(q.kinds)
            allowed[1] = mask(q.levels)
            lo = years(q.within)
            // An award dated after the evaluation day does not count; one known only by its year does.
            hi = Bounds(lower: .min, upper: evaluationDay)
        case .labs(let q):
            source = .labs
            allowed[0] = flag(q.independent)
            allowed[1] = flag(q.cnas)
        case .projects(let q):
            source = .projects
            allowed[0] = mask(q.levels)
            allowed[1] = mask(q.kinds)
            lo = years(q.within)
        }
        self.source = source
        self.allowed = allowed
        self.lo = lo
        self.hi = hi
    }

    /// The record at `index` of `table` matches (the scalar form of what the kernels count).
    @inline(__always)
    func matches(_ table: RecordTable, _ index: Int) -> Bool {
        (allowed[0] >> UInt64(table.f0[index])) & 1 == 1 && (allowed[1] >> UInt64(table.f1[index])) & 1 == 1
            && (allowed[2] >> UInt64(table.f2[index])) & 1 == 1 && (allowed[3] >> UInt64(table.f3[index])) & 1 == 1
            && (allowed[4] >> UInt64(table.f4[index])) & 1 == 1 && lo.contains(table.lo[index]) && hi.contains(table.hi[index])
    }
}

enum DayThreshold {
    /// The last day `d` with `d.adding(years: years) <= limit`. Adding years never moves a later day
    /// before an earlier one (29 February clamps to the 28th), so exactly the days up to this one qualify:
    /// "registered five years or more" becomes `registeredOn <= lastDay(adding: 5, atMost: day)`.
    static func lastDay(adding years: Int, atMost limit: CalendarDate) -> Int32 {
        var candidate = limit.adding(years: -years).dayNumber
        var steps = 0
        while steps < 1000, CalendarDate(dayNumber: candidate + 1).adding(years: years) <= limit {
            candidate += 1
            steps += 1
        }
        while steps < 2000, CalendarDate(dayNumber: candidate).adding(years: years) > limit {
            candidate -= 1
            steps += 1
        }
        return Int32(truncatingIfNeeded: candidate)
    }
}
