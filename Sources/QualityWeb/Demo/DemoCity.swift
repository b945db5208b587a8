import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// A clearly labelled, fictitious city that lets a newcomer see every role at work: enterprises with
/// realistic facts, one account for every role, and calls of the seed programmes in different stages.
public enum DemoCity {
    public static let password = "demo12345"
    static let loadedSetting = "demo_city_loaded"

    public struct AccountInfo: Sendable {
        public var username: String
        public var role: String
    }

    public enum Status: Sendable {
        case loaded([AccountInfo])
        case alreadyPresent([AccountInfo])
        case notLoaded

        public var isNew: Bool {
            if case .loaded = self { return true }
            return false
        }
    }

    /// Loads the demo city into a new, empty database (or when `force`d into one without real data).
    public static func loadIfNew(_ app: Application, force: Bool = false) async throws -> Status {
        if try await Setting.value(loadedSetting, on: app.db) != nil {
            app.qualityCity.isDemo = true
            return .alreadyPresent(try await accounts(app))
        }
        guard app.qualityCity.configuration.loadDemoIfEmpty || force else { return .notLoaded }
        let enterpriseCount = try await Enterprise.query(on: app.db).count()
        let accountCount = try await Account.query(on: app.db).count()
        guard enterpriseCount == 0, accountCount == 0 else { return .notLoaded }
        try await load(app)
        return .loaded(try await accounts(app))
    }

    /// Removes every demo record and loads the demo city again.
    public static func reset(_ app: Application) async throws -> Status {
        guard try await Setting.value(loadedSetting, on: app.db) != nil else { return try await loadIfNew(app, force: true) }
        try await DemoCleaner.removeDemoRecords(on: app.db)
        try await Setting.query(on: app.db).filter(\.$id == loadedSetting).delete()
        try await load(app)
        return .loaded(try await accounts(app))
    }

    static func accounts(_ app: Application) async throws -> [AccountInfo] {
        try await Account.query(on: app.db).filter(\.$username =~ "demo-").sort(\.$username).all()
            .map { AccountInfo(username: $0.username, role: $0.role.rawValue) }
    }

    static func load(_ app: Application) async throws {
        let hash = try await app.password.async.hash(password)
        let today = app.qualityCity.clock.today()
        let catalog = try (app.qualityCity.assessor as? EngineAssessor)?.catalog ?? EngineAssessor.bundled().catalog
        try await app.db.transaction { db in
            let enterprises = try await DemoEnterprises.create(on: db, today: today)
            try await DemoAccounts.create(on: db, passwordHash: hash, enterprises: enterprises)
            try await DemoCalls.create(on: db, today: today)
            try await DemoTargets.create(on: db, catalog: catalog, passwordHash: hash)
            try await DemoCredit.create(on: db, enterprises: enterprises, today: today)
            try await Setting.set(loadedSetting, to: today.iso, on: db)
        }
        try await DemoDecisions.play(app)
        try await DemoFunds.create(app, today: today, passwordHash: hash)
        app.qualityCity.isDemo = true
        app.logger.notice("Demo city loaded")
    }
}
