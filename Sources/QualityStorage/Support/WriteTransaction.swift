import FluentKit
import FluentSQL

extension Database {
    /// A transaction for a change that reads and then writes (a stage change with its audit row, an
    /// approval within a quota). On SQLite the change joins the next group commit (`SQLiteGroupCommit`): it
    /// runs alone inside the writer's transaction, after the writer's lock is taken, and its caller hears it
    /// succeeded only once it is on disk. On PostgreSQL it is an ordinary transaction and the conditional
    /// updates inside it do the serialising.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !inTransaction else {
            return try await transaction(body)
        }
        return try await SQLiteGroupCommit.shared.run(on: self, body)
    }
}

/// SQLite has one writer at a time, and each commit waits for the disk to flush the log (about a
/// millisecond here, three quarters of a submission's time holding the lock). Writers wait here, before
/// they take a pooled connection, so waiting never ties up the connections readers need. Whoever is
/// waiting when the writer is free goes together: one transaction, each change inside a savepoint of its
/// own (a change that fails is rolled back to its savepoint and its caller gets its error; the others are
/// untouched), one commit and one flush for the group; then each caller gets its answer. A change is
/// never answered before its commit is on disk, and changes still run one after another, each seeing the
/// ones before it.
public actor SQLiteGroupCommit {
    public static let shared = SQLiteGroupCommit()

    /// At most this many changes share a commit, so one commit never holds the lock for long.
    static let largestGroup = 100

    private var waiting: [any PendingWrite] = []
    private var committing = false
    /// Commits made and the changes they carried (the tests read them to see that changes were grouped).
    public private(set) var commits = 0
    public private(set) var changes = 0

    public init() {}

    public func run<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Pending(database: database, store: Self.store(of: database), body: body, continuation: continuation))
            if !committing {
                committing = true
                Task { await self.commitWhileWaiting() }
            }
        }
    }

    private func commitWhileWaiting() async {
        while !waiting.isEmpty {
            // Changes to the same file go together (a process may have several databases open: the tests do).
            let first = waiting.removeFirst()
            var group = [first]
            if let store = first.store {
                var index = 0
                while index < waiting.count, group.count < Self.largestGroup {
                    if waiting[index].store == store { group.append(waiting.remove(at: index)) } else { index += 1 }
                }
            }
            await commit(group)
        }
        committing = false
    }

    /// Which SQLite database `database` writes to (its file, or its in-memory name); nil if the driver does
    /// not say, and then the change commits alone.
    static func store(of database: any Database) -> String? {
        Mirror(reflecting: database.context.configuration).descendant("configuration", "storage").map { String(describing: $0) }
    }

    private func commit(_ group: [any PendingWrite]) async {
        let done: [any PendingWrite]
        do {
            done = try await group[0].database.transaction { tx in
                let sql = tx as! any SQLDatabase
                // Wait (sleeping) for another process's writer rather than spinning, then claim the write lock
                // with a statement that writes nothing, before any change reads.
                try await sql.raw("PRAGMA busy_timeout = 15000").run()
                try await sql.raw("DELETE FROM settings WHERE 1 = 0").run()
                var done: [any PendingWrite] = []
                for write in group {
                    try await sql.raw("SAVEPOINT qc_write").run()
                    do {
                        try await write.perform(on: tx)
                        done.append(write)
                    } catch {
                        write.fail(error)
                        try await sql.raw("ROLLBACK TO qc_write").run()
                    }
                    try await sql.raw("RELEASE qc_write").run()
                }
                return done
            }
        } catch {
            // The commit, or the savepoint around a failed change, failed: nothing of the group was kept.
            for write in group { write.fail(error) }
            return
        }
        commits += 1
        changes += group.count
        for write in done { write.succeed() }
    }
}

/// A change waiting for its group commit, whatever it returns.
private protocol PendingWrite: AnyObject, Sendable {
    var database: any Database { get }
    var store: String? { get }
    func perform(on tx: any Database) async throws
    func succeed()
    func fail(_ error: any Error)
}

private final class Pending<T: Sendable>: PendingWrite, @unchecked Sendable {
    let database: any Database
    let store: String?
    private let body: @Sendable (any Database) async throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    // Touched only by the group commit, one step after another.
    private var result: T?
    private var answered = false

    init(database: any Database, store: String?, body: @escaping @Sendable (any Database) async throws -> T,
         continuation: CheckedContinuation<T, any Error>) {
        self.database = database
        self.store = store
        self.body = body
        self.continuation = continuation
    }

    func perform(on tx: any Database) async throws {
        result = try await body(tx)
    }

    func succeed() {
        guard !answered, let result else { return }
        answered = true
        continuation.resume(returning: result)
    }

    func fail(_ error: any Error) {
        guard !answered else { return }
        answered = true
        continuation.resume(throwing: error)
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
