import FluentKit
import FluentPostgresDriver
import FluentSQL
import Foundation
import NIOCore
import NIOPosix
import QualityStorage

/// A fresh database for each test: in-memory SQLite by default; when `QC_TEST_DATABASE_URL` points at a
/// PostgreSQL server, a new database cloned from a migrated template (fast, and isolated per test).
public enum TestDatabase {
    /// The URL of the PostgreSQL server the suite runs against, if any.
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["QC_TEST_DATABASE_URL"], url.hasPrefix("postgres") else { return nil }
        return url
    }

    public static var kind: DatabaseKind { postgresURL == nil ? .sqlite : .postgres }

    /// A configuration pointing at an empty database of its own. With `migrated`, the schema is already in
    /// place (on PostgreSQL that is a clone of the template, which is much faster than migrating).
    public static func fresh(migrated: Bool = false) async throws -> DatabaseSettings {
        guard let base = postgresURL else {
            // A file, not shared-cache memory: shared-cache SQLite locks tables differently from a real file.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("qc-test-\(UUID().uuidString).sqlite").path
            return DatabaseSettings(storage: .sqliteFile(path: path))
        }
        let name = "qc_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let template = migrated ? try await Template.shared.name(base: base) : "template0"
        try await withAdmin(base: base) { sql in
            try await sql.raw("CREATE DATABASE \(ident: String(name)) TEMPLATE \(ident: template)").run()
        }
        return DatabaseSettings(storage: .postgres(url: replacingDatabase(in: base, with: String(name))))
    }

    /// Removes a test's SQLite file (and its write-ahead log); PostgreSQL test databases go with the cluster.
    public static func discard(_ settings: DatabaseSettings) {
        guard case .sqliteFile(let path) = settings.storage else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }

    /// Runs `body` on a connection to the server's maintenance database.
    static func withAdmin(base: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        defer { Task { await databases.shutdownAsync() } }
        let configuration = try SQLPostgresConfiguration(url: replacingDatabase(in: base, with: "postgres"))
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .psql)
        let database = databases.database(logger: .init(label: "test-admin"), on: MultiThreadedEventLoopGroup.singleton.any())!
        try await body(database as! any SQLDatabase)
    }

    /// The migrated template, made once per test process and named by the migrations it holds.
    actor Template {
        static let shared = Template()
        /// One task, shared by every test that asks: an actor alone would let two callers interleave at
        /// the first `await` and both build the template.
        private var building: Task<String, any Error>?

        func name(base: String) async throws -> String {
            if let building { return try await building.value }
            let task = Task { try await Self.build(base: base) }
            building = task
            return try await task.value
        }

        private static func build(base: String) async throws -> String {
            let names = Migrations.all.map { String(describing: type(of: $0)) }.joined(separator: ",")
            var hasher = Hasher64()
            hasher.combine(names)
            let name = "qc_template_\(hasher.hex)_\(ProcessInfo.processInfo.processIdentifier)"
            try await withAdmin(base: base) { sql in
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
                try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE template0").run()
            }
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            let configuration = DatabaseSettings(storage: .postgres(url: replacingDatabase(in: base, with: name)))
            try configuration.register(in: databases, maxConnectionsPerEventLoop: 1)
            let migrations = FluentKit.Migrations()
            migrations.add(QualityStorage.Migrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: .init(label: "test-template"),
                                    on: MultiThreadedEventLoopGroup.singleton.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            // A template must have no open connections when it is cloned.
            await databases.shutdownAsync()
            return name
        }
    }
}

/// FNV-1a, for a stable short name (Swift's Hasher is seeded per process).
struct Hasher64 {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    var hex: String { String(value, radix: 16) }
}
