import Foundation
import Testing
@testable import QualityRules

/// Every credit-grade case in `Cases/Credit/*.json`, run by one parameterised test: base facts, and per case
/// a day, changes to the facts, the grade and the rules expected to apply (exactly, in `CreditRules.all` order).
struct CreditCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let on: CalendarDate
    let facts: Data
    let expect: Expectation

    var testDescription: String { "\(file): \(name)" }

    struct Expectation: Sendable, Decodable {
        var grade: CreditGrade
        var findings: [String]
        var explains: [String]?
    }

    private struct File: Decodable {
        var base: JSONObject
        var cases: [Case]
    }

    private struct Case: Decodable {
        var name: String
        var on: CalendarDate
        var patch: JSONObject?
        var expect: Expectation
    }

    static func all() -> [CreditCase] {
        guard let folder = Bundle.module.url(forResource: "Cases", withExtension: nil)?.appendingPathComponent("Credit"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return [CreditCase(file: "Cases/Credit", name: "missing", on: CalendarDate(year: 2000, month: 1, day: 1)!, facts: Data(),
                               expect: Expectation(grade: .a, findings: ["the case folder is missing"]))]
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().flatMap { name -> [CreditCase] in
            do {
                let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
                return try file.cases.map { c in
                    CreditCase(file: name, name: c.name, on: c.on, facts: try JSONObject.merge(file.base, c.patch).data(), expect: c.expect)
                }
            } catch {
                return [CreditCase(file: name, name: "unreadable: \(error)", on: CalendarDate(year: 2000, month: 1, day: 1)!, facts: Data(),
                                   expect: Expectation(grade: .a, findings: ["unreadable"]))]
            }
        }
    }
}

@Suite struct CreditGradeTests {
    @Test func thereAreEnoughCases() {
        let cases = CreditCase.all()
        #expect(cases.count >= 30)
        // Every grade and every rule is reached by some case.
        #expect(Set(cases.map(\.expect.grade)) == Set(CreditGrade.allCases))
        #expect(Set(cases.flatMap(\.expect.findings)) == Set(CreditRules.all.map(\.id)))
    }

    @Test(arguments: CreditCase.all())
    func creditCase(_ c: CreditCase) throws {
        // setup
        let facts = try EnterpriseFacts.validate(data: c.facts).get()
        // MUT
        let assessment = CreditGrading.assess(facts, on: c.on)
        // validation
        #expect(assessment.grade == c.expect.grade, "\(assessment.summary.en)")
        #expect(assessment.findings.map(\.rule.id) == c.expect.findings, "\(assessment.summary.en)")
        let text = String(decoding: try JSONEncoder().encode(assessment), as: UTF8.self)
        for fragment in c.expect.explains ?? [] {
            #expect(text.contains(fragment), "the findings do not mention '\(fragment)'")
        }
    }

    @Test func everyRuleHasACitationOrAReason() {
        for rule in CreditRules.all {
            #expect(rule.citation != nil || rule.reasoning != nil, "\(rule.id)")
        }
        #expect(Set(CreditRules.all.map(\.id)).count == CreditRules.all.count)
    }

    /// The citations quote the seeds word for word, like the policy files' (see `CatalogTests`).
    @Test func citationsQuoteTheSeeds() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repository.deletingLastPathComponent().appendingPathComponent("shared/seeds"), URL(fileURLWithPath: "/work/shared/seeds")]
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return }
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .map { String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self) }
            .map { $0.filter { !$0.isWhitespace } }
        for citation in CreditRules.all.compactMap(\.citation) + [CreditRules.basis] {
            let body = citation.text.filter { !$0.isWhitespace }.trimmingCharacters(in: CharacterSet(charactersIn: "。；，："))
            #expect(seeds.contains { $0.contains(body) }, "\(citation.document) \(citation.clause.zh)")
        }
    }

    /// `docs/credit-grade.md` lists every rule by its id, so the document and the code cannot drift apart.
    @Test func theDocumentListsEveryRule() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: repository.appendingPathComponent("docs/credit-grade.md"), encoding: .utf8)
        for rule in CreditRules.all {
            #expect(document.contains("`\(rule.id)`"), "docs/credit-grade.md does not describe \(rule.id)")
        }
        #expect(document.contains(CreditRules.version))
    }
}
