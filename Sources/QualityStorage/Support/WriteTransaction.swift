import FluentKit
import FluentSQL

extension Database {
    /// A transaction for a change that reads and then writes (a stage change with its audit row, an
    /// approval within a quota). On SQLite it takes the writer's lock before its first read, so a concurrent
    /// writer waits instead of failing with SQLITE_BUSY halfway; on PostgreSQL it is an ordinary transaction
    /// and the conditional updates inside it do the serialising.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !inTransaction else {
            return try await transaction(body)
        }
        // SQLite has one writer at a time. Queue writers here, before they take a pooled connection, so that
        // waiting never ties up the connections readers need (busy_timeout still covers other processes).
        return try await WriterQueue.shared.run { try await self.sqliteWrite(body) }
    }

    private func sqliteWrite<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { tx in
            let sql = tx as! any SQLDatabase
            // Wait (sleeping) for a busy writer rather than spinning, then claim the write lock with a
            // statement that writes nothing.
            try await sql.raw("PRAGMA busy_timeout = 15000").run()
            try await sql.raw("DELETE FROM settings WHERE 1 = 0").run()
            return try await body(tx)
        }
    }
}

/// A first-come, first-served queue of async tasks that run one at a time.
actor WriterQueue {
    static let shared = WriterQueue()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
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
