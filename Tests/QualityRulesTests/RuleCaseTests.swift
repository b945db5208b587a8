import Foundation
import Testing
@testable import QualityRules

/// Every rule case in `Cases/*.json`, run by one parameterised test. A case file names a programme, gives
/// base facts, and lists cases: a date, changes to the base facts, an optional claim, and what to expect.
/// See `Cases/README.md` for the format.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let programme: String
    let on: CalendarDate
    let deadline: CalendarDate?
    let evaluateDrafts: Bool
    let facts: Data
    let claim: GrantClaim?
    let expect: Expectation

    var testDescription: String { "\(file) [\(programme)]: \(name)" }

    struct Expectation: Sendable, Decodable {
        var verdict: Verdict
        var outcomes: [String: Outcome]?
        var policyStatus: PolicyStatus?
        var score: Points?
        var indicators: [String: Points]?
        var award: AwardExpectation?
        /// Substrings that must appear in the explanations (zh or en).
        var explains: [String]?
    }

    struct AwardExpectation: Sendable, Decodable {
        var amount: Money?
        var cap: Money?
        var withheld: Bool?
        var needsOfficerDecision: Bool?
        var items: Int?
    }

    private struct File: Decodable {
        var programme: String
        var base: JSONObject
        var cases: [Case]
    }

    private struct Case: Decodable {
        /// Overrides the file's programme, so one set of base facts can serve several programmes.
        var programme: String?
        var name: String
        var on: CalendarDate
        var deadline: CalendarDate?
        var evaluateDrafts: Bool?
        var patch: JSONObject?
        var claim: GrantClaim?
        var expect: Expectation
    }

    static func all() -> [RuleCase] {
        guard let folder = Bundle.module.url(forResource: "Cases", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().flatMap { name -> [RuleCase] in
            do {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                let file = try JSONDecoder().decode(File.self, from: data)
                return try file.cases.map { c in
                    let merged = JSONObject.merge(file.base, c.patch)
                    return RuleCase(file: name, name: c.name, programme: c.programme ?? file.programme, on: c.on, deadline: c.deadline,
                                    evaluateDrafts: c.evaluateDrafts ?? false, facts: try merged.data(), claim: c.claim,
                                    expect: c.expect)
                }
            } catch {
                // A broken case file must fail loudly, not vanish from the run.
                return [RuleCase(file: name, name: "unreadable: \(error)", programme: "", on: CalendarDate(year: 2000, month: 1, day: 1)!,
                                 deadline: nil, evaluateDrafts: false, facts: Data(), claim: nil,
                                 expect: Expectation(verdict: .eligible))]
            }
        }
    }
}

/// A JSON object for merging base facts with a case's changes (objects merge key by key; anything else replaces).
struct JSONObject: Decodable, @unchecked Sendable {
    let value: Any

    init(value: Any) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(AnyJSON.self)
        value = raw.value
    }

    static func merge(_ base: JSONObject, _ patch: JSONObject?) -> JSONObject {
        guard let patch else { return base }
        return JSONObject(value: merge(base.value, patch.value))
    }

    private static func merge(_ base: Any, _ patch: Any) -> Any {
        guard var object = base as? [String: Any], let changes = patch as? [String: Any] else { return patch }
        for (key, change) in changes {
            if change is NSNull { object[key] = nil } else { object[key] = object[key].map { merge($0, change) } ?? change }
        }
        return object
    }

    func data() throws -> Data { try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) }
}

private struct AnyJSON: Decodable {
    let value: Any

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = NSNull() }
        else if let b = try? c.decode(Bool.self) { value = b }
        else if let i = try? c.decode(Int64.self) { value = i }
        else if let d = try? c.decode(Double.self) { value = d }
        else if let s = try? c.decode(String.self) { value = s }
        else if let a = try? c.decode([AnyJSON].self) { value = a.map(\.value) }
        else { value = try c.decode([String: AnyJSON].self).mapValues(\.value) }
    }
}

@Suite struct RuleCaseTests {
    static let catalog = try! PolicyCatalog.bundled()

    @Test func everyProgrammeHasAtLeastFiveCases() {
        let counted = Dictionary(grouping: RuleCase.all(), by: \.programme).mapValues(\.count)
        for entry in Self.catalog.programmes {
            #expect((counted[entry.programme.id] ?? 0) >= 5, "\(entry.programme.id) has \(counted[entry.programme.id] ?? 0) cases")
        }
        #expect(Set(counted.keys).isSubset(of: Set(Self.catalog.programmes.map(\.programme.id))))
    }

    @Test(arguments: RuleCase.all())
    func ruleCase(_ c: RuleCase) throws {
        // setup
        let facts = try EnterpriseFacts.validate(data: c.facts).get()
        let options = Evaluator.Options(applicationDeadline: c.deadline, claim: c.claim, evaluateDrafts: c.evaluateDrafts)
        // MUT
        let evaluation = try Evaluator(catalog: Self.catalog).evaluate(programme: c.programme, facts: facts, on: c.on, options: options)
        // validation
        #expect(evaluation.verdict == c.expect.verdict, "\(evaluation.summary.en)")
        let results = Dictionary(uniqueKeysWithValues: evaluation.allResults.map { ($0.id, $0) })
        for (id, outcome) in c.expect.outcomes ?? [:] {
            let result = try #require(results[id], "no result '\(id)'; have \(results.keys.sorted())")
            #expect(result.outcome == outcome, "\(id): \(result.explanation.en)")
        }
        if let status = c.expect.policyStatus { #expect(evaluation.policy.status == status) }
        if let score = c.expect.score { #expect(evaluation.rubric?.score == score) }
        let indicators = Dictionary(uniqueKeysWithValues: (evaluation.rubric?.groups.flatMap(\.indicators) ?? []).map { ($0.id, $0) })
        for (id, points) in c.expect.indicators ?? [:] {
            let indicator = try #require(indicators[id], "no indicator '\(id)'")
            #expect(indicator.score == points, "\(id): \(indicator.explanation.en)")
        }
        if let award = c.expect.award {
            let actual = try #require(evaluation.award)
            if let amount = award.amount { #expect(actual.amount == amount, "\(actual.explanation.en)") }
            if let cap = award.cap { #expect(actual.cap == cap, "\(actual.explanation.en)") }
            if let withheld = award.withheld { #expect(actual.withheld == withheld) }
            if let needs = award.needsOfficerDecision { #expect(actual.needsOfficerDecision == needs) }
            if let items = award.items { #expect(actual.items?.count ?? 0 == items) }
        }
        let text = try String(decoding: evaluation.jsonData(), as: UTF8.self)
        for fragment in c.expect.explains ?? [] {
            #expect(text.contains(fragment), "explanations do not mention '\(fragment)'")
        }
    }
}
