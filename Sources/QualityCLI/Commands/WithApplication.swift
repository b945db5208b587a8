import ArgumentParser
import Foundation
import QualityRules
import QualityWeb
import Vapor

/// Makes the application, runs `body`, and always shuts it down.
func withApplication<T>(_ configuration: AppConfiguration, _ body: (Application) async throws -> T) async throws -> T {
    LoggingSetup.bootstrap(format: configuration.logFormat, level: .notice)
    let app = try await QualityCityApp.make(configuration, environment: .production)
    do {
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// For a command that works over the registry on a day (`match`, `sandbox`, `bench`): the day (`--on`, else
/// today on the configured clock), the application with its database migrated, and the policies it runs.
func withRegistry<T>(_ database: DatabaseOptions, on: String?,
                     _ body: (Application, PolicyCatalog, CalendarDate, AppConfiguration) async throws -> T) async throws -> T {
    let configuration = try database.configuration()
    guard let day = CommandLineEvaluation.date(on, default: configuration.clock.today()) else {
        throw ValidationError("--on must be a date that exists, written YYYY-MM-DD (got \(on ?? ""))")
    }
    return try await withApplication(configuration) { app in
        try await QualityCityApp.migrate(app)
        let catalog = try (app.qualityCity.assessor as? EngineAssessor)?.catalog ?? PolicyCatalog.bundled()
        return try await body(app, catalog, day, configuration)
    }
}
