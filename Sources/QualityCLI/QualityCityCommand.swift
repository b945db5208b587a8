import ArgumentParser
import Foundation
import Logging
import QualityStorage
import QualityWeb

/// `qualitycity`: every way to run and operate QualityCity from a terminal.
public struct QualityCityCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qualitycity",
        abstract: "QualityCity (质量强市政策服务平台): quality titles, special funds and quality credit for a city.",
        subcommands: [
            ServeCommand.self,
            MigrateCommand.self,
            DemoCommand.self,
            ProgramsCommand.self,
            EvaluateCommand.self,
            AuditCommand.self,
            JobsCommand.self,
            LoadTestSeedCommand.self,
            ImportCommand.self,
            MatchCommand.self,
            SandboxCommand.self,
            BenchCommand.self,
        ]
    )

    public init() {}
}

/// Runs a command body; a problem the operator can fix is printed as one line and the process exits 1.
func failingClearly<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as any OperatorFacingError {
        FileHandle.standardError.write(Data("qualitycity: \(error.description)\n".utf8))
        throw ExitCode.failure
    }
}

/// Sets up logging once per process: text for a terminal, JSON lines with `QC_LOG_FORMAT=json`.
enum LoggingSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(format: AppConfiguration.LogFormat, level: Logger.Level = .info) {
        guard !done else { return }
        done = true
        // Read once: Vapor makes several loggers per request, and reading the environment each time cost
        // about 5 % of a public page's CPU under load.
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? level
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
