import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Builds the QualityCity application. The CLI and the tests both start here, with their own configuration.
public enum QualityCityApp {
    /// Makes and configures an application; the caller runs it and shuts it down.
    public static func make(_ configuration: AppConfiguration, environment: Environment = .development) async throws -> Application {
        let app = try await Application.make(environment)
        do {
            try await configure(app, configuration)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    public static func configure(_ app: Application, _ configuration: AppConfiguration) async throws {
        app.qualityCity = QualityCityServices(configuration: configuration, assessor: try EngineAssessor.load(configuration.policiesDirectory))
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        app.routes.defaultMaxBodySize = ByteCount(integerLiteral: configuration.maxUploadBytes + 1024 * 1024)
        app.passwords.use(.bcrypt(cost: configuration.bcryptCost))

        try configuration.database.register(in: app.databases)
        app.migrations.add(Migrations.all)

        app.middleware = Middlewares()
        app.middleware.use(RequestIDMiddleware())
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(ErrorRenderingMiddleware())
        app.middleware.use(YAMLContentTypeMiddleware())
        if let publicDirectory = Bundle.module.resourceURL?.appendingPathComponent("Public").path {
            app.middleware.use(FileMiddleware(publicDirectory: publicDirectory + "/", defaultFile: nil))
        }
        app.middleware.use(SessionAuthenticator())
        app.middleware.use(CSRFMiddleware())
        app.middleware.use(PublicPageCacheInvalidation())

        _ = PrometheusMetrics.registry
        try routes(app)
    }

    /// Checks that the database answers, with a clear error when it does not.
    public static func checkDatabase(_ app: Application) async throws {
        let configuration = app.qualityCity.configuration.database
        // A quiet logger: the pool's own report of the failed connection would repeat the line below, noisily.
        var quiet = Logger(label: "qualitycity.database-check")
        quiet.logLevel = .critical
        guard let database = app.databases.database(logger: quiet, on: app.eventLoopGroup.any()) else {
            throw DatabaseConfigurationError.unreachable(configuration.redactedDescription, reason: "no database is configured")
        }
        do {
            _ = try await database.query(Setting.self).limit(1).all()
        } catch let error as DatabaseConfigurationError {
            throw error
        } catch {
            // An empty new database has no tables yet; that is not a connection problem.
            if String(describing: error).contains("no such table") || String(reflecting: error).contains("42P01") {
                return
            }
            throw DatabaseConfigurationError.unreachable(configuration.redactedDescription, reason: describe(error))
        }
    }

    /// Runs the migrations that have not run yet; running them again changes nothing.
    public static func migrate(_ app: Application) async throws {
        try await checkDatabase(app)
        try await StorageTuning.apply(to: app.db)
        try await app.autoMigrate()
        try await ensureSecrets(app)
    }

    /// Installation secrets are made once and kept in the database, so every instance signs forms alike.
    static func ensureSecrets(_ app: Application) async throws {
        let key = "form_signing_secret"
        if let existing = try await Setting.value(key, on: app.db) {
            app.qualityCity.formSigningSecret = Data(base64Encoded: existing) ?? Data()
            return
        }
        let secret = Data([UInt8].random(count: 32))
        try await Setting.set(key, to: secret.base64EncodedString(), on: app.db)
        // Another instance may have won the race; read back what is stored.
        let stored = try await Setting.value(key, on: app.db) ?? secret.base64EncodedString()
        app.qualityCity.formSigningSecret = Data(base64Encoded: stored) ?? secret
    }

    static func describe(_ error: any Error) -> String {
        let text = String(reflecting: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("password authentication failed") || text.contains("28P01") { return "the user name or password was rejected" }
        if text.contains("3D000") || text.contains("does not exist") { return "the database does not exist" }
        if text.contains("timeout") || text.contains("Timeout") { return "no answer before the timeout" }
        if text.contains("unable to open database") { return "the SQLite file cannot be opened" }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}

/// What the application's handlers share: configuration, the rule catalogue, secrets.
public final class QualityCityServices: @unchecked Sendable {
    public let configuration: AppConfiguration
    private let lock = NSLock()
    private var _formSigningSecret = Data()

    /// The rules engine as the workflow sees it.
    public let assessor: any ApplicationAssessor
    let uploads: UploadStore
    /// What anonymous visitors see of the busiest public pages, kept for `publicCacheSeconds`.
    let publicPages: PublicPageCache

    init(configuration: AppConfiguration, assessor: any ApplicationAssessor) {
        self.configuration = configuration
        self.assessor = assessor
        self.uploads = UploadStore(directory: configuration.uploadsDirectory, maxBytes: configuration.maxUploadBytes)
        self.publicPages = PublicPageCache(seconds: configuration.publicCacheSeconds)
    }

    public var clock: any WallClock { configuration.clock }

    private var _isDemo = false
    /// The database holds the demo city: pages say so in a banner.
    public var isDemo: Bool {
        get { lock.withLock { _isDemo } }
        set { lock.withLock { _isDemo = newValue } }
    }

    /// The secret that signs anti-forgery tokens; the same on every instance (kept in the database).
    public var formSigningSecret: Data {
        get { lock.withLock { _formSigningSecret } }
        set { lock.withLock { _formSigningSecret = newValue } }
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = QualityCityServices
    }

    public var qualityCity: QualityCityServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("QualityCityApp.configure was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var applications: ApplicationService {
        ApplicationService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor, uploads: qualityCity.uploads)
    }

    public var qualityCity: QualityCityServices { application.qualityCity }
    /// Today in Asia/Shanghai by the injected clock.
    public var today: CalendarDate { application.qualityCity.clock.today() }
    public var now: Date { application.qualityCity.clock.now() }
}

extension QualityCityApp {
    /// How many migrations have run on the database.
    public static func schemaVersion(_ app: Application) async throws -> Int {
        try await SchemaVersion.applied(on: app.db).count
    }
}
