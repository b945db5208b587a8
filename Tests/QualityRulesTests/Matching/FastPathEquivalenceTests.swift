import Foundation
import QualityRules
import SyntheticCity
import Testing

/// The fast path's promise: for every enterprise and every programme, the verdict, the rubric score and
/// the award amount `Matcher` computes in columns are exactly those of `Evaluator.evaluate`.
@Suite struct FastPathEquivalenceTests {
    static let catalog = try! PolicyCatalog.bundled()

    /// Days that put different policies in and out of force and different calls open.
    static let days = ["2024-06-01", "2024-11-30", "2023-06-20", "2025-02-28", "2014-11-30", "2028-06-20"]

    @Test("edge-case enterprises: same verdict, score and award as the evaluator", arguments: days)
    func edgeCases(day text: String) throws {
        // setup
        let day = try #require(CalendarDate(iso: text))
        let generator = EdgeCaseFacts(seed: FNV1a.hash64(Array(text.utf8)), day: day, catalog: Self.catalog)
        let enterprises = (0..<400).map { generator.make(index: $0) }
        // MUT + validation
        try Self.compare(enterprises, on: day, evaluateDrafts: false)
        try Self.compare(enterprises, on: day, evaluateDrafts: true)
    }

    @Test("a synthetic city: same verdict, score and award as the evaluator")
    func syntheticCity() throws {
        let city = SyntheticCity(seed: 8, count: 3000)
        let enterprises = (0..<city.count).map(city.enterprise)
        try Self.compare(enterprises, on: CalendarDate(iso: "2024-06-01")!, evaluateDrafts: true)
    }

    @Test("a kernel that disagrees is caught: dropping a rule changes some verdict")
    func theComparisonCanFail() throws {
        // setup: 004 item 3 without its certificate condition, compiled as if it were the real one
        let day = CalendarDate(iso: "2024-06-01")!
        let generator = EdgeCaseFacts(seed: 1, day: day, catalog: Self.catalog)
        let enterprises = (0..<400).map { generator.make(index: $0) }
        let entry = try #require(Self.catalog.programmes.first { $0.programme.id == "sz2023-m03-carbon-footprint-label" })
        var weakened = entry.programme
        weakened.conditions.removeAll { $0.id == "carbon-footprint-certificate" }
        let policy = entry.policy
        var changed = policy
        changed.programmes = [weakened]
        let weakCatalog = try PolicyCatalog(policies: [changed])
        let builder = FactColumns.Builder()
        enterprises.forEach(builder.append)
        let columns = builder.build()
        // MUT
        let result = Matcher.run(MatchPlan(weakCatalog.programmes, on: day, columns: columns), on: columns)
        // validation: the reference (with the tax rule) disagrees somewhere
        let evaluator = Evaluator(catalog: Self.catalog)
        let disagreements = enterprises.indices.filter { index in
            let reference = try! evaluator.evaluate(programme: entry.programme.id, facts: enterprises[index], on: day)
            return reference.verdict != result.programme(entry.programme.id)!.verdict(index)
        }
        #expect(!disagreements.isEmpty)
    }

    @Test("the enum ordinals the columns store are the positions in allCases")
    func ordinals() {
        func check<T: CaseIterable & Equatable>(_ type: T.Type) {
            for (position, value) in T.allCases.enumerated() {
                #expect(withUnsafeBytes(of: value) { $0[0] } == UInt8(position), "\(T.self).\(value)")
                #expect(MemoryLayout<T>.size == 1)
            }
        }
        check(LegalForm.self); check(OperatingStatus.self); check(CertificationType.self); check(EventKind.self)
        check(EventArea.self); check(Severity.self); check(EventOutcome.self); check(AdministrativeLevel.self)
        check(PatentKind.self); check(Jurisdiction.self); check(StandardLevel.self); check(DraftingRole.self)
        check(AwardKind.self); check(ProjectKind.self); check(TitleField.self); check(TitleLevel.self)
        check(ManagementPractice.self)
    }

    static func compare(_ enterprises: [EnterpriseFacts], on day: CalendarDate, evaluateDrafts: Bool) throws {
        let builder = FactColumns.Builder()
        enterprises.forEach(builder.append)
        let columns = builder.build()
        let plan = MatchPlan(catalog.programmes, on: day, columns: columns, evaluateDrafts: evaluateDrafts)
        // Small chunks and two threads, so chunk edges and the threading are exercised too.
        let result = Matcher.run(plan, on: columns, options: .init(threads: 2, chunkSize: 37))
        let evaluator = Evaluator(catalog: catalog)
        var failures = 0
        for entry in catalog.programmes {
            let fast = try #require(result.programme(entry.programme.id))
            for (index, facts) in enterprises.enumerated() {
                let reference = evaluator.evaluate(entry.programme, of: entry.policy, facts: facts, on: day,
                                                   options: .init(evaluateDrafts: evaluateDrafts))
                let award = reference.award.map { $0.amount ?? $0.cap ?? .zero }
                let same = fast.verdict(index) == reference.verdict && fast.score(index) == reference.rubric?.score
                    && fast.award(index) == award
                if !same {
                    failures += 1
                    guard failures <= 5 else { continue }
                    let outcomes = Matcher.ruleOutcomes(plan, programme: entry.programme.id, index: index, columns: columns)
                    let expected = (reference.conditions + reference.exclusions).map { ($0.id, $0.outcome) }
                    let rules = zip(outcomes, expected).filter { $0.0.1 != $0.1.1 }.map { "\($0.0.0): fast \($0.0.1), reference \($0.1.1)" }
                    Issue.record("""
                        \(entry.programme.id) on \(day.iso), enterprise \(index): fast \(fast.verdict(index)) \
                        score \(fast.score(index).map(String.init(describing:)) ?? "-") award \(fast.award(index).map(String.init(describing:)) ?? "-"); \
                        reference \(reference.verdict) score \(reference.rubric.map { "\($0.score)" } ?? "-") \
                        award \(award.map(String.init(describing:)) ?? "-"); rules: \(rules); \
                        constraints: \(reference.constraints.map { "\($0.id) \($0.outcome)" })
                        facts: \(String(decoding: try JSONEncoder().encode(facts), as: UTF8.self))
                        """)
                }
            }
        }
        #expect(failures == 0, "\(failures) disagreements on \(day.iso) (drafts: \(evaluateDrafts))")
    }
}
