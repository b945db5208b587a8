import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore

/// Which database QualityCity runs on: an embedded SQLite file by default, PostgreSQL when `DATABASE_URL` is set.
public enum DatabaseKind: String, Sendable, Codable {
    case sqlite
    case postgres
}

/// Where the data lives, read from the environment in one place.
public struct DatabaseSettings: Sendable, Equatable {
    public enum Storage: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory(identifier: String)
        case postgres(url: String)
    }

    public var storage: Storage

    public init(storage: Storage) {
        self.storage = storage
    }

    public static let defaultSQLitePath = "data/qualitycity.sqlite"

    public var kind: DatabaseKind {
        switch storage {
        case .sqliteFile, .sqliteMemory: .sqlite
        case .postgres: .postgres
        }
    }

    /// `DATABASE_URL=postgres://user:pass@host:5432/db` selects PostgreSQL; `sqlite:///path/file.sqlite` or no
    /// value selects SQLite (by default `data/qualitycity.sqlite`, created on first run).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseSettings {
        guard let raw = environment["DATABASE_URL"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return DatabaseSettings(storage: .sqliteFile(path: defaultSQLitePath))
        }
        return try parse(url: raw)
    }

    public static func parse(url raw: String) throws -> DatabaseSettings {
        if raw.hasPrefix("sqlite:") {
            let path = String(raw.dropFirst("sqlite:".count)).replacingOccurrences(of: "//", with: "", options: .anchored)
            if path.isEmpty || path == ":memory:" {
                return DatabaseSettings(storage: .sqliteMemory(identifier: UUID().uuidString))
            }
            return DatabaseSettings(storage: .sqliteFile(path: path))
        }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased() else {
            throw DatabaseConfigurationError.malformedURL(redacted: redact(raw))
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseConfigurationError.unsupportedScheme(scheme)
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseConfigurationError.missingPart("host", redacted: redact(raw))
        }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !database.isEmpty else {
            throw DatabaseConfigurationError.missingPart("database name", redacted: redact(raw))
        }
        guard (try? SQLPostgresConfiguration(url: raw)) != nil else {
            throw DatabaseConfigurationError.malformedURL(redacted: redact(raw))
        }
        return DatabaseSettings(storage: .postgres(url: raw))
    }

    /// A description safe to print and log: the password is never shown.
    public var redactedDescription: String {
        switch storage {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL \(Self.redact(url))"
        }
    }

    static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparseable URL)"
    }

    /// Registers the database with Fluent as the default one. Creates the folder of an SQLite file.
    public func register(in databases: Databases, maxConnectionsPerEventLoop: Int = 4) throws {
        switch storage {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw DatabaseConfigurationError.cannotCreateDirectory(directory.path, reason: error.localizedDescription)
            }
            databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .sqlite, isDefault: true)
        case .sqliteMemory(let identifier):
            databases.use(
                .sqlite(SQLiteConfiguration(storage: .memory(identifier: identifier)), sqlLogLevel: .trace),
                as: .sqlite, isDefault: true)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = nil
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                          connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace),
                as: .psql, isDefault: true)
        }
    }
}

/// What can be wrong with the configured database, each as one line that says how to fix it.
public enum DatabaseConfigurationError: Error, CustomStringConvertible, Equatable {
    case malformedURL(redacted: String)
    case unsupportedScheme(String)
    case missingPart(String, redacted: String)
    case cannotCreateDirectory(String, reason: String)
    case unreachable(String, reason: String)

    public var description: String {
        switch self {
        case .malformedURL(let url):
            "DATABASE_URL is not a valid database URL (\(url)); use postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset it to use the embedded SQLite file."
        case .unsupportedScheme(let scheme):
            "DATABASE_URL uses the scheme '\(scheme)'; QualityCity supports postgres:// (PostgreSQL) and sqlite:// (embedded), or unset it for the default SQLite file."
        case .missingPart(let part, let url):
            "DATABASE_URL has no \(part) (\(url)); use postgres://USER:PASSWORD@HOST:5432/DATABASE."
        case .cannotCreateDirectory(let path, let reason):
            "Cannot create the data folder \(path): \(reason). Run from a folder you can write to, or set DATABASE_URL."
        case .unreachable(let target, let reason):
            "Cannot reach the database (\(target)): \(reason). Check that it is running and that DATABASE_URL is right."
        }
    }
}

/// An error whose description is one sentence for the operator: what is wrong and how to fix it. The CLI
/// prints it as a single line and exits non-zero, without a stack dump.
public protocol OperatorFacingError: Error, CustomStringConvertible {}

extension DatabaseConfigurationError: OperatorFacingError {}
