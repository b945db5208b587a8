import FluentKit
import FluentSQL
import Foundation
import NIOPosix
import SQLiteKit

/// A value of a bulk statement.
enum BulkValue: Sendable {
    case null
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    case uuid(UUID)
    case date(Date)

    init(_ value: RegistryValue) {
        switch value {
        case .null: self = .null
        case .text(let text): self = .text(text)
        case .integer(let number): self = .integer(number)
        case .boolean(let flag): self = .boolean(flag)
        }
    }
}

/// Where the import's statements go. On a SQLite file, a connection of the import's own
/// (`SQLiteBulkConnection`): each statement prepared once and run row by row on a queue of its own, inserts
/// written behind while the import prepares its next rows. On
/// PostgreSQL (and SQLite in memory, which another connection cannot open), one connection of the pool and
/// multi-row statements through SQLKit, a few thousand rows each. Values are stored as Fluent stores them
/// (SQLite: UUIDs as text, dates as seconds), so models read the rows back unchanged.
struct BulkStatements: Sendable {
    enum Backend: Sendable {
        case sqlite(SQLiteBulkConnection)
        case sql(any SQLDatabase)
    }

    let backend: Backend

    /// Runs `body` with statements on one connection of `database`, closed afterwards.
    static func session<T: Sendable>(on database: any Database,
                                     _ body: @escaping @Sendable (BulkStatements) async throws -> T) async throws -> T {
        if let path = try await sqliteFile(of: database) {
            let connection = try await NIOThreadPool.singleton.runIfActive { try SQLiteBulkConnection(path: path) }
            do {
                let result = try await body(BulkStatements(backend: .sqlite(connection)))
                await connection.finish()
                return result
            } catch {
                await connection.finish()
                throw error
            }
        }
        return try await database.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                guard let sql = connection as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
                return try await body(BulkStatements(backend: .sql(sql)))
            }
        }.get()
    }

    /// The file of a SQLite database (nil: another database, or SQLite in memory).
    private static func sqliteFile(of database: any Database) async throws -> String? {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        for row in try await sql.raw("PRAGMA database_list").all() where try row.decode(column: "name", as: String.self) == "main" {
            let file = try row.decode(column: "file", as: String.self)
            return file.isEmpty ? nil : file
        }
        return nil
    }

    /// A list of `count` placeholders: `(?, ?, ?)`.
    static func tuple(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    static func quoted(_ identifier: String) -> String { "\"" + identifier + "\"" }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (BulkStatements) async throws -> T) async throws -> T {
        let immediate: Bool
        switch backend {
        case .sqlite: immediate = true
        case .sql(let sql): immediate = sql.dialect.name == "sqlite"
        }
        try await run(immediate ? "BEGIN IMMEDIATE" : "BEGIN", [])
        do {
            let result = try await body(self)
            try await run("COMMIT", [])
            return result
        } catch {
            switch backend {
            case .sqlite(let connection): _ = try? await connection.perform(discardingFailure: true) { try $0.run("ROLLBACK", []) }
            case .sql: _ = try? await run("ROLLBACK", [])
            }
            throw error
        }
    }

    /// SQLite's `data_version`: it changes when another connection commits (nil: not SQLite).
    func dataVersion() async throws -> Int64? {
        guard case .sqlite = backend else { return nil }
        return try await run("PRAGMA data_version", []).first?.int64("data_version")
    }

    /// The rows of `table` whose credit code is one of `codes`, in `order` within each code.
    func select(_ columns: [String], from table: String, creditCodes codes: [String], orderedBy order: [String] = []) async throws -> [BulkRow] {
        guard !codes.isEmpty else { return [] }
        let head = "SELECT \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(table) WHERE credit_code "
        let tail = order.isEmpty ? "" : " ORDER BY " + order.map(Self.quoted).joined(separator: ", ")
        switch backend {
        case .sqlite(let connection):
            let text = head + "= ?" + tail
            return try await connection.perform { try $0.run(text, each: codes.map { [.text($0)] }) }
        case .sql:
            var rows: [BulkRow] = []
            for chunk in codes.chunked(900) {
                rows += try await run(head + "IN " + Self.tuple(chunk.count) + tail, chunk.map { .text($0) })
            }
            return rows
        }
    }

    /// Inserts `rows` (values in the order of `columns`); `conflict` says what a row whose key is already
    /// stored does instead (`(id) DO UPDATE SET …`). On SQLite the rows are written behind: this returns
    /// once the insert before them is done, and their failure is thrown by the next statement (at the latest
    /// the commit), so the caller prepares its next rows while SQLite writes these.
    func insert(into table: String, columns: [String], rows: [[BulkValue]], onConflict conflict: String) async throws {
        guard !rows.isEmpty else { return }
        let head = "INSERT INTO \(table) (\(columns.map(Self.quoted).joined(separator: ", "))) VALUES "
        let tail = " ON CONFLICT " + conflict
        let tuple = Self.tuple(columns.count)
        switch backend {
        case .sqlite(let connection):
            try await connection.write { try $0.run(head + tuple + tail, each: rows) }
        case .sql:
            for chunk in rows.chunked(max(30_000 / columns.count, 1)) {
                try await run(head + Array(repeating: tuple, count: chunk.count).joined(separator: ",") + tail, chunk.flatMap { $0 })
            }
        }
    }

    /// Drops the enterprise search indexes a first load builds at its end (`restoreSearchIndexes`).
    func dropSearchIndexes() async throws {
        for index in Enterprise.searchIndexes where index.builtAfterFirstLoad { try await run("DROP INDEX IF EXISTS \(Self.quoted(index.name))", []) }
    }

    /// Builds the enterprise search indexes that are missing (after a first load, or one that was killed).
    func restoreSearchIndexes() async throws {
        for index in Enterprise.searchIndexes {
            try await run("CREATE INDEX IF NOT EXISTS \(Self.quoted(index.name)) ON \(Enterprise.schema) ("
                          + index.columns.map(Self.quoted).joined(separator: ", ") + ")", [])
        }
    }

    /// Runs one statement with `?` placeholders.
    @discardableResult
    func run(_ text: String, _ values: [BulkValue]) async throws -> [BulkRow] {
        let sql: any SQLDatabase
        switch backend {
        case .sqlite(let connection):
            return try await connection.perform { try $0.run(text, values) }
        case .sql(let database):
            sql = database
        }
        var query = SQLQueryString("")
        var parts = text.split(separator: "?", omittingEmptySubsequences: false).makeIterator()
        query.appendLiteral(String(parts.next() ?? ""))
        for value in values {
            switch value {
            case .null: query.appendInterpolation(SQLLiteral.null)
            case .text(let text): query.appendInterpolation(bind: text)
            case .integer(let number): query.appendInterpolation(bind: number)
            case .boolean(let flag): query.appendInterpolation(bind: flag)
            case .uuid(let id): query.appendInterpolation(bind: id)
            case .date(let date): query.appendInterpolation(bind: date)
            }
            query.appendLiteral(String(parts.next() ?? ""))
        }
        return try await sql.raw(query).all().map { BulkRow.generic($0) }
    }
}

