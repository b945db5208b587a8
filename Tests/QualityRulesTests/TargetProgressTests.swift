import Testing
@testable import QualityRules

/// Indicator values are exact decimal text: parsed strictly, compared without floating point.
@Suite struct TargetProgressTests {
    @Test func valuesAreParsedExactly() throws {
        #expect(try TargetProgress.parse("3,120").get() == "3120")
        #expect(try TargetProgress.parse(" 0.47 ").get() == "0.47")
        #expect(try TargetProgress.parse("007.50").get() == "7.50")
        #expect(TargetProgress.parse("-1") == .failure(.notANumber))
        #expect(TargetProgress.parse("92%") == .failure(.notANumber))
        #expect(TargetProgress.parse("1.23456") == .failure(.tooManyDecimals))
        #expect(TargetProgress.parse("100.01", percent: true) == .failure(.percentOver100))
        #expect(try TargetProgress.parse("100.00", percent: true).get() == "100.00")
        #expect(TargetProgress.status(value: "0.47", target: "0.47", direction: .atMost) == .met)
        #expect(TargetProgress.status(value: "0.4701", target: "0.47", direction: .atMost) == .notMet)
        #expect(TargetProgress.status(value: "91.99", target: "92", direction: .atLeast) == .notMet)
        #expect(TargetProgress.status(value: "2", target: "2", direction: .approximately) == .unjudged)
        #expect(TargetProgress.status(value: nil, target: "2", direction: .atLeast) == .notReported)
    }
}
