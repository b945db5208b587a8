import Foundation
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// A connection of the import's own to the SQLite file, through SQLite's C interface: each statement is
/// prepared once and then bound and stepped once per row, as SQLite's own bulk loaders do. A one-row
/// statement needs no statement journal (a multi-row `INSERT … VALUES (…),(…)` inside a transaction keeps
/// one, a third of SQLite's work in an import) and nothing is parsed or copied per batch.
///
/// Its statements run in order on a serial queue of its own (`perform`, `write`), one caller at a time; a
/// write returns before it is done, so the caller prepares its next rows while SQLite writes these.
final class SQLiteBulkConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private let queue = DispatchQueue(label: "qualitycity.registry-import.sqlite")
    /// The failure of a write nobody has waited for, thrown by the next `perform`. Touched on `queue` only.
    private var failure: (any Error)?
    /// The last id bound, as text.
    private var lastID: (id: UUID, text: String)?

    /// Opens `path` (which must exist) with settings for the length of this connection only: no fsync per
    /// commit (an import can be repeated), a 256 MB page cache, temporary data in memory, and waiting up to
    /// 15 s for another writer.
    init(path: String) throws {
        // No mutex of SQLite's own: every call is made on `queue`, one at a time.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "status \(status)"
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw SQLiteBulkError(message: "cannot open \(path): \(message)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 15_000)
        for pragma in ["PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY"] {
            _ = try run(pragma, [])
        }
    }

    deinit { close() }

    /// Runs `work` on the connection after everything queued before it. A write that failed meanwhile is
    /// thrown instead (`discardingFailure`: forgotten, and `work` runs anyway, as a rollback must).
    func perform<T: Sendable>(discardingFailure: Bool = false,
                              _ work: @escaping @Sendable (SQLiteBulkConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                if let failure = self.failure {
                    self.failure = nil
                    guard discardingFailure else { return continuation.resume(throwing: failure) }
                }
                continuation.resume(with: Result { try work(self) })
            }
        }
    }

    /// Queues `work` and returns once the write queued before it is done: while SQLite runs this one the
    /// caller prepares the next. A failure is thrown by the next `perform` (at the latest, the commit), and
    /// the writes queued after it are skipped. (Letting the caller run further ahead was slower: the two
    /// cores then share more work at once.)
    func write(_ work: @escaping @Sendable (SQLiteBulkConnection) throws -> Void) async throws {
        try await perform { _ in }
        queue.async {
            guard self.failure == nil else { return }
            do { try work(self) } catch { self.failure = error }
        }
    }

    /// Closes the connection once everything queued is done.
    func finish() async {
        _ = try? await perform(discardingFailure: true) { $0.close() }
    }

    /// Closes the connection at once: call it from `queue`, or when nothing is queued.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    /// Runs `text` once per set of values, each time from the same prepared statement; returns every row
    /// the runs produce. Blocking: call it from `perform` or `write`.
    @discardableResult
    func run(_ text: String, each valueSets: [[BulkValue]]) throws -> [BulkRow] {
        let statement = try prepared(text)
        var rows: [BulkRow] = []
        let names = (0..<sqlite_nio_sqlite3_column_count(statement)).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        for values in valueSets {
            defer { sqlite_nio_sqlite3_reset(statement) }
            for (index, value) in values.enumerated() {
                try check(bind(value, at: Int32(index + 1), in: statement))
            }
            while true {
                let status = sqlite_nio_sqlite3_step(statement)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else {
                    try check(status)
                    break
                }
                rows.append(.values(names: names, values: (0..<Int32(names.count)).map { column(statement, $0) }))
            }
        }
        return rows
    }

    @discardableResult
    func run(_ text: String, _ values: [BulkValue]) throws -> [BulkRow] {
        try run(text, each: [values])
    }

    private func prepared(_ text: String) throws -> OpaquePointer {
        if let statement = statements[text] { return statement }
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw SQLiteBulkError(message: "empty statement: \(text)") }
        statements[text] = statement
        return statement
    }

    private func bind(_ value: BulkValue, at index: Int32, in statement: OpaquePointer) -> Int32 {
        switch value {
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        case .integer(let number): return sqlite_nio_sqlite3_bind_int64(statement, index, number)
        case .boolean(let flag): return sqlite_nio_sqlite3_bind_int64(statement, index, flag ? 1 : 0)
        case .date(let date): return sqlite_nio_sqlite3_bind_double(statement, index, date.timeIntervalSince1970)
        case .uuid(let id):
            // The import's own id comes with every row: made into text once.
            if lastID?.id != id { lastID = (id, Self.text(id)) }
            return bindText(lastID!.text, at: index, in: statement)
        case .text(let text): return bindText(text, at: index, in: statement)
        }
    }

    private func bindText(_ text: String, at index: Int32, in statement: OpaquePointer) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress else {
                    return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                return sqlite_nio_sqlite3_bind_text64(statement, index, start, UInt64(chars.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
    }

    /// `id.uuidString` (upper-case, as Fluent stores it) without Foundation's formatted printing: an import
    /// binds a million of them.
    static func text(_ id: UUID) -> String {
        var text = [UInt8]()
        text.reserveCapacity(36)
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A column of the current row, as SQLiteNIO would give it (so rows read here and there read alike).
    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard let text = sqlite_nio_sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, index) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ status: Int32) throws {
        guard status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW else { return }
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "status \(status)"
        throw SQLiteBulkError(message: message)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
}

struct SQLiteBulkError: Error, CustomStringConvertible {
    var message: String
    var description: String { "SQLite: \(message)" }
}
