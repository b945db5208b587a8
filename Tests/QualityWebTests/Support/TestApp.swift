import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Vapor
import VaporTesting

/// Builds an application on a fresh database (SQLite in memory, or PostgreSQL when the suite runs there),
/// migrated, optionally with the demo city, and shuts it down afterwards.
func withTestApp<T>(
    clock: FixedClock = .standard(),
    demo: Bool = false,
    policies: String? = nil,
    publicCacheSeconds: Double = 0,
    _ body: (Application) async throws -> T
) async throws -> T {
    let settings = try await TestDatabase.fresh(migrated: false)
    let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("qc-uploads-\(UUID().uuidString)").path
    let configuration = AppConfiguration(database: settings, port: 0, uploadsDirectory: uploads, loadDemoIfEmpty: demo,
                                         bcryptCost: 4, clock: clock)
    var configured = configuration
    configured.policiesDirectory = policies
    configured.jobsInterval = 0
    configured.publicCacheSeconds = publicCacheSeconds
    let app = try await QualityCityApp.make(configured, environment: .testing)
    app.logger.logLevel = .warning
    do {
        try await QualityCityApp.migrate(app)
        if demo { _ = try await DemoCity.loadIfNew(app) }
        let result = try await body(app)
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: uploads)
        TestDatabase.discard(settings)
        return result
    } catch {
        try? await app.asyncShutdown()
        TestDatabase.discard(settings)
        throw error
    }
}
