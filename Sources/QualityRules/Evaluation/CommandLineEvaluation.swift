import Foundation

/// What `qualitycity evaluate` does, minus argument parsing: read the facts, evaluate, render. Kept here so
/// the CLI is a thin shell and every path (bad facts, unknown programme, each format) is tested in the
/// engine's own test target.
public enum CommandLineEvaluation {
    public enum Format: String, Sendable, CaseIterable {
        case json, text
    }

    public struct Outcome: Sendable, Equatable {
        public var standardOutput: String
        public var standardError: String
        /// 0 evaluated; 2 the facts (or the claim) were refused; 64 a usage mistake (unknown programme, bad date).
        public var exitCode: Int32
    }

    public static let invalidInput: Int32 = 2
    public static let usageError: Int32 = 64

    public static func run(catalog: PolicyCatalog, programmeID: String, facts data: Data, on date: CalendarDate,
                           deadline: CalendarDate? = nil, claim claimData: Data? = nil, evaluateDrafts: Bool = false,
                           format: Format, language: Language) -> Outcome {
        guard catalog.programme(programmeID) != nil else {
            let message = Evaluator.Failure.unknownProgramme(programmeID, known: catalog.programmes.map(\.programme.id)).message
            return Outcome(standardOutput: "", standardError: message.text(language) + "\n", exitCode: usageError)
        }
        let facts: EnterpriseFacts
        switch EnterpriseFacts.validate(data: data) {
        case .success(let valid): facts = valid
        case .failure(let error):
            let heading = language == .zh ? "企业事实数据有 \(error.problems.count) 处问题：" : "The facts have \(error.problems.count) problem(s):"
            let lines = error.problems.map { "  \($0.path): \($0.message.text(language))" }
            return Outcome(standardOutput: "", standardError: ([heading] + lines).joined(separator: "\n") + "\n", exitCode: invalidInput)
        }
        var claim: GrantClaim?
        if let claimData {
            do {
                claim = try JSONDecoder().decode(GrantClaim.self, from: claimData)
            } catch {
                let message = language == .zh ? "申请事项（claim）文件无法读取：\(error)" : "The claim file cannot be read: \(error)"
                return Outcome(standardOutput: "", standardError: message + "\n", exitCode: invalidInput)
            }
        }
        let options = Evaluator.Options(applicationDeadline: deadline, claim: claim, evaluateDrafts: evaluateDrafts)
        let evaluation: Evaluation
        do {
            evaluation = try Evaluator(catalog: catalog).evaluate(programme: programmeID, facts: facts, on: date, options: options)
        } catch {
            return Outcome(standardOutput: "", standardError: error.message.text(language) + "\n", exitCode: usageError)
        }
        switch format {
        case .text:
            return Outcome(standardOutput: evaluation.text(language), standardError: "", exitCode: 0)
        case .json:
            let json = (try? evaluation.jsonData()).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
            return Outcome(standardOutput: json, standardError: "", exitCode: 0)
        }
    }

    /// Parses `--on` / `--deadline`; a date that does not exist is a usage error, not "today".
    public static func date(_ text: String?, default today: CalendarDate) -> CalendarDate? {
        guard let text else { return today }
        return CalendarDate(iso: text)
    }
}
