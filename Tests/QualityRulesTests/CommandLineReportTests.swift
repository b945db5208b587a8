import Foundation
import Testing
@testable import QualityRules

@Suite struct CommandLineReportTests {
    static let catalog = try! PolicyCatalog.bundled()
    static let day = CalendarDate(iso: "2024-06-01")!
    static let facts = Data("""
    {"registration": {"creditCode": "914403001922038216", "name": "深圳示例通信技术有限公司", "registeredOn": "2010-03-15",
      "legalForm": "legalPerson", "industryCode": "C3921", "operatingStatus": "active"},
     "taxes": [{"year": 2021, "amount": 1000000000}, {"year": 2022, "amount": 1000000000}, {"year": 2023, "amount": 800000000}]}
    """.utf8)

    @Test func textReportInChinese() {
        // MUT
        let outcome = CommandLineEvaluation.run(catalog: Self.catalog, programmeID: "sz-backbone", facts: Self.facts, on: Self.day,
                                                format: .text, language: .zh)
        // validation
        #expect(outcome.exitCode == 0 && outcome.standardError.isEmpty)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "深圳市质量强市骨干企业 (sz-backbone)")
        #expect(lines.contains("结论: 不符合条件"))
        #expect(lines.contains("  [✗] 近三年（2021–2023 年）纳税总额 2,800 万元，低于 3,500 万元（第二条第四项）"))
        #expect(lines.contains("  [?] “强烈的社会责任感、良好的守法诚信记录和社会声誉”需评审人员作出认定（认定项 socialReputation）（第二条第五项）"))
        #expect(lines.last?.hasPrefix("规则版本: sz-backbone-2014 2014.1 (000-sz-backbone-2014.yaml, fnv1a ") == true)
    }

    @Test func textReportInEnglishWithRubric() throws {
        let outcome = CommandLineEvaluation.run(catalog: Self.catalog, programmeID: "jm-innovation-centre", facts: Self.facts, on: Self.day,
                                                deadline: CalendarDate(iso: "2024-06-30")!, format: .text, language: .en)
        let text = outcome.standardOutput
        #expect(text.contains("Verdict: Not eligible"))
        #expect(text.contains("application deadline: 2024-06-30"))
        #expect(text.contains("Jiangmen innovation centre scoring rubric: 0/100"))
        #expect(text.contains("  [✗] Registered in division 440300, which is outside Jiangmen (art. 6(1))"))
    }

    @Test func jsonOutputIsTheEvaluation() throws {
        let outcome = CommandLineEvaluation.run(catalog: Self.catalog, programmeID: "sz-backbone", facts: Self.facts, on: Self.day,
                                                format: .json, language: .zh)
        let evaluation = try JSONDecoder().decode(Evaluation.self, from: Data(outcome.standardOutput.utf8))
        #expect(evaluation.verdict == .notEligible && evaluation.programme.id == "sz-backbone")
        #expect(outcome.standardOutput == String(decoding: try evaluation.jsonData(), as: UTF8.self) + "\n")
    }

    @Test func invalidFactsExitWithCode2AndListEveryProblem() {
        let bad = Data(#"{"registration": {"creditCode": "91440300192203821F", "name": "x", "registeredOn": "2023-02-29", "legalForm": "legalPerson", "industryCode": "C", "operatingStatus": "active"}, "taxes": [{"year": 2023, "amount": -1}]}"#.utf8)
        let outcome = CommandLineEvaluation.run(catalog: Self.catalog, programmeID: "sz-backbone", facts: bad, on: Self.day, format: .text, language: .en)
        #expect(outcome.exitCode == 2 && outcome.standardOutput.isEmpty)
        #expect(outcome.standardError == """
        The facts have 3 problem(s):
          $.registration.creditCode: Wrong check digit: character 18 should be '6' but is 'F'; please check the code for a typo
          $.registration.registeredOn: '2023-02-29' is not a date that exists (YYYY-MM-DD)
          $.taxes[0].amount: Cannot be negative

        """)
    }

    @Test func anUnknownProgrammeIsAUsageErrorListingTheIds() {
        let outcome = CommandLineEvaluation.run(catalog: Self.catalog, programmeID: "backbone", facts: Self.facts, on: Self.day, format: .text, language: .zh)
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.hasPrefix("没有编号为“backbone”的项目。可用项目：sz-backbone、jm-innovation-centre、"))
    }

    @Test func programmeTableAlignsChineseColumns() {
        let table = ProgrammeListing(catalog: Self.catalog, on: Self.day).table()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + Self.catalog.programmes.count)
        let backbone = try! #require(lines.first { $0.hasPrefix("sz-backbone ") })
        let centre = try! #require(lines.first { $0.hasPrefix("jm-innovation-centre ") })
        // The English title starts in the same display column on every row.
        #expect(TextTable.width(String(backbone[..<backbone.range(of: "Shenzhen quality")!.lowerBound]))
                == TextTable.width(String(centre[..<centre.range(of: "Jiangmen enterprise")!.lowerBound])))
        #expect(centre.contains("施行中 inForce") && centre.contains("2022-03-01 – 2025-02-28"))
        #expect(backbone.contains("2014-08-18 – open"))
    }

    @Test func programmeListingJSON() throws {
        let data = try ProgrammeListing(catalog: Self.catalog, on: CalendarDate(iso: "2025-03-01")!).jsonData()
        let listing = try JSONDecoder().decode(ProgrammeListing.self, from: data)
        let centre = try #require(listing.programmes.first { $0.id == "jm-innovation-centre" })
        #expect(centre.status == .expired && centre.document == "江市监规字〔2022〕1号" && centre.seed == "002")
        #expect(listing.programmes.first { $0.id == "szdraft-p03-green-certification" }?.status == .draft)
    }
}
