/// The plan's tables in buffers the kernels read through pointers, and which work each programme needs.
final class PreparedPlan: @unchecked Sendable {
    let plan: MatchPlan
    /// Banks of predicates a rubric or an award reads (every enterprise), then of rule-only predicates.
    let banks: [PreparedBank]
    /// Region and section kernels: outcome code per interned value.
    let lookupTables: [Int: ColumnBuffer<UInt8>]
    /// Kernels reading only an enterprise's own columns; the rest (tax totals, record counts) run only for
    /// enterprises no cheap kernel has already ruled out of every programme that uses them.
    let cheap: [Bool]
    /// Kernels reading predicate counts (run after the shared counts).
    let readsCounts: [Bool]
    /// Per programme, its cheap kernels; per costly kernel, the programmes (by position) using it.
    let cheapRules: [[Int]]
    let users: [Int: [Int]]
    /// Per tax window, the kernels summing it.
    let taxUsers: [[Int]]

    struct PreparedBank {
        let source: Int
        let tables: ColumnBuffer<UInt64>
        let windowCount: Int
        /// lower, upper of `lo`, then lower, upper of `hi`, per window.
        let windowBounds: ColumnBuffer<Int32>
        let windowBits: ColumnBuffer<UInt64>
        let targets: ColumnBuffer<Int>
        /// For a rule-only bank, the kernels whose enterprises it must count.
        let ruleKernels: [Int]?
    }

    init(_ plan: MatchPlan) {
        self.plan = plan
        var cheap = [Bool](repeating: true, count: plan.kernels.count)
        var readsCounts = [Bool](repeating: false, count: plan.kernels.count)
        var predicateKernels: [Int: [Int]] = [:]
        var taxUsers = [[Int]](repeating: [], count: plan.taxWindows.count)
        for (index, kernel) in plan.kernels.enumerated() {
            switch kernel {
            case .taxTotal(let window, _):
                cheap[index] = false
                taxUsers[window].append(index)
            case .atLeast(let predicate, _), .none(let predicate):
                readsCounts[index] = true
                if !plan.sharedPredicates[predicate] { cheap[index] = false }
                predicateKernels[predicate, default: []].append(index)
            default: break
            }
        }
        self.cheap = cheap
        self.readsCounts = readsCounts
        self.taxUsers = taxUsers
        cheapRules = plan.programmes.map { programme in programme.rules.map(\.kernel).filter { cheap[$0] } }
        var users: [Int: [Int]] = [:]
        for (position, programme) in plan.programmes.enumerated() {
            for rule in programme.rules where !cheap[rule.kernel] { users[rule.kernel, default: []].append(position) }
        }
        self.users = users.mapValues { Array(Set($0)).sorted() }
        var banks: [PreparedBank] = []
        for shared in [true, false] {
            for source in RecordSource.allCases {
                let predicates = plan.predicates.enumerated()
                    .filter { $0.element.source == source && plan.sharedPredicates[$0.offset] == shared }
                    .map { (index: $0.offset, predicate: $0.element) }
                for bank in PredicateBank.banks(predicates) {
                    let kernels = shared ? nil : Array(Set(bank.targets.flatMap { predicateKernels[$0] ?? [] })).sorted()
                    banks.append(PreparedBank(
                        source: source.rawValue, tables: ColumnBuffer(bank.tables), windowCount: bank.windows.count,
                        windowBounds: ColumnBuffer(bank.windows.flatMap { [$0.lo.lower, $0.lo.upper, $0.hi.lower, $0.hi.upper] }),
                        windowBits: ColumnBuffer(bank.windows.map(\.bits)), targets: ColumnBuffer(bank.targets), ruleKernels: kernels))
                }
            }
        }
        self.banks = banks
        var lookups: [Int: ColumnBuffer<UInt8>] = [:]
        for (index, kernel) in plan.kernels.enumerated() {
            switch kernel {
            case .region(let table), .section(let table): lookups[index] = ColumnBuffer(table.map { $0 ? 0 : 1 })
            default: break
            }
        }
        lookupTables = lookups
    }
}

