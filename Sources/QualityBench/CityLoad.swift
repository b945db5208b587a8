import Foundation
import QualityRules
import SyntheticCity

/// Generates the synthetic city into columns: enterprises are made on every core in batches, then
/// appended in order.
func buildColumns(_ city: SyntheticCity) -> FactColumns {
    let builder = FactColumns.Builder(expectedCount: city.count)
    let batch = 8192
    var start = 0
    while start < city.count {
        let end = min(start + batch, city.count)
        let facts = generate(city, start..<end)
        for f in facts { builder.append(f) }
        start = end
    }
    return builder.build()
}

func generate(_ city: SyntheticCity, _ range: Range<Int>) -> [EnterpriseFacts] {
    let box = Box(count: range.count)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let per = (range.count + threads - 1) / threads
    DispatchQueue.concurrentPerform(iterations: threads) { part in
        let lo = range.lowerBound + part * per
        let hi = min(lo + per, range.upperBound)
        guard lo < hi else { return }
        for i in lo..<hi { box.set(i - range.lowerBound, city.enterprise(i)) }
    }
    return box.values
}

final class Box: @unchecked Sendable {
    private let base: UnsafeMutablePointer<EnterpriseFacts?>
    let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    func set(_ i: Int, _ value: EnterpriseFacts) { base[i] = value }
    var values: [EnterpriseFacts] { (0..<count).map { base[$0]! } }
}
