import Foundation
import Testing
@testable import QualityRules

@Suite struct EvaluationTests {
    static let catalog = try! PolicyCatalog.bundled()

    static func facts(_ json: String = FactsValidationTests.minimal) -> EnterpriseFacts {
        try! EnterpriseFacts.validate(data: Data(json.utf8)).get()
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        // setup: a second catalog loaded separately, so nothing is shared but the files
        let other = try PolicyCatalog.bundled()
        let day = CalendarDate(iso: "2024-06-01")!
        for entry in Self.catalog.programmes {
            // MUT
            let first = try Evaluator(catalog: Self.catalog).evaluate(programme: entry.programme.id, facts: Self.facts(), on: day).jsonData()
            let second = try Evaluator(catalog: other).evaluate(programme: entry.programme.id, facts: Self.facts(), on: day).jsonData()
            // validation
            #expect(first == second, "\(entry.programme.id)")
        }
    }

    @Test func jsonHasTheDocumentedShapeWithSortedKeys() throws {
        let evaluation = try Evaluator(catalog: Self.catalog).evaluate(programme: "sz-backbone", facts: Self.facts(), on: CalendarDate(iso: "2024-06-01")!)
        let text = String(decoding: try evaluation.jsonData(), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["anchors", "award", "conditions", "constraints", "enterprise", "exclusions", "formatVersion",
                                     "policy", "programme", "summary", "verdict"])
        // Keys appear in sorted order at the top level.
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(topLevel == topLevel.sorted())
        let policy = try #require(object["policy"] as? [String: Any])
        let version = try #require(policy["ruleVersion"] as? [String: Any])
        #expect(version["file"] as? String == "000-sz-backbone-2014.yaml")
        #expect((version["contentHash"] as? String)?.count == 16)
        #expect(text.contains("\"verdict\" : \"notEligible\""))
    }

    @Test func theContentHashIsTheFNV1aOfThePolicyFile() throws {
        // FNV-1a 64 test vectors.
        #expect(FNV1a.hex(Array("".utf8)) == "cbf29ce484222325")
        #expect(FNV1a.hex(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(FNV1a.hex(Array("foobar".utf8)) == "85944171f73967e8")
        let policy = try #require(Self.catalog.policy("jm-innovation-centre-2022"))
        #expect(policy.ruleVersion.version == "2022.1")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/QualityRules/Policies").appendingPathComponent(policy.source.file)
        #expect(policy.source.contentHash == FNV1a.hex(try Data(contentsOf: source)))
    }

    @Test func anUnknownProgrammeListsTheKnownOnes() {
        #expect(throws: Evaluator.Failure.self) {
            try Evaluator(catalog: Self.catalog).evaluate(programme: "sz-backbone-2099", facts: Self.facts(), on: CalendarDate(iso: "2024-06-01")!)
        }
        let failure = Evaluator.Failure.unknownProgramme("x", known: ["a", "b"])
        #expect(failure.message.en == "There is no programme 'x'. Known programmes: a, b")
    }

    @Test func theVerdictIsTheWorstOutcome() {
        func result(_ outcome: Outcome) -> RuleResult {
            RuleResult(id: "r", role: .condition, outcome: outcome, label: LocalizedText(zh: "", en: ""),
                       citation: CitationReference(document: "", citation: Citation(clause: LocalizedText(zh: "", en: ""), text: "")),
                       explanation: LocalizedText(zh: "", en: ""))
        }
        #expect(Evaluator.verdict(inForce: true, results: [result(.met), result(.needsFinding)]) == .needsReviewerFindings)
        #expect(Evaluator.verdict(inForce: true, results: [result(.needsFinding), result(.notMet)]) == .notEligible)
        #expect(Evaluator.verdict(inForce: true, results: [result(.met)]) == .eligible)
        #expect(Evaluator.verdict(inForce: false, results: [result(.met)]) == .policyNotInForce)
    }
}


@Suite struct GrantConstraintTests {
    static let rule = RankAndThreshold(minimumPercent: 50, maxRank: 15, citation: Citation(clause: LocalizedText(zh: "第（十）项", en: "item 10"), text: "…"))

    @Test(arguments: [(500, 1000, 15, Outcome.met), (499, 1000, 15, .notMet), (500, 1000, 16, .notMet), (50, 100, 1, .met),
                      (4995, 10000, 1, .notMet), (1, 2, 15, .met), (0, 1000, 0, .notMet)])
    func rankAndThreshold(score: Int, maximum: Int, rank: Int, outcome: Outcome) {
        #expect(GrantConstraints.rankAndThreshold(Self.rule, score: score, maximumScore: maximum, rank: rank).outcome == outcome)
    }

    @Test func perYearLimitCountsOnlyThisProgrammeAndYear() {
        let day = CalendarDate(iso: "2024-03-01")!
        let history = [
            GrantRecord(programme: "p", policy: "x", matter: "certificate:1", date: day, amount: Money(wan: 5)),
            GrantRecord(programme: "p", policy: "x", matter: "certificate:2", date: CalendarDate(iso: "2023-12-31")!, amount: Money(wan: 5)),
            GrantRecord(programme: "q", policy: "x", matter: "certificate:3", date: day, amount: Money(wan: 5)),
        ]
        #expect(GrantConstraints.perYearLimit(limit: 3, programme: "p", year: 2024, history: history, requested: 2).outcome == .met)
        #expect(GrantConstraints.perYearLimit(limit: 3, programme: "p", year: 2024, history: history, requested: 3).outcome == .notMet)
    }

    @Test func noDoubleBenefitLooksAtTheMatterAcrossPolicies() {
        let history = [GrantRecord(programme: "szdraft-p03-green-certification", policy: "draft", matter: "certificate:GP-1",
                                   date: CalendarDate(iso: "2024-01-02")!, amount: Money(wan: 5))]
        #expect(GrantConstraints.noDoubleBenefit(matters: ["certificate:GP-1"], policy: "measures", history: history).outcome == .notMet)
        #expect(GrantConstraints.noDoubleBenefit(matters: ["certificate:GP-2"], policy: "measures", history: history).outcome == .met)
        #expect(GrantConstraints.noDoubleBenefit(matters: ["certificate:GP-1"], policy: "draft", history: history).outcome == .notMet)
    }

    @Test func officerAmountNeedsARangeAndAReason() {
        let range = MoneyRange(minimum: Money(wan: 3), maximum: Money(wan: 80))
        #expect(GrantConstraints.officerAmount(Money(wan: 3), reason: "ok", range: range).outcome == .met)
        #expect(GrantConstraints.officerAmount(Money(wan: 80), reason: " ", range: range).outcome == .notMet)
        #expect(GrantConstraints.officerAmount(Money(fen: Money(wan: 80).fen + 1), reason: "ok", range: range).outcome == .notMet)
        #expect(GrantConstraints.officerAmount(Money(fen: 0), reason: "ok", range: MoneyRange(minimum: nil, maximum: Money(wan: 1))).outcome == .notMet)
    }
}
