import Foundation
import Testing
@testable import QualityRules

/// A minimal valid policy file; each test breaks one thing in it.
private let validPolicy = """
format: 1
policy:
  id: test-policy
  seed: "900"
  documentNumber: 测试〔2024〕1号
  title: {zh: 测试政策, en: Test policy}
  issuer: {zh: 测试局, en: Test bureau}
  inForce: {from: 2024-01-01, years: 2}
  version: "1"
programmes:
  - id: test-grant
    kind: grant
    title: {zh: 测试资助, en: Test grant}
    summary: {zh: 测试, en: Test}
    clause: {zh: 第一条, en: art. 1}
    text: 测试原文。
    conditions:
      - id: tax
        label: {zh: 纳税, en: Tax}
        clause: {zh: 第二条, en: art. 2}
        text: 三年纳税总额达到100万元
        taxTotal: {years: 3, minimum: 100万}
    award:
      clause: {zh: 第三条, en: art. 3}
      text: 予以10万元资助
      fixed: 10万
"""

private func load(_ yaml: String, file: String = "900-test.yaml") throws(PolicyLoadError) -> Policy {
    try PolicyDecoder.decode(data: Data(yaml.utf8), file: file)
}

private func refusal(_ yaml: String) -> PolicyLoadError? {
    do {
        _ = try load(yaml)
        return nil
    } catch {
        return error
    }
}

@Suite struct LoaderTests {
    @Test func theValidFileLoads() throws {
        let policy = try load(validPolicy)
        #expect(policy.inForce?.end?.iso == "2025-12-31")
        #expect(policy.programmes.first?.award?.amount == .fixed(Money(wan: 10)))
        #expect(policy.source.contentHash == FNV1a.hex(Data(validPolicy.utf8)))
        #expect(policy.source.contentHash.count == 16)
    }

    @Test func anUnknownKeyIsRefusedWithItsLine() throws {
        let yaml = validPolicy.replacingOccurrences(of: "taxTotal: {years: 3, minimum: 100万}", with: "taxTotal: {years: 3, minimun: 100万}")
        let error = try #require(refusal(yaml))
        #expect(error.file == "900-test.yaml")
        #expect(error.line == 22)
        #expect(error.reason.contains("unknown key 'minimun'"))
        #expect(error.description.hasPrefix("900-test.yaml:22:"))
    }

