import FluentKit
import FluentSQL

extension Database {
    /// A transaction for a change that reads and then writes (a stage change with its audit row, an
    /// approval within a quota). On SQLite it takes the writer's lock before its first read, so a concurrent
    /// writer waits instead of failing with SQLITE_BUSY halfway; on PostgreSQL it is an ordinary transaction
    /// and the conditional updates inside it do the serialising.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        return try await transaction { tx in
            let sql = tx as! any SQLDatabase
            // Wait (sleeping) for a busy writer rather than spinning, then claim the write lock with a
            // statement that writes nothing.
            try await sql.raw("PRAGMA busy_timeout = 15000").run()
            try await sql.raw("DELETE FROM settings WHERE 1 = 0").run()
            return try await body(tx)
        }
    }
}

public enum StorageTuning {
    /// SQLite files run in write-ahead-log mode: readers never wait for the writer, which matters for pages
    /// served while applications are being submitted. The mode is remembered by the file.
    public static func apply(to database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
}