/// Evaluates one chunk of enterprises at a time: counts the plan's predicates over their records, sums
/// the aggregates, runs every rule kernel once, then combines them per programme. One per thread.
///
/// Everything a loop reads is a local pointer: no reference counting, no exclusivity check and no bounds
/// check stands between the kernels and the columns.
final class ChunkEvaluator {
    let prepared: PreparedPlan
    let plan: MatchPlan
    let columns: FactColumns
    let capacity: Int

    // Scratch, `capacity` entries per row.
    let counts: UnsafeMutablePointer<UInt32>
    let taxSums: UnsafeMutablePointer<Int64>
    let spotChecks: UnsafeMutablePointer<UInt8>
    let ladders: UnsafeMutablePointer<Int64>
    let slots: UnsafeMutablePointer<UInt8>
    let state: UnsafeMutablePointer<UInt8>
    /// 1 where the enterprise holds a title or a grant: its award takes the slow path.
    let withHistory: UnsafeMutablePointer<UInt8>
    /// Per programme, 1 where no cheap kernel has ruled the enterprise out; per costly kernel, 1 where
    /// some programme using it still needs its answer.
    let alive: UnsafeMutablePointer<UInt8>
    let needed: UnsafeMutablePointer<UInt8>
    let mask: UnsafeMutablePointer<UInt8>
    let total: UnsafeMutablePointer<Int32>
    let group: UnsafeMutablePointer<Int32>
    let indicator: UnsafeMutablePointer<Int32>
    let part: UnsafeMutablePointer<Int32>

    init(plan prepared: PreparedPlan, columns: FactColumns, capacity: Int) {
        self.prepared = prepared
        self.plan = prepared.plan
        self.columns = columns
        self.capacity = capacity
        counts = .allocate(capacity: max(plan.predicates.count, 1) * capacity)
        taxSums = .allocate(capacity: max(plan.taxWindows.count, 1) * capacity)
        spotChecks = .allocate(capacity: max(plan.spotChecks.count, 1) * capacity)
        ladders = .allocate(capacity: max(plan.ladders.count, 1) * capacity)
        slots = .allocate(capacity: max(plan.kernels.count, 1) * capacity)
        state = .allocate(capacity: capacity)
        withHistory = .allocate(capacity: capacity)
        alive = .allocate(capacity: max(plan.programmes.count, 1) * capacity)
        needed = .allocate(capacity: max(plan.kernels.count, 1) * capacity)
        mask = .allocate(capacity: capacity)
        total = .allocate(capacity: capacity)
        group = .allocate(capacity: capacity)
        indicator = .allocate(capacity: capacity)
        part = .allocate(capacity: capacity)
    }

    deinit {
        for pointer in [total, group, indicator, part] { pointer.deallocate() }
        counts.deallocate()
        taxSums.deallocate()
        ladders.deallocate()
        spotChecks.deallocate()
        slots.deallocate()
        state.deallocate()
        withHistory.deallocate()
        alive.deallocate()
        needed.deallocate()
        mask.deallocate()
    }

    func run(lo: Int, hi: Int, into outputs: [ProgrammeResult]) {
        prepare(lo: lo, size: hi - lo)
        for (programme, output) in zip(plan.programmes, outputs) {
            combine(programme, lo: lo, size: hi - lo, into: output)
        }
    }

    /// Everything the programmes share: predicate counts, aggregates, rule kernels.
    ///
    /// Cheap kernels run first. A programme's verdict is "not eligible" as soon as one of its rules is not
    /// met, so the costly kernels (tax totals, rule-only record counts) are computed only for enterprises
    /// some programme using them still needs; the others' slots are left as they are, which cannot change
    /// a verdict already decided. `selective: false` computes everything (for `Matcher.ruleOutcomes`).
    func prepare(lo: Int, size: Int, selective: Bool = true) {
        let grants = columns.history.grantOffsets.base + lo, titles = columns.history.titleOffsets.base + lo
        let flags = withHistory
        for j in 0..<size { flags[j] = grants[j] != grants[j + 1] || titles[j] != titles[j + 1] ? 1 : 0 }
        // Kernels on the enterprise's own columns, then the counts everyone needs and the kernels on them.
        for index in plan.kernels.indices where prepared.cheap[index] && !prepared.readsCounts[index] { runKernel(index, lo, size) }
        countPredicates(lo, size, shared: true)
        for index in plan.kernels.indices where prepared.cheap[index] && prepared.readsCounts[index] { runKernel(index, lo, size) }
        if selective {
            for (position, programme) in plan.programmes.enumerated() {
                let out = alive + position * size
                guard programme.inForce else {
                    out.update(repeating: 0, count: size)
                    continue
                }
                out.update(repeating: 1, count: size)
                for kernel in prepared.cheapRules[position] {
                    let codes = slots + kernel * size
                    for j in 0..<size { out[j] &= ~codes[j] & 1 }
                }
            }
            for (kernel, programmes) in prepared.users {
                let out = needed + kernel * size
                out.update(from: alive + programmes[0] * size, count: size)
                for position in programmes.dropFirst() {
                    let more = alive + position * size
                    for j in 0..<size { out[j] |= more[j] }
                }
            }
        } else {
            for kernel in prepared.users.keys { (needed + kernel * size).update(repeating: 1, count: size) }
        }
        countPredicates(lo, size, shared: false)
        sumTaxes(lo, size)
        checkSpotChecks(lo, size)
        countLadders(lo, size)
        for index in plan.kernels.indices where !prepared.cheap[index] { runKernel(index, lo, size) }
    }

