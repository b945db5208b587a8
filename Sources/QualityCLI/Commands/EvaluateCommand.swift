import ArgumentParser
import Foundation
import QualityRules

/// `qualitycity evaluate --program ID --facts FILE.json [--on YYYY-MM-DD] [--format json|text]`.
/// Invalid facts are refused with every problem listed and exit code 2.
public struct EvaluateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate one programme for one enterprise's facts and explain the verdict.")

    @Option(name: .customLong("program"), help: "Programme id (see `qualitycity programs`).")
    public var program: String

    @Option(help: "Enterprise facts as JSON (docs/facts.schema.json).")
    public var facts: String

    @Option(help: "Evaluate for this day (YYYY-MM-DD); today in Asia/Shanghai by default.")
    public var on: String?

    @Option(help: "That year's application deadline (YYYY-MM-DD), for look-backs anchored on it.")
    public var deadline: String?

    @Option(help: "A grant claim as JSON: matters, tier, officerAmount and reason, score/maximumScore/rank.")
    public var claim: String?

    @Flag(help: "Evaluate a draft policy as if it were in force (the policy sandbox).")
    public var evaluateDrafts = false

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    public var format: Format = .text

    @Option(help: "Language of the text output and messages: zh or en.")
    public var lang: String = "zh"

    public init() {}

    public func run() throws {
        let outcome = try execute(clock: SystemClock())
        FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8))
        FileHandle.standardError.write(Data(outcome.standardError.utf8))
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// The whole command with the clock (and optionally the catalog) injected, for tests.
    public func execute(clock: any WallClock, catalog: PolicyCatalog? = nil) throws -> CommandLineEvaluation.Outcome {
        let today = clock.today()
        guard let day = CommandLineEvaluation.date(on, default: today) else {
            throw ValidationError("--on must be a date that exists, written YYYY-MM-DD (got \(on ?? ""))")
        }
        var deadlineDay: CalendarDate?
        if let deadline {
            guard let parsed = CalendarDate(iso: deadline) else {
                throw ValidationError("--deadline must be a date that exists, written YYYY-MM-DD (got \(deadline))")
            }
            deadlineDay = parsed
        }
        let factsData = try Data(contentsOf: URL(fileURLWithPath: facts))
        let claimData = try claim.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        return CommandLineEvaluation.run(
            catalog: try catalog ?? PolicyCatalog.bundled(), programmeID: program, facts: factsData, on: day,
            deadline: deadlineDay, claim: claimData, evaluateDrafts: evaluateDrafts, format: format == .json ? .json : .text,
            language: Language(preferring: lang))
    }
}
