import FluentKit
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
import Testing

/// SplitMix64: a small seeded generator, so a failing sequence can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Fund ledger: properties over random operation sequences")
struct LedgerPropertyTests {
    static let sequences = 300
    static let operationsPerSequence = 14

    /// What the ledger should hold, worked out without a database.
    struct Model {
        var balances = FundBalances()
        var accepted = 0

        /// Applies the movement if the ledger must accept it; returns whether it must.
        mutating func apply(_ movement: LedgerMovement, _ fen: Int64) -> Bool {
            guard fen > 0 else { return false }
            if movement.from != .budget, balances[movement.from] < fen { return false }
            balances[movement.from] -= fen
            balances[movement.to] += fen
            balances.entries += 1
            accepted += 1
            return true
        }
    }

    @Test("every balance equals the sum of its entries, the counter equals both, none goes below zero, every refusal is right")
    func randomSequences() async throws {
        try await TestStorage.withDatabase { db in
            var generator = SeededGenerator(seed: 0x5154_4349_5459)   // "QTCITY"
            var checkedOperations = 0
            for sequence in 0..<Self.sequences {
                // setup: a fresh fund per sequence
                let fund = try await LedgerTests.makeFund(on: db)
                var model = Model()
                for step in 0..<Self.operationsPerSequence {
                    let movement = LedgerMovement.allCases.randomElement(using: &generator)!
                    // Amounts around what the accounts hold, so that exact fits, one-fen misses, zeros and
                    // negatives all turn up.
                    let held = movement.from == .budget ? 1_000_000 : model.balances[movement.from]
                    let fen: Int64
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0: fen = held                                  // exactly what there is
                    case 1: fen = held + 1                              // one fen short
                    case 2: fen = Int64.random(in: -3...0, using: &generator)
                    default: fen = Int64.random(in: 1...max(1, held * 3 / 2 + 1), using: &generator)
                    }
                    let expected = model.apply(movement, fen)
                    // MUT
                    var accepted = true
                    do {
                        _ = try await LedgerTests.post(movement, fen, fund: fund, on: db)
                    } catch is FundLedger.Refusal {
                        accepted = false
                    }
                    // validation
                    #expect(accepted == expected, "sequence \(sequence) step \(step): \(movement) \(fen) with \(model.balances)")
                    checkedOperations += 1
                }
                let derived = try await FundLedger.balances(fundID: fund, on: db)
                let counter = try await FundLedger.counter(fundID: fund, on: db)
                #expect(derived == model.balances, "sequence \(sequence)")
                #expect(counter == derived, "sequence \(sequence)")
                #expect(derived.isBalanced && derived.isNonNegative, "sequence \(sequence)")
                let numbers = try await LedgerEntry.query(on: db).filter(\.$fund.$id == fund).sort(\.$sequence).all().map(\.sequence)
                #expect(numbers == Array(0..<model.accepted).map { $0 + 1 }, "sequence \(sequence)")
            }
            #expect(checkedOperations == Self.sequences * Self.operationsPerSequence)
        }
    }
}
