/// The plan's tables in buffers the kernels read through pointers.
final class PreparedPlan: @unchecked Sendable {
    let plan: MatchPlan
    let banks: [PreparedBank]
    /// Region and section kernels: outcome code per interned value.
    let lookupTables: [Int: ColumnBuffer<UInt8>]

    struct PreparedBank {
        let source: Int
        let tables: ColumnBuffer<UInt64>
        let windowCount: Int
        /// lower, upper of `lo`, then lower, upper of `hi`, per window.
        let windowBounds: ColumnBuffer<Int32>
        let windowBits: ColumnBuffer<UInt64>
        let targets: ColumnBuffer<Int>
    }

    init(_ plan: MatchPlan) {
        self.plan = plan
        banks = plan.sources.flatMap { source in
            source.banks.map { bank in
                PreparedBank(source: source.source.rawValue, tables: ColumnBuffer(bank.tables), windowCount: bank.windows.count,
                             windowBounds: ColumnBuffer(bank.windows.flatMap { [$0.lo.lower, $0.lo.upper, $0.hi.lower, $0.hi.upper] }),
                             windowBits: ColumnBuffer(bank.windows.map(\.bits)), targets: ColumnBuffer(bank.targets))
            }
        }
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
    }

    func run(lo: Int, hi: Int, into outputs: [ProgrammeResult]) {
        prepare(lo: lo, size: hi - lo)
        for (programme, output) in zip(plan.programmes, outputs) {
            combine(programme, lo: lo, size: hi - lo, into: output)
        }
    }

    /// Everything the programmes share: predicate counts, aggregates, rule kernels.
    func prepare(lo: Int, size: Int) {
        countPredicates(lo, size)
        sumTaxes(lo, size)
        checkSpotChecks(lo, size)
        countLadders(lo, size)
        let grants = columns.history.grantOffsets.base + lo, titles = columns.history.titleOffsets.base + lo
        let flags = withHistory
        for j in 0..<size { flags[j] = grants[j] != grants[j + 1] || titles[j] != titles[j + 1] ? 1 : 0 }
        for index in plan.kernels.indices { runKernel(index, lo, size) }
    }

    // MARK: - Predicates

    private func countPredicates(_ lo: Int, _ size: Int) {
        let counts = self.counts
        counts.initialize(repeating: 0, count: plan.predicates.count * size)
        for bank in prepared.banks {
            let table = columns.records[bank.source]
            let offsets = table.offsets.base, f0 = table.f0.base, f1 = table.f1.base, f2 = table.f2.base
            let f3 = table.f3.base, f4 = table.f4.base, los = table.lo.base, his = table.hi.base
            let t = bank.tables.base, bounds = bank.windowBounds.base, windowBits = bank.windowBits.base
            let windows = bank.windowCount, targets = bank.targets.base
            var r = Int(offsets[lo])
            for local in 0..<size {
                let end = Int(offsets[lo + local + 1])
                while r < end {
                    var bits = t[Int(f0[r])] & t[32 + Int(f1[r])] & t[64 + Int(f2[r])] & t[96 + Int(f3[r])] & t[128 + Int(f4[r])]
                    if bits != 0 {
                        let a = los[r], b = his[r]
                        var inWindow: UInt64 = 0
                        for w in 0..<windows {
                            let k = w * 4
                            if a >= bounds[k] && a <= bounds[k + 1] && b >= bounds[k + 2] && b <= bounds[k + 3] { inWindow |= windowBits[w] }
                        }
                        bits &= inWindow
                        while bits != 0 {
                            let bit = bits.trailingZeroBitCount
                            counts[targets[bit] * size + local] &+= 1
                            bits &= bits &- 1
                        }
                    }
                    r += 1
                }
            }
        }
    }

    // MARK: - Aggregates

    private func sumTaxes(_ lo: Int, _ size: Int) {
        guard !plan.taxWindows.isEmpty else { return }
        let offsets = columns.taxes.offsets.base, years = columns.taxes.year.base, amounts = columns.taxes.amount.base
        for (w, window) in plan.taxWindows.enumerated() {
            let out = taxSums + w * size
            let first = window.first, last = window.last
            var r = Int(offsets[lo])
            for local in 0..<size {
                let end = Int(offsets[lo + local + 1])
                var sum: Int64 = 0
                while r < end {
                    if years[r] >= first && years[r] <= last { sum &+= amounts[r] }
                    r += 1
                }
                out[local] = sum
            }
        }
    }

    private func checkSpotChecks(_ lo: Int, _ size: Int) {
        guard !plan.spotChecks.isEmpty else { return }
        let events = columns.records[RecordSource.events.rawValue]
        let offsets = events.offsets.base, kinds = events.f0.base, outcomes = events.f3.base, levels = events.f4.base
        let days = events.lo.base, years = events.hi.base
        let spotCheck = ordinal(EventKind.spotCheck), commissioned = ordinal(EventKind.commissionedTest)
        let passed = ordinal(EventOutcome.passed), failed = ordinal(EventOutcome.failed)
        let provincial = ordinal(AdministrativeLevel.provincial)
        for (a, aggregate) in plan.spotChecks.enumerated() {
            let out = spotChecks + a * size
            let full: UInt64 = aggregate.years >= 64 ? .max : (1 << UInt64(aggregate.years)) - 1
            let first = aggregate.firstYear, last = aggregate.firstYear + Int32(aggregate.years) - 1
            let day = aggregate.evaluationDay, allowed = aggregate.levels
            for local in 0..<size {
                let start = Int(offsets[lo + local]), end = Int(offsets[lo + local + 1])
                guard start != end else {
                    out[local] = 0
                    continue
                }
                var passedYears: UInt64 = 0
                var anyFailed = false
                for r in start..<end {
                    let year = years[r]
                    guard year >= first, year <= last, days[r] <= day else { continue }
                    let kind = kinds[r], outcome = outcomes[r], level = levels[r]
                    if kind == spotCheck && outcome == failed { anyFailed = true }
                    if outcome == passed
                        && ((kind == spotCheck && (allowed >> UInt64(level)) & 1 == 1) || (kind == commissioned && level <= provincial)) {
                        passedYears |= 1 << UInt64(year - first)
                    }
                }
                out[local] = !anyFailed && passedYears == full ? 1 : 0
            }
        }
    }

    private func countLadders(_ lo: Int, _ size: Int) {
        guard !plan.ladders.isEmpty else { return }
        let titles = columns.titles
        let offsets = titles.offsets.base, fields = titles.field.base, levels = titles.level.base, people = titles.people.base
        for (a, ladder) in plan.ladders.enumerated() {
            let out = ladders + a * size
            let allowed = ladder.fields, minimum = ladder.minimumLevel
            for local in 0..<size {
                var sum: Int64 = 0
                for r in Int(offsets[lo + local])..<Int(offsets[lo + local + 1])
                where (allowed >> UInt64(fields[r])) & 1 == 1 && levels[r] >= minimum {
                    sum &+= people[r]
                }
                out[local] = sum
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
            score(rubric, lo: lo, size: size, into: scores.base + lo)
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
        case .spotChecks(let aggregate, let points):
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
