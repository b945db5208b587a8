import ArgumentParser
import Foundation
import QualityRules

/// `qualitycity programs [--format json|table] [--on YYYY-MM-DD]`: every programme with its seed document,
/// its policy's status on the day and its in-force dates.
public struct ProgramsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "programs",
        abstract: "List every programme with its seed document, policy status and in-force dates.")

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case json, table
    }

    @Option(help: "Output format: table or json.")
    public var format: Format = .table

    @Option(help: "Show policy status on this day (YYYY-MM-DD); today in Asia/Shanghai by default.")
    public var on: String?

    public init() {}

    public func run() throws {
        let output = try render(clock: SystemClock())
        print(output, terminator: "")
    }

    /// The whole command with the clock injected, for tests.
    public func render(clock: any WallClock, catalog: PolicyCatalog? = nil) throws -> String {
        guard let day = CommandLineEvaluation.date(on, default: clock.today()) else {
            throw ValidationError("--on must be a date that exists, written YYYY-MM-DD (got \(on ?? ""))")
        }
        let listing = ProgrammeListing(catalog: try catalog ?? PolicyCatalog.bundled(), on: day)
        switch format {
        case .table: return listing.table()
        case .json: return String(decoding: try listing.jsonData(), as: UTF8.self) + "\n"
        }
    }
}
