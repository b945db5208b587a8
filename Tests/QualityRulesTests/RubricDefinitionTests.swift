import Foundation
import QualityRules
import Testing

@Suite("Secretariat-defined rubrics")
struct RubricDefinitionTests {
    @Test("the 000 template parses, adds up to 100 and names every qualification it scores")
    func backboneTemplate() throws {
        let text = try #require(RubricDefinition.template(for: "sz-backbone"))
        let rubric = try RubricDefinition.parse(yaml: text, name: "sz-backbone.yaml")
        #expect(rubric.totalPoints == Points(100))
        let indicators = RubricDefinition.indicators(of: rubric)
        #expect(indicators.count == 6)
        #expect(indicators.reduce(Points.zero) { $0 + $1.indicator.points } == Points(100))
    }

    @Test("a rubric whose points do not add up is refused with the line")
    func pointsMustAddUp() throws {
        let text = try #require(RubricDefinition.template(for: "sz-backbone"))
            .replacingOccurrences(of: "totalPoints: 100", with: "totalPoints: 90")
        #expect {
            _ = try RubricDefinition.parse(yaml: text, name: "call-rubric")
        } throws: { error in
            guard let error = error as? PolicyLoadError else { return false }
            return error.file == "call-rubric" && error.line > 0 && error.reason.contains("add up")
        }
    }

    @Test("malformed YAML is refused with its line")
    func malformed() {
        #expect(throws: PolicyLoadError.self) {
            _ = try RubricDefinition.parse(yaml: "title: {zh: x\n  groups: [", name: "bad")
        }
    }

    @Test("no template for a programme that has its own rubric")
    func noTemplate() {
        #expect(RubricDefinition.template(for: "jm-innovation-centre") == nil)
    }
}
