import Foundation

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same city on every machine
/// and every Swift version, which `SystemRandomNumberGenerator` and Swift's hashing do not promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one item of a seeded collection: item `index` is the same whatever is generated
    /// before it, so any enterprise of the city can be regenerated alone.
    public init(seed: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// Uniform in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// An index drawn with the given weights.
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// Log-normal with the given median and spread (σ of the logarithm): incomes, taxes, sizes.
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        // Box–Muller.
        let u1 = max(unit(), 1e-12), u2 = unit()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return median * exp(sigma * normal)
    }

    /// A count from a geometric distribution with the given mean (≥ 1 when `atLeastOne`).
    public mutating func geometric(mean: Double, atLeastOne: Bool = true) -> Int {
        let p = 1 / (mean + (atLeastOne ? 0 : 1))
        var n = atLeastOne ? 1 : 0
        while !chance(p) && n < 1000 { n += 1 }
        return n
    }
}