/// A result row of a bulk statement, read by column name.
enum BulkRow: Sendable {
    /// A row read by `SQLiteBulkConnection`.
    case values(names: [String], values: [SQLiteData])
    case generic(any SQLRow)

    private func sqlite(_ column: String) -> SQLiteData? {
        guard case .values(let names, let values) = self, let index = names.firstIndex(of: column) else { return nil }
        return values[index]
    }

    func text(_ column: String) throws -> String {
        switch self {
        case .values:
            if case .text(let text)? = sqlite(column) { return text }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: String.self)
        }
    }

    func int64(_ column: String) throws -> Int64 {
        switch self {
        case .values:
            if case .integer(let number)? = sqlite(column) { return Int64(number) }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: Int64.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch self {
        case .values:
            if case .text(let text)? = sqlite(column), let id = UUID(uuidString: text) { return id }
            if case .blob(var buffer)? = sqlite(column), buffer.readableBytes == 16, let bytes = buffer.readBytes(length: 16) {
                return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                   bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: UUID.self)
        }
    }

    func bool(_ column: String) throws -> Bool {
        switch self {
        case .values:
            if case .integer(let number)? = sqlite(column) { return number != 0 }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: Bool.self)
        }
    }

    func date(_ column: String) -> Date? {
        switch self {
        case .values: sqlite(column).flatMap { Date(sqliteData: $0) }
        case .generic(let row): try? row.decode(column: column, as: Date?.self)
        }
    }

    func value(_ field: RegistryField) throws -> RegistryValue {
        switch self {
        case .values:
            switch (sqlite(field.column), field.type) {
            case (.null?, _), (nil, _): return .null
            case (.integer(let number)?, .boolean): return .boolean(number != 0)
            case (.integer(let number)?, _): return .integer(Int64(number))
            case (.text(let text)?, _): return .text(text)
            default: throw BulkReadError(column: field.column)
            }
        case .generic(let row):
            if try row.decodeNil(column: field.column) { return .null }
            switch field.type {
            case .year, .integer, .money: return .integer(try row.decode(column: field.column, as: Int64.self))
            case .boolean: return .boolean(try row.decode(column: field.column, as: Bool.self))
            default: return .text(try row.decode(column: field.column, as: String.self))
            }
        }
    }
}

struct BulkReadError: Error, CustomStringConvertible {
    var column: String
    var description: String { "unexpected value in column \(column)" }
}