    /// 1 where any of `kernels` is needed (into `mask`); false when none is needed in the whole chunk.
    private func neededByAny(_ kernels: [Int], _ size: Int) -> Bool {
        guard let first = kernels.first else { return false }
        mask.update(from: needed + first * size, count: size)
        for kernel in kernels.dropFirst() {
            let more = needed + kernel * size
            for j in 0..<size { mask[j] |= more[j] }
        }
        var any: UInt8 = 0
        for j in 0..<size { any |= mask[j] }
        return any != 0
    }

    // MARK: - Predicates

    private func countPredicates(_ lo: Int, _ size: Int, shared: Bool) {
        let counts = self.counts
        if shared { counts.initialize(repeating: 0, count: plan.predicates.count * size) }
        for bank in prepared.banks where (bank.ruleKernels == nil) == shared {
            let table = columns.records[bank.source]
            let offsets = table.offsets.base
            let first = Int(offsets[lo]), end = Int(offsets[lo + size])
            guard first < end else { continue }
            let owners = table.owner.base, f0 = table.f0.base, f1 = table.f1.base, f2 = table.f2.base
            let f3 = table.f3.base, f4 = table.f4.base, los = table.lo.base, his = table.hi.base
            let t = bank.tables.base, bounds = bank.windowBounds.base, windowBits = bank.windowBits.base
            let windows = bank.windowCount, targets = bank.targets.base
            let base = Int32(lo)
            var only: UnsafeMutablePointer<UInt8>?
            if let kernels = bank.ruleKernels {
                guard neededByAny(kernels, size) else { continue }
                only = mask
            }
            for r in first..<end {
                if let only, only[Int(owners[r] - base)] == 0 { continue }
                var bits = t[Int(f0[r])] & t[32 + Int(f1[r])] & t[64 + Int(f2[r])] & t[96 + Int(f3[r])] & t[128 + Int(f4[r])]
                guard bits != 0 else { continue }
                let a = los[r], b = his[r]
                var inWindow: UInt64 = 0
                for w in 0..<windows {
                    let k = w * 4
                    if a >= bounds[k] && a <= bounds[k + 1] && b >= bounds[k + 2] && b <= bounds[k + 3] { inWindow |= windowBits[w] }
                }
                bits &= inWindow
                let local = Int(owners[r] - base)
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    counts[targets[bit] * size + local] &+= 1
                    bits &= bits &- 1
                }
            }
        }
    }

    // MARK: - Aggregates

    private func sumTaxes(_ lo: Int, _ size: Int) {
        guard !plan.taxWindows.isEmpty else { return }
        let offsets = columns.taxes.offsets.base + lo, years = columns.taxes.year.base, amounts = columns.taxes.amount.base
        for (w, window) in plan.taxWindows.enumerated() {
            let out = taxSums + w * size
            guard neededByAny(prepared.taxUsers[w], size) else { continue }
            let first = window.first, last = window.last, only = mask
            for local in 0..<size where only[local] != 0 {
                var sum: Int64 = 0
                for r in Int(offsets[local])..<Int(offsets[local + 1]) where years[r] >= first && years[r] <= last {
                    sum &+= amounts[r]
                }
                out[local] = sum
            }
        }
    }

    private func checkSpotChecks(_ lo: Int, _ size: Int) {
        guard !plan.spotChecks.isEmpty else { return }
        let events = columns.records[RecordSource.events.rawValue]
        let offsets = events.offsets.base, owners = events.owner.base, kinds = events.f0.base, outcomes = events.f3.base
        let levels = events.f4.base, days = events.lo.base, years = events.hi.base
        let first = Int(offsets[lo]), end = Int(offsets[lo + size])
        let spotCheck = ordinal(EventKind.spotCheck), commissioned = ordinal(EventKind.commissionedTest)
        let passed = ordinal(EventOutcome.passed), failed = ordinal(EventOutcome.failed)
        let provincial = ordinal(AdministrativeLevel.provincial)
        let base = Int32(lo)
        for (a, aggregate) in plan.spotChecks.enumerated() {
            let out = spotChecks + a * size
            // Passed years as bits, and bit 63 for a failed check: one word per enterprise.
            let marks = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
            marks.initialize(repeating: 0, count: size)
            let full: UInt64 = (1 << UInt64(min(aggregate.years, 62))) - 1
            let firstYear = aggregate.firstYear, last = aggregate.firstYear + Int32(aggregate.years) - 1
            let day = aggregate.evaluationDay, allowed = aggregate.levels
            if first < end {
                for r in first..<end {
                    let year = years[r]
                    guard year >= firstYear, year <= last, days[r] <= day else { continue }
                    let kind = kinds[r], outcome = outcomes[r], level = levels[r]
                    let local = Int(owners[r] - base)
                    if kind == spotCheck && outcome == failed { marks[local] |= 1 << 63 }
                    if outcome == passed
                        && ((kind == spotCheck && (allowed >> UInt64(level)) & 1 == 1) || (kind == commissioned && level <= provincial)) {
                        marks[local] |= 1 << UInt64(year - firstYear)
                    }
                }
            }
            for j in 0..<size { out[j] = marks[j] == full ? 1 : 0 }
            marks.deallocate()
        }
    }

    private func countLadders(_ lo: Int, _ size: Int) {
        guard !plan.ladders.isEmpty else { return }
        let titles = columns.titles
        let offsets = titles.offsets.base, owners = titles.owner.base, fields = titles.field.base
        let levels = titles.level.base, people = titles.people.base
        let first = Int(offsets[lo]), end = Int(offsets[lo + size])
        let base = Int32(lo)
        for (a, ladder) in plan.ladders.enumerated() {
            let out = ladders + a * size
            out.update(repeating: 0, count: size)
            guard first < end else { continue }
            let allowed = ladder.fields, minimum = ladder.minimumLevel
            for r in first..<end where (allowed >> UInt64(fields[r])) & 1 == 1 && levels[r] >= minimum {
                out[Int(owners[r] - base)] &+= people[r]
            }
        }
    }

    // MARK: - Rule kernels: 0 met, 1 not met, 2 needs a finding

    private func runKernel(_ index: Int, _ lo: Int, _ size: Int) {
        let out = slots + index * size
        switch plan.kernels[index] {
        case .region:
            let table = prepared.lookupTables[index]!.base, ids = columns.region.base + lo
            for j in 0..<size { out[j] = table[Int(ids[j])] }
        case .section:
            let table = prepared.lookupTables[index]!.base, ids = columns.section.base + lo
            for j in 0..<size { out[j] = table[Int(ids[j])] }
        case .registeredBy(let lastDay):
            let days = columns.registeredOn.base + lo
            for j in 0..<size { out[j] = days[j] <= lastDay ? 0 : 1 }
        case .operatingStatus(let mask):
            let values = columns.operatingStatus.base + lo
            for j in 0..<size { out[j] = UInt8(truncatingIfNeeded: ~(mask >> UInt64(values[j])) & 1) }
        case .legalForm(let mask):
            let values = columns.legalForm.base + lo
            for j in 0..<size { out[j] = UInt8(truncatingIfNeeded: ~(mask >> UInt64(values[j])) & 1) }
        case .chiefQualityOfficer(let requireTrained):
            let need: UInt8 = requireTrained ? 3 : 1
            let values = columns.chiefQualityOfficer.base + lo
            for j in 0..<size { out[j] = values[j] & need == need ? 0 : 1 }
        case .taxTotal(let window, let minimum):
            let sums = taxSums + window * size
            for j in 0..<size { out[j] = sums[j] >= minimum ? 0 : 1 }
        case .atLeast(let predicate, let count):
            let found = counts + predicate * size
            let needed = UInt32(clamping: count)
            for j in 0..<size { out[j] = found[j] >= needed ? 0 : 1 }
        case .none(let predicate):
            let found = counts + predicate * size
            for j in 0..<size { out[j] = found[j] == 0 ? 0 : 1 }
        case .attestation(let key):
            out.update(repeating: 2, count: size)
            guard let key else { return }
            let table = columns.attestations
            let offsets = table.offsets.base + lo, keys = table.key.base, findings = table.finding.base
            guard offsets[0] != offsets[size] else { return }
            for j in 0..<size where offsets[j] != offsets[j + 1] {
                for r in Int(offsets[j])..<Int(offsets[j + 1]) where keys[r] == key {
                    out[j] = findings[r] == 1 ? 0 : 1
                }
            }
        case .revocationBan(let programmes, let lastClear, let day):
            out.update(repeating: 0, count: size)
            guard !programmes.isEmpty else { return }
            let history = columns.history
            let offsets = history.titleOffsets.base + lo, names = history.titleProgramme.base, revoked = history.titleRevoked.base
            guard offsets[0] != offsets[size] else { return }
            for j in 0..<size where offsets[j] != offsets[j + 1] {
                for r in Int(offsets[j])..<Int(offsets[j + 1])
                where revoked[r] <= day && revoked[r] > lastClear && programmes.contains(names[r]) {
                    out[j] = 1
                }
            }
        }
    }

    // MARK: - Programmes

    private func combine(_ programme: CompiledProgramme, lo: Int, size: Int, into output: ProgrammeResult) {
        let state = self.state
        if let first = programme.rules.first {
            state.update(from: slots + first.kernel * size, count: size)
            for rule in programme.rules.dropFirst() {
                let codes = slots + rule.kernel * size
                for j in 0..<size { state[j] |= codes[j] }
            }
        } else {
            state.update(repeating: 0, count: size)
        }
        if let award = programme.award {
            awards(award, lo: lo, size: size, units: output.awardUnits.map { $0.base + lo })
        }
        let verdicts = output.verdicts.base + lo
        if programme.inForce {
            // eligible 0, notEligible 1, needsReviewerFindings 2 (Verdict.allCases).
            for j in 0..<size {
                let s = state[j]
                verdicts[j] = s & 1 == 1 ? 1 : (s & 2) &>> 1 &* 2
            }
        } else {
            verdicts.update(repeating: 3, count: size)
        }
        if let rubric = programme.rubric, let scores = output.scores {
            if lo >= columns.sparseStart && rubric.zeroWhenSparse {
                (scores.base + lo).update(repeating: 0, count: size)
            } else {
                score(rubric, lo: lo, size: size, into: scores.base + lo)
            }
        }
    }

    private func score(_ rubric: CompiledRubric, lo: Int, size: Int, into out: UnsafeMutablePointer<Int32>) {
        let total = self.total, group = self.group, indicator = self.indicator, part = self.part
        total.update(repeating: 0, count: size)
        for g in rubric.groups {
            group.update(repeating: 0, count: size)
            for ind in g.indicators {
                let points = Int32(clamping: ind.points)
                indicator.update(repeating: 0, count: size)
                for p in ind.parts {
                    part.update(repeating: 0, count: size)
                    for entry in p.items { earn(entry, lo: lo, size: size, highest: p.highest, saturation: Int64(points)) }
                    let cap = p.cap.map { Int32(clamping: $0) } ?? Int32.max
                    // Sums never pass the indicator's points, so Int32 never overflows (see `earn`).
                    for j in 0..<size { indicator[j] = min(indicator[j] &+ min(part[j], cap), points) }
                }
                for j in 0..<size { group[j] &+= indicator[j] }
            }
            let points = Int32(clamping: g.points)
            for j in 0..<size { total[j] &+= min(group[j], points) }
        }
        let maximum = Int32(clamping: rubric.total)
        for j in 0..<size { out[j] = min(total[j], maximum) }
    }

    /// Adds (or, for "只计最高级别", maxes) one item's earned hundredths into `part`. Values are capped at
    /// the indicator's points first: every sum above it ends at the same score after the caps, and the
    /// accumulators stay small.
    @inline(__always)
    private func accumulate(_ size: Int, highest: Bool, _ value: (Int) -> Int32) {
        let part = self.part
        if highest {
            for j in 0..<size { part[j] = max(part[j], value(j)) }
        } else {
            for j in 0..<size { part[j] = part[j] &+ value(j) }
        }
    }

    private func earn(_ entry: CompiledRubric.Item, lo: Int, size: Int, highest: Bool, saturation: Int64) {
        switch entry {
        case .records(let sole, let joint, let points, let jointPoints, let perRecord):
            let s = counts + sole * size
            let p = Int32(clamping: min(Int64(points), saturation)), jp = Int32(clamping: min(Int64(jointPoints), saturation))
            if let joint {
                let c = counts + joint * size
                if perRecord {
                    let p64 = Int64(points), jp64 = Int64(jointPoints)
                    accumulate(size, highest: highest) { j in Int32(min(Int64(s[j]) * p64 + Int64(c[j]) * jp64, saturation)) }
                } else {
                    accumulate(size, highest: highest) { j in s[j] > 0 ? p : (c[j] > 0 ? jp : 0) }
                }
            } else if perRecord {
                let p64 = Int64(points)
                accumulate(size, highest: highest) { j in Int32(min(Int64(s[j]) * p64, saturation)) }
            } else {
                accumulate(size, highest: highest) { j in s[j] > 0 ? p : 0 }
            }
        case .practice(let bit, let key, let points):
            let declared = columns.practices.base + lo
            let p = Int32(clamping: min(Int64(points), saturation))
            if let key, let findings = findings(key: key, lo: lo, size: size) {
                accumulate(size, highest: highest) { j in
                    findings[j] == 0 ? (declared[j] & bit != 0 ? p : 0) : (findings[j] == 1 ? p : 0)
                }
                findings.deallocate()
            } else {
                accumulate(size, highest: highest) { j in declared[j] & bit != 0 ? p : 0 }
            }
        case .qualityStaff(let atLeast, let points):
            let staff = columns.qualityStaff.base + lo
            let p = Int32(clamping: min(Int64(points), saturation))
            accumulate(size, highest: highest) { j in staff[j] >= atLeast ? p : 0 }
        case .trainedChiefQualityOfficer(let points):
            let cqo = columns.chiefQualityOfficer.base + lo
            let p = Int32(clamping: min(Int64(points), saturation))
            accumulate(size, highest: highest) { j in cqo[j] & 3 == 3 ? p : 0 }
        case .ladder(let aggregate, let from, let points):
            let people = ladders + aggregate * size
            let p = Int64(points)
            accumulate(size, highest: highest) { j in
                people[j] >= from ? Int32(min(p &* (people[j] - from + 1), saturation)) : 0
            }
        case .spotChecks(let aggregate, _, let points):
            let earned = spotChecks + aggregate * size
            let p = Int32(clamping: min(Int64(points), saturation))
            accumulate(size, highest: highest) { j in earned[j] == 1 ? p : 0 }
        case .attestation(let key, let points):
            let p = Int32(clamping: min(Int64(points), saturation))
            guard let key, let findings = findings(key: key, lo: lo, size: size) else { return }
            accumulate(size, highest: highest) { j in findings[j] == 1 ? p : 0 }
            findings.deallocate()
        }
    }

    /// Per enterprise of the chunk, the finding under `key`: 0 none, 1 met, 2 not met; nil when no
    /// enterprise of the chunk has one (the common case).
    private func findings(key: Int32, lo: Int, size: Int) -> UnsafeMutablePointer<UInt8>? {
        let table = columns.attestations
        let offsets = table.offsets.base + lo, keys = table.key.base, values = table.finding.base
        guard offsets[0] != offsets[size] else { return nil }
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        out.initialize(repeating: 0, count: size)
        var any = false
        for j in 0..<size where offsets[j] != offsets[j + 1] {
            for r in Int(offsets[j])..<Int(offsets[j + 1]) where keys[r] == key {
                out[j] = values[r]
                any = true
            }
        }
        if !any {
            out.deallocate()
            return nil
        }
        return out
    }
}