    @Test func anUnknownConditionKindIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "taxTotal: {years: 3, minimum: 100万}", with: "profitMargin: {minimum: 10}")
        let error = try #require(refusal(yaml))
        #expect(error.line == 22)
        #expect(error.reason.contains("unknown key 'profitMargin'"))
    }

    @Test func aRuleWithoutAKindIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "        taxTotal: {years: 3, minimum: 100万}\n", with: "")
        let error = try #require(refusal(yaml))
        #expect(error.line == 18)
        #expect(error.reason.contains("needs one condition kind"))
    }

    @Test func anAmountThatIsNotWholeFenIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "fixed: 10万", with: "fixed: 100000.005")
        let error = try #require(refusal(yaml))
        #expect(error.line == 26)
        #expect(error.reason.contains("not a whole number of fen"))
    }

    @Test func aDateThatDoesNotExistIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "from: 2024-01-01", with: "from: 2023-02-29")
        let error = try #require(refusal(yaml))
        #expect(error.line == 8)
        #expect(error.reason.contains("'2023-02-29' is not a calendar date that exists"))
    }

    @Test func aDuplicateRuleIdIsRefused() throws {
        let rule = """
              - id: tax
                label: {zh: 纳税, en: Tax}
                clause: {zh: 第二条, en: art. 2}
                text: 三年纳税总额达到100万元
                taxTotal: {years: 3, minimum: 100万}
            award:
        """
        let yaml = validPolicy.replacingOccurrences(of: "    award:", with: rule)
        let error = try #require(refusal(yaml))
        #expect(error.reason.contains("rule id 'tax' appears twice"))
        #expect(error.line > 0)
    }

    @Test func aYAMLSyntaxErrorKeepsItsLine() throws {
        let yaml = validPolicy.replacingOccurrences(of: "  version: \"1\"", with: "  version: \"1")
        let error = try #require(refusal(yaml))
        #expect(error.reason.hasPrefix("YAML syntax"))
        #expect(error.line >= 9)
    }

    @Test func aDuplicateKeyIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "  version: \"1\"", with: "  version: \"1\"\n  version: \"2\"")
        let error = try #require(refusal(yaml))
        #expect(error.reason.contains("duplicate key version"))
        #expect(error.line == 9)
    }

    @Test func aDraftWithDatesIsRefused() throws {
        let yaml = validPolicy.replacingOccurrences(of: "  version: \"1\"", with: "  version: \"1\"\n  draft: true")
        let error = try #require(refusal(yaml))
        #expect(error.reason.contains("a draft has no in-force dates"))
    }

    @Test func aGrantWithoutAnAwardIsRefused() throws {
        let yaml = String(validPolicy[..<validPolicy.range(of: "    award:")!.lowerBound])
        let error = try #require(refusal(yaml))
        #expect(error.reason.contains("a grant programme needs an 'award'"))
        #expect(error.line == 11)
    }

    @Test func rubricPointsMustAddUp() throws {
        let rubric = """
            rubric:
              title: {zh: 评分, en: Scoring}
              clause: {zh: 附件, en: annex}
              text: 评分标准
              totalPoints: 100
              groups:
                - id: g1
                  name: {zh: 一, en: One}
                  points: 90
                  indicators:
                    - id: i1
                      name: {zh: 指标1, en: Indicator 1}
                      points: 90
                      clause: {zh: 指标1, en: indicator 1}
                      text: 得分
                      parts:
                        - id: p1
                          items:
                            - {id: it1, label: {zh: 实验室, en: lab}, points: 90, records: {labs: {independent: true}}}
            award:
        """
        let error = try #require(refusal(validPolicy.replacingOccurrences(of: "    award:", with: rubric)))
        #expect(error.reason.contains("the groups add up to 90 points, not totalPoints 100"))
    }

    @Test func duplicateProgrammeIdsAcrossFilesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(validPolicy.utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data(validPolicy.replacingOccurrences(of: "id: test-policy", with: "id: other-policy").utf8)
            .write(to: folder.appendingPathComponent("b.yaml"))
        #expect(throws: PolicyLoadError(file: "b.yaml", line: 0, column: 0, reason: "programme id 'test-grant' is already used in a.yaml")) {
            try PolicyCatalog.load(directory: folder)
        }
    }

    /// 000's annex (评审标准) is missing; the secretariat can write one in the same format and it scores.
    @Test func aRubricDefinedOnlyInDataScores() throws {
        let rubric = """
            rubric:
              title: {zh: 骨干企业评审标准（示例）, en: Backbone review standard (example)}
              clause: {zh: 附件二, en: annex 2}
              text: 深圳市质量强市骨干企业评审标准
              totalPoints: 20
              groups:
                - id: g1
                  name: {zh: 质量基础, en: Quality basics}
                  points: 20
                  indicators:
                    - id: certificates
                      name: {zh: 体系认证, en: Certificates}
                      points: 6
                      clause: {zh: 附件二 指标1, en: "annex 2, indicator 1"}
                      text: 每项有效体系认证得 2 分，最高 6 分
                      parts:
                        - id: certificates-a
                          cap: 6
                          items:
                            - {id: qms, label: {zh: 体系认证, en: certificates}, points: 2, count: perRecord, records: {certifications: {types: [iso9001, iso14001, iso45001, iatf16949]}}}
                    - id: awards
                      name: {zh: 质量奖, en: Quality awards}
                      points: 14
                      clause: {zh: 附件二 指标2, en: "annex 2, indicator 2"}
                      text: 获得质量奖的，只计最高级别
                      parts:
                        - id: awards-a
                          mode: highest
                          items:
                            - {id: national, label: {zh: 国家级, en: national}, points: 14, records: {awards: {levels: [national]}}}
                            - {id: municipal, label: {zh: 市级, en: municipal}, points: 8, records: {awards: {levels: [municipal], within: {years: 4}}}}
            award:
        """
        let policy = try load(validPolicy.replacingOccurrences(of: "    award:", with: rubric))
        let facts = EnterpriseFacts(
            registration: Registration(creditCode: CreditCode("914403001922038216")!, name: "示例", registeredOn: CalendarDate(iso: "2010-01-01")!,
                                       legalForm: .legalPerson, industryCode: "C39"),
            certifications: ["iso9001", "iso14001", "iso45001", "iatf16949"].enumerated().map { index, type in
                Certification(type: CertificationType(rawValue: type)!, number: "N\(index)", validFrom: CalendarDate(iso: "2023-01-01")!)
            },
            awards: [AwardRecord(kind: .shenzhenMayorQualityAward, level: .municipal, year: 2021),
                     AwardRecord(kind: .governmentQualityAward, level: .municipal, year: 2019)])
        let rubricResult = try #require(policy.programmes.first?.rubric)
            .score(facts, anchors: Anchors(evaluationDate: CalendarDate(iso: "2024-06-01")!, applicationDeadline: CalendarDate(iso: "2024-06-01")!,
                                          deadlineSource: .evaluationDate), document: policy.citationLabel)
        #expect(rubricResult.score == Points(14))
        #expect(rubricResult.groups[0].indicators.map(\.score) == [Points(6), Points(8)])
    }
}
