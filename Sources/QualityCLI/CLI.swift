import ArgumentParser

/// Temporary root command so `programs` and `evaluate` can be tried; the web app's branch replaces this
/// file with the real `QualityCityCommand` (serve, migrate, demo, …) that lists them as subcommands.
public struct QualityCityRulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qualitycity",
        abstract: "QualityCity (质量强市政策服务平台).",
        subcommands: [ProgramsCommand.self, EvaluateCommand.self])

    public init() {}
}
