import Foundation

/// Runs a `MatchPlan` over `FactColumns`: every enterprise × every compiled programme, in chunks that stay
/// in cache, on every core.
///
/// The verdicts, rubric scores and award amounts are those `Evaluator.evaluate` gives without a claim
/// (`Matching` tests prove it on random enterprises; `qualitycity bench` re-checks a sample on every run).
public enum Matcher {
    public struct Options: Sendable {
        /// Worker threads; by default one per active core.
        public var threads: Int
        /// Enterprises per chunk: the scratch counts of a chunk stay in the core's cache.
        public var chunkSize: Int
        /// Keep each enterprise's award amount (the sandbox and stored results need it; a tally does not).
        public var awards: Bool

        public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 4096, awards: Bool = true) {
            self.threads = max(threads, 1)
            self.chunkSize = max(chunkSize, 1)
            self.awards = awards
        }
    }

    public static func run(_ plan: MatchPlan, on columns: FactColumns, options: Options = Options()) -> MatchResult {
        precondition(plan.columnsIdentity == ObjectIdentifier(columns), "a plan runs on the columns it was compiled for")
        let count = columns.count
        let outputs = plan.programmes.map { programme in
            ProgrammeResult(programme: programme, columns: columns, awards: options.awards && programme.award != nil)
        }
        // Chunks never straddle the detailed and the sparse enterprises.
        let size = options.chunkSize
        var ranges: [Range<Int>] = []
        for segment in [0..<columns.sparseStart, columns.sparseStart..<count] {
            var lo = segment.lowerBound
            while lo < segment.upperBound {
                ranges.append(lo..<min(lo + size, segment.upperBound))
                lo += size
            }
        }
        let chunks = ranges.count
        let chunkRanges = ranges
        let prepared = PreparedPlan(plan)
        let next = ChunkCounter()
        let threads = min(options.threads, max(chunks, 1))
        let work: @Sendable () -> Void = {
            let evaluator = ChunkEvaluator(plan: prepared, columns: columns, capacity: size)
            while let chunk = next.take(below: chunks) {
                evaluator.run(lo: chunkRanges[chunk].lowerBound, hi: chunkRanges[chunk].upperBound, into: outputs)
            }
        }
        if threads == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        }
        return MatchResult(plan: plan, count: count, programmes: outputs)
    }

    /// The outcome of every rule of `programme` for enterprise `index`, as the kernels computed it: for
    /// telling which rule disagrees when a verdict does not match the evaluator's.
    public static func ruleOutcomes(_ plan: MatchPlan, programme id: String, index: Int, columns: FactColumns) -> [(String, Outcome)] {
        guard let programme = plan.programme(id) else { return [] }
        let evaluator = ChunkEvaluator(plan: PreparedPlan(plan), columns: columns, capacity: 1)
        evaluator.prepare(lo: Int(columns.position[index]), size: 1, selective: false)
        return programme.rules.map { rule in
            let code = evaluator.slots[rule.kernel]
            return (rule.id, code == 0 ? .met : code == 1 ? .notMet : .needsFinding)
        }
    }
}

/// Hands out chunk numbers to worker threads.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Every enterprise's result for every programme of a plan.
public final class MatchResult: @unchecked Sendable {
    public let plan: MatchPlan
    public let count: Int
    public let programmes: [ProgrammeResult]

    init(plan: MatchPlan, count: Int, programmes: [ProgrammeResult]) {
        self.plan = plan
        self.count = count
        self.programmes = programmes
    }

    public func programme(_ id: String) -> ProgrammeResult? { programmes.first { $0.id == id } }
}

/// One programme's verdicts (as `Verdict.allCases` positions), rubric scores and award amounts, stored in
/// the columns' internal order; every accessor takes the caller's index.
public final class ProgrammeResult: @unchecked Sendable {
    public let programme: CompiledProgramme
    let columns: FactColumns
    let verdicts: ColumnBuffer<UInt8>
    let scores: ColumnBuffer<Int32>?
    /// The award in units of `unitFen`: 0 or 1 for a fixed amount or a cap, the number of items for a
    /// per-item award. A quarter of the memory of amounts, and exact.
    let awardUnits: ColumnBuffer<UInt32>?
    let unitFen: Int64

    init(programme: CompiledProgramme, columns: FactColumns, awards: Bool) {
        let count = columns.count
        self.programme = programme
        self.columns = columns
        verdicts = ColumnBuffer(repeating: 0, count: count)
        scores = programme.rubric == nil ? nil : ColumnBuffer(repeating: 0, count: count)
        awardUnits = awards ? ColumnBuffer(repeating: 0, count: count) : nil
        unitFen = programme.award?.unitFen ?? 0
    }

    public var id: String { programme.id }

    public func verdict(_ index: Int) -> Verdict { Verdict.allCases[Int(verdicts[Int(columns.position[index])])] }

    /// The rubric score, for a programme with a rubric.
    public func score(_ index: Int) -> Points? {
        scores.map { Points(hundredths: Int($0[Int(columns.position[index])])) }
    }

    /// What the award offers without a claim: the amount, else the cap an officer decides within; zero
    /// when withheld or when the award is an honour.
    public func award(_ index: Int) -> Money? {
        awardUnits.map { Money(fen: unitFen * Int64($0[Int(columns.position[index])])) }
    }

    /// How many enterprises got each verdict.
    public func tally() -> [Verdict: Int] {
        var counts = [Int](repeating: 0, count: Verdict.allCases.count)
        for index in 0..<verdicts.count { counts[Int(verdicts[index])] += 1 }
        return Dictionary(uniqueKeysWithValues: Verdict.allCases.enumerated().map { ($1, counts[$0]) })
    }

    /// Indices (the caller's) of the enterprises with one of `accepted`, in order.
    public func indices(where accepted: Set<Verdict>) -> [Int] {
        var wanted = [Bool](repeating: false, count: Verdict.allCases.count)
        for verdict in accepted { wanted[Verdict.allCases.firstIndex(of: verdict)!] = true }
        var found: [Int] = []
        for inner in 0..<verdicts.count where wanted[Int(verdicts[inner])] { found.append(Int(columns.order[inner])) }
        return found.sorted()
    }
}
