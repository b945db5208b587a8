import Foundation
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
