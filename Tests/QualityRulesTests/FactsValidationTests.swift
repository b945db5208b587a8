import Foundation
import Testing
@testable import QualityRules

@Suite struct FactsValidationTests {
    static let minimal = """
    {"registration": {"creditCode": "914403001922038216", "name": "示例", "registeredOn": "2010-03-15",
      "legalForm": "legalPerson", "industryCode": "C3921", "operatingStatus": "active"}}
    """

    private func problems(_ json: String) -> [FactsProblem] {
        switch EnterpriseFacts.validate(data: Data(json.utf8)) {
        case .success: []
        case .failure(let error): error.problems
        }
    }

    @Test func aMinimalDocumentIsValidAndEverythingElseIsEmpty() throws {
        let facts = try EnterpriseFacts.validate(data: Data(Self.minimal.utf8)).get()
        #expect(facts.registration.creditCode.value == "914403001922038216")
        #expect(facts.registration.effectiveDivisionCode == "440300")
        #expect(facts.events.isEmpty && facts.history.grants.isEmpty && !facts.chiefQualityOfficer.appointed)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let json = """
        {"registration": {"creditCode": "91440300192203821F", "name": "示例", "registeredOn": "2023-02-29",
          "legalForm": "company", "industryCode": "3921", "operatingStatus": "active", "founder": "x"},
         "taxes": [{"year": 2022, "amount": -100}, {"year": 2023, "amount": 12.5}],
         "events": [{"date": "2023-13-01", "kind": "penalty", "area": "quality", "severity": "general", "outcome": "decided"}],
         "staff": {"fullTimeQualityStaff": "two"}}
        """
        let found = problems(json)
        let paths = found.map(\.path)
        #expect(paths == [
            "$.events[0].date", "$.events[0].level", "$.registration.creditCode", "$.registration.founder",
            "$.registration.industryCode", "$.registration.legalForm", "$.registration.registeredOn",
            "$.staff.fullTimeQualityStaff", "$.taxes[0].amount", "$.taxes[1].amount",
        ])
        #expect(found.first { $0.path == "$.taxes[0].amount" }?.message.zh == "不能为负数")
        #expect(found.first { $0.path == "$.taxes[1].amount" }?.message.en.contains("whole fen") == true)
        #expect(found.first { $0.path == "$.registration.registeredOn" }?.message.en.contains("not a date that exists") == true)
        #expect(found.first { $0.path == "$.registration.creditCode" }?.message.zh.contains("校验码错误") == true)
        #expect(found.first { $0.path == "$.registration.legalForm" }?.message.en.contains("legalPerson") == true)
    }

    @Test func missingRegistrationAndWrongTypes() {
        let found = problems(#"{"labs": [{"independent": "yes"}], "practices": ["qmsOperating", "sixSigma"]}"#)
        #expect(found.map(\.path) == ["$.labs[0].independent", "$.practices[1]", "$.registration"])
    }

    @Test func periodsThatEndBeforeTheyStartAndRepeatedTaxYears() {
        let json = """
        {"registration": {"creditCode": "914403001922038216", "name": "示例", "registeredOn": "2010-03-15",
          "legalForm": "legalPerson", "industryCode": "C3921", "operatingStatus": "active"},
         "certifications": [{"type": "iso9001", "number": "Q1", "validFrom": "2024-01-01", "validTo": "2023-12-31"}],
         "taxes": [{"year": 2022, "amount": 100}, {"year": 2022, "amount": 200}],
         "history": {"titles": [{"programme": "jm-innovation-centre", "grantedOn": "2022-01-01", "revokedOn": "2021-01-01"}]}}
        """
        #expect(problems(json).map(\.path) == ["$.certifications[0].validTo", "$.taxes[1].year", "$.history.titles[0].revokedOn"])
    }

    @Test func notJSONAtAll() {
        #expect(problems("{registration:").map(\.path) == ["$"])
    }

    @Test func factsRoundTripThroughJSON() throws {
        let facts = try EnterpriseFacts.validate(data: Data(Self.minimal.utf8)).get()
        let again = try EnterpriseFacts.validate(data: JSONEncoder().encode(facts)).get()
        #expect(again == facts)
    }
}

@Suite struct FactsSchemaDocumentTests {
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/facts.schema.json")

    /// The committed schema is the one the validator uses. Regenerate with QC_UPDATE_SCHEMA=1 swift test.
    @Test func committedSchemaMatchesTheValidator() throws {
        let generated = FactsSchema.document()
        if ProcessInfo.processInfo.environment["QC_UPDATE_SCHEMA"] == "1" {
            try Data(generated.utf8).write(to: Self.documentURL)
        }
        let committed = try String(contentsOf: Self.documentURL, encoding: .utf8)
        #expect(committed == generated, "docs/facts.schema.json is out of date: run QC_UPDATE_SCHEMA=1 swift test --filter FactsSchemaDocumentTests")
    }

    @Test func schemaListsEveryVocabularyValue() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(FactsSchema.document().utf8)) as? [String: Any]
        let defs = try #require(schema?["$defs"] as? [String: Any])
        let certification = try #require(defs["certification"] as? [String: Any])
        let type = try #require((certification["properties"] as? [String: Any])?["type"] as? [String: Any])
        #expect((type["enum"] as? [String])?.count == CertificationType.allCases.count)
        #expect(schema?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }
}
