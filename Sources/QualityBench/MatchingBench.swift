import Foundation
import QualityRules
import SyntheticCity

struct MatchingFigures {
    var core = Timings()
    var all = Timings()
    var programmes = 0
    var mismatches = 0
}

/// 1M × (000 eligibility, 002 eligibility, 002 rubric) and 1M × every programme in force, on the fast
/// path, repeated; then a seeded sample re-evaluated one by one with `Evaluator.evaluate`.
func benchMatching(_ city: SyntheticCity, columns: FactColumns, catalog: PolicyCatalog, on day: CalendarDate,
                   runs: Int, threads: Int, sample: Int) -> MatchingFigures {
    var figures = MatchingFigures()
    let coreEntries = catalog.programmes.filter { ["sz-backbone", "jm-innovation-centre"].contains($0.programme.id) }
    let allEntries = catalog.programmesInForce(on: day)
    figures.programmes = allEntries.count
    var compile = Timings()
    let corePlan = compile.time { MatchPlan(coreEntries, on: day, columns: columns) }
    let allPlan = compile.time { MatchPlan(allEntries, on: day, columns: columns) }
    let options = Matcher.Options(threads: threads)
    var last: MatchResult?
    // Alternate the two, so a burst of load from the other engineers' builds hits both alike.
    for _ in 0..<runs {
        last = nil
        _ = figures.core.time { Matcher.run(corePlan, on: columns, options: options) }
        last = figures.all.time { Matcher.run(allPlan, on: columns, options: options) }
    }
    let size = grouped(city.count)
    print("Matching (fast path, \(threads) threads, seed \(city.seed), \(size) enterprises, on \(day.iso), \(runs) runs)")
    report("plans compiled (\(coreEntries.count) + \(allEntries.count) programmes)", ms(compile.seconds.reduce(0, +)))
    report("\(size) × (000 elig., 002 elig., 002 rubric): best", ms(figures.core.best) + " (CPU \(ms(figures.core.cpuOfBest)))",
           target: "35 ms", met: figures.core.best <= 0.035)
    report("\(size) × (000 elig., 002 elig., 002 rubric): median", ms(figures.core.median))
    report("\(size) × \(allEntries.count) programmes in force: best", ms(figures.all.best) + " (CPU \(ms(figures.all.cpuOfBest)))",
           target: "300 ms", met: figures.all.best <= 0.3)
    report("\(size) × \(allEntries.count) programmes in force: median", ms(figures.all.median))
    guard let result = last else { return figures }
    for id in ["sz-backbone", "jm-innovation-centre"] {
        if let programme = result.programme(id) {
            let tally = programme.tally()
            report("  \(id): eligible / awaiting findings / not eligible",
                   "\(grouped(tally[.eligible] ?? 0)) / \(grouped(tally[.needsReviewerFindings] ?? 0)) / \(grouped(tally[.notEligible] ?? 0))")
        }
    }
    figures.mismatches = verify(city, result: result, entries: allEntries, on: day, sample: sample)
    report("checked against Evaluator.evaluate: \(grouped(min(sample, city.count))) enterprises × \(allEntries.count)",
           figures.mismatches == 0 ? "identical" : "\(figures.mismatches) MISMATCHES")
    return figures
}

/// Re-evaluates a seeded sample through the single-evaluation path and counts disagreements.
func verify(_ city: SyntheticCity, result: MatchResult, entries: [PolicyCatalog.Entry], on day: CalendarDate, sample: Int) -> Int {
    var rng = SplitMix64(seed: city.seed &+ 0x5EED)
    var indices = Set<Int>()
    while indices.count < min(sample, city.count) { indices.insert(Int(rng.next() % UInt64(city.count))) }
    let list = Array(indices).sorted()
    let catalog = try! PolicyCatalog(policies: Array(Set(entries.map(\.policy.id))).sorted().compactMap { id in entries.first { $0.policy.id == id }?.policy })
    let evaluator = Evaluator(catalog: catalog)
    let counter = Counter()
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let per = (list.count + threads - 1) / threads
    DispatchQueue.concurrentPerform(iterations: threads) { part in
        let lo = part * per, hi = min(lo + per, list.count)
        guard lo < hi else { return }
        for index in list[lo..<hi] {
            let facts = city.enterprise(index)
            for entry in entries {
                let reference = evaluator.evaluate(entry.programme, of: entry.policy, facts: facts, on: day)
                let fast = result.programme(entry.programme.id)!
                let award = reference.award.map { $0.amount ?? $0.cap ?? .zero }
                if fast.verdict(index) != reference.verdict || fast.score(index) != reference.rubric?.score || fast.award(index) != award {
                    counter.add()
                    if counter.value <= 3 {
                        print("  MISMATCH \(entry.programme.id) enterprise \(index): fast \(fast.verdict(index)) \(String(describing: fast.score(index))) \(String(describing: fast.award(index))), reference \(reference.verdict) \(String(describing: reference.rubric?.score)) \(String(describing: award))")
                    }
                }
            }
        }
    }
    return counter.value
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// One enterprise's full evaluation with every explanation (002: conditions, exclusions, rubric, award).
func benchExplanation(_ city: SyntheticCity, catalog: PolicyCatalog, on day: CalendarDate, result: MatchResult?) {
    // The Jiangmen enterprise with the highest 002 score among the first 50,000: the most to explain.
    var best = 0
    if let rubric = result?.programme("jm-innovation-centre") {
        var top = Points.zero
        for index in 0..<min(city.count, 50_000) where (rubric.score(index) ?? .zero) > top {
            top = rubric.score(index) ?? .zero
            best = index
        }
    }
    let facts = city.enterprise(best)
    let evaluator = Evaluator(catalog: catalog)
    print("One enterprise's full explanation (enterprise \(best) of seed \(city.seed), on \(day.iso))")
    for id in ["jm-innovation-centre", "sz-backbone"] {
        var timings = Timings()
        var verdict = Verdict.notEligible
        for _ in 0..<2000 {
            verdict = timings.time { try! evaluator.evaluate(programme: id, facts: facts, on: day) }.verdict
        }
        let evaluation = try! evaluator.evaluate(programme: id, facts: facts, on: day)
        let lines = evaluation.allResults.count + (evaluation.rubric?.groups.flatMap(\.indicators).count ?? 0)
        report("\(id) (\(lines) explained results, \(verdict.rawValue)): best", us(timings.best), target: "100 µs", met: timings.best <= 100e-6)
        report("\(id): median of 2,000", us(timings.median))
    }
}
