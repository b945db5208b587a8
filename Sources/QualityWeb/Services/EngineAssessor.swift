import Foundation
import QualityRules
import QualityStorage

/// The rules engine behind the workflow: the policy catalogue loaded and validated at start-up, and the
/// evaluator that explains every verdict.
public struct EngineAssessor: ApplicationAssessor {
    public let catalog: PolicyCatalog
    let evaluator: Evaluator
    public let programmes: [ProgrammeInfo]

    public init(catalog: PolicyCatalog) {
        self.catalog = catalog
        self.evaluator = Evaluator(catalog: catalog)
        self.programmes = catalog.programmes.map { entry in
            let (policy, programme) = (entry.policy, entry.programme)
            return ProgrammeInfo(id: programme.id, policyID: policy.id, title: programme.title, summary: programme.summary,
                                 isRecognition: programme.kind == .recognition, annualQuota: programme.annualQuota?.perYear,
                                 materials: programme.materials.map(\.name), inForce: policy.inForce,
                                 requiresOnSiteReview: programme.procedure.contains { $0.id == "onSiteReview" },
                                 titleValidityYears: programme.titleValidityYears, supervision: programme.supervision)
        }
    }

    /// The bundled policy files; a malformed file stops start-up with its file, line and reason.
    public static func bundled() throws -> EngineAssessor {
        do {
            return EngineAssessor(catalog: try PolicyCatalog.bundled())
        } catch {
            throw PolicyFilesError(underlying: error)
        }
    }

    /// The policy files of `directory`, or the bundled ones.
    public static func load(_ directory: String?) throws -> EngineAssessor {
        guard let directory else { return try bundled() }
        do {
            return EngineAssessor(catalog: try PolicyCatalog.load(directory: URL(fileURLWithPath: directory)))
        } catch {
            throw PolicyFilesError(underlying: error)
        }
    }

    public func assess(programmeID: String, factsJSON: String, on date: CalendarDate, deadline: CalendarDate?) throws -> Assessment {
        let facts: EnterpriseFacts
        switch EnterpriseFacts.validate(data: Data(factsJSON.utf8)) {
        case .success(let valid): facts = valid
        case .failure(let failure):
            let fields = Dictionary(failure.problems.map { ($0.path, $0.message) }, uniquingKeysWith: { first, _ in first })
            throw AppError.invalid(T(zh: "企业信息不完整或有误，规则引擎无法判定，请先完善企业信息",
                                     en: "The enterprise's facts are incomplete or wrong; complete them before the engine can judge"),
                                   fields: fields)
        }
        let evaluation: Evaluation
        do {
            evaluation = try evaluator.evaluate(programme: programmeID, facts: facts, on: date,
                                                options: .init(applicationDeadline: deadline))
        } catch {
            throw AppError.notFound(error.message)
        }
        let json = String(decoding: try evaluation.jsonData(), as: UTF8.self)
        let version = evaluation.policy.ruleVersion
        let bans = Set(catalog.programme(programmeID)?.1.allRules.compactMap { rule -> String? in
            if case .revocationBan = rule.kind { return rule.id }
            return nil
        } ?? [])
        return Assessment(verdict: Assessment.Verdict(rawValue: evaluation.verdict.rawValue) ?? .notEligible,
                          ruleVersion: "\(version.policyID)@\(version.version)#\(version.contentHash)",
                          evaluationJSON: json, summary: evaluation.summary,
                          bars: evaluation.allResults.filter { bans.contains($0.id) && $0.outcome == .notMet }.map(\.explanation))
    }

    public func pendingFindings(programmeID: String, evaluationJSON: String) -> [PendingFinding] {
        guard let (_, programme) = catalog.programme(programmeID),
              let evaluation = try? JSONDecoder().decode(Evaluation.self, from: Data(evaluationJSON.utf8)) else { return [] }
        let keys = Dictionary(programme.allRules.compactMap { rule -> (String, String)? in
            if case .attestation(let key) = rule.kind { return (rule.id, key) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        return (evaluation.conditions + evaluation.exclusions).compactMap { result in
            guard let key = keys[result.id] else { return nil }
            return PendingFinding(key: key, label: result.label, explanation: result.explanation,
                                  settled: result.outcome == .needsFinding ? nil : result.outcome == .met)
        }
    }
}

extension EngineAssessor {
    func rubric(programmeID: String, customYAML: String?) throws -> (Rubric, document: String)? {
        guard let (policy, programme) = catalog.programme(programmeID) else { return nil }
        let document = policy.documentNumber ?? policy.title.zh
        if let rubric = programme.rubric { return (rubric, document) }
        guard let customYAML, !customYAML.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        do {
            return (try RubricDefinition.parse(yaml: customYAML, name: "rubric"), document)
        } catch {
            throw AppError.invalid(T(zh: "评分标准有误（第 \(error.line) 行）：\(error.reason)", en: "The rubric is not valid (line \(error.line)): \(error.reason)"),
                                   fields: ["rubric": T(zh: "第 \(error.line) 行：\(error.reason)", en: "line \(error.line): \(error.reason)")])
        }
    }

    public func scoringRubric(programmeID: String, customYAML: String?) throws -> ScoringRubric? {
        guard let (rubric, _) = try rubric(programmeID: programmeID, customYAML: customYAML) else { return nil }
        return ScoringRubric(title: rubric.title, total: rubric.totalPoints.hundredths,
                             indicators: RubricDefinition.indicators(of: rubric).map {
                                 ScoringIndicator(id: $0.indicator.id, group: $0.group.name, name: $0.indicator.name,
                                                  maximum: $0.indicator.points.hundredths, criteria: $0.indicator.citation.text)
                             })
    }

    public func objectiveScores(programmeID: String, customYAML: String?, factsJSON: String, on date: CalendarDate,
                                deadline: CalendarDate?) throws -> [String: Int] {
        guard let (rubric, document) = try rubric(programmeID: programmeID, customYAML: customYAML),
              let (_, programme) = catalog.programme(programmeID),
              case .success(let facts) = EnterpriseFacts.validate(data: Data(factsJSON.utf8)) else { return [:] }
        let result = rubric.score(facts, anchors: Evaluator.anchors(for: programme, on: date, deadline: deadline), document: document)
        var scores = ["total": result.score.hundredths]
        for group in result.groups { for indicator in group.indicators { scores[indicator.id] = indicator.score.hundredths } }
        return scores
    }
}

/// The bundled policy files could not be loaded: says which file, which line and why.
public struct PolicyFilesError: OperatorFacingError {
    public var underlying: any Error
    public var description: String {
        "The policy files are not valid: \(underlying). Fix the file named (Sources/QualityRules/Policies/) and start again."
    }
}
