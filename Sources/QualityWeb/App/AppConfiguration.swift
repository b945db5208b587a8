import Foundation
import QualityRules
import QualityStorage

/// Everything QualityCity reads from its environment, with defaults, in one place.
public struct AppConfiguration: Sendable {
    public var database: DatabaseSettings
    public var hostname: String
    public var port: Int
    /// Where uploaded files are kept, by SHA-256, outside the web root.
    public var uploadsDirectory: String
    /// Load the demo city into a new, empty database.
    public var loadDemoIfEmpty: Bool
    /// The Bcrypt cost; tests lower it so that signing in many times stays fast.
    public var bcryptCost: Int
    public var logFormat: LogFormat
    /// Largest accepted upload, in bytes.
    public var maxUploadBytes: Int
    public var clock: any WallClock
    /// Seconds between runs of due jobs inside `serve`; 0 leaves them to `qualitycity jobs run-due`.
    public var jobsInterval: Int = 60
    /// A folder of policy files to use instead of the bundled ones (a renewed measure, a new year's call).
    public var policiesDirectory: String?
    /// Seconds an anonymous visitor's public page is kept and served again (`PublicPageCache`); 0 keeps nothing.
    /// Off unless configured, so an embedded app (the tests) sees every change at once; `serve` keeps one second.
    public var publicCacheSeconds: Double = 0

    public enum LogFormat: String, Sendable {
        case text
        case json
    }

    public init(database: DatabaseSettings, hostname: String = "127.0.0.1", port: Int = 8080,
                uploadsDirectory: String = "data/uploads", loadDemoIfEmpty: Bool = true, bcryptCost: Int = 11,
                logFormat: LogFormat = .text, maxUploadBytes: Int = 10 * 1024 * 1024,
                clock: any WallClock = SystemClock()) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.uploadsDirectory = uploadsDirectory
        self.loadDemoIfEmpty = loadDemoIfEmpty
        self.bcryptCost = bcryptCost
        self.logFormat = logFormat
        self.maxUploadBytes = maxUploadBytes
        self.clock = clock
    }

    /// Reads `DATABASE_URL`, `HOST`, `PORT`, `QC_UPLOADS_DIR`, `QC_LOG_FORMAT`, `QC_MAX_UPLOAD_MB`, `QC_PUBLIC_CACHE_SECONDS`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        var configuration = AppConfiguration(database: try DatabaseSettings.fromEnvironment(environment))
        if let host = environment["HOST"], !host.isEmpty { configuration.hostname = host }
        if let raw = environment["PORT"], !raw.isEmpty {
            guard let port = Int(raw), (1...65535).contains(port) else { throw ConfigurationError.badPort(raw) }
            configuration.port = port
        }
        if let uploads = environment["QC_UPLOADS_DIR"], !uploads.isEmpty { configuration.uploadsDirectory = uploads }
        if let format = environment["QC_LOG_FORMAT"], let parsed = LogFormat(rawValue: format) { configuration.logFormat = parsed }
        if let folder = environment["QC_POLICIES_DIR"], !folder.isEmpty { configuration.policiesDirectory = folder }
        if let raw = environment["QC_JOBS_INTERVAL"], let seconds = Int(raw), seconds >= 0 { configuration.jobsInterval = seconds }
        configuration.publicCacheSeconds = 1
        if let raw = environment["QC_PUBLIC_CACHE_SECONDS"] {
            guard let seconds = Double(raw), seconds >= 0, seconds <= 60 else { throw ConfigurationError.badCacheSeconds(raw) }
            configuration.publicCacheSeconds = seconds
        }
        if let raw = environment["QC_MAX_UPLOAD_MB"], let megabytes = Int(raw), megabytes > 0 {
            configuration.maxUploadBytes = megabytes * 1024 * 1024
        }
        return configuration
    }
}

public enum ConfigurationError: OperatorFacingError, Equatable {
    case badPort(String)
    case badCacheSeconds(String)
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .badPort(let raw):
            "PORT must be a number from 1 to 65535, not '\(raw)'."
        case .badCacheSeconds(let raw):
            "QC_PUBLIC_CACHE_SECONDS must be a number of seconds from 0 (off) to 60, not '\(raw)'."
        case .portInUse(let host, let port):
            "Port \(port) on \(host) is already in use; stop the other program or choose another port with --port (or PORT=)."
        case .cannotListen(let host, let port, let reason):
            "Cannot listen on \(host):\(port): \(reason)."
        }
    }
}
