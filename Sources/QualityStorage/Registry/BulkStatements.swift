import FluentKit
import FluentSQL
import Foundation
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

/// The statements the import runs thousands of times, written once with `?` placeholders. On SQLite they
/// go to the driver with their values as they are — SQLKit's serialiser and per-value `Encodable` check
/// cost more than SQLite's own insert; on PostgreSQL they become `$n` and go through SQLKit as usual. The
/// values are stored as Fluent stores them (SQLite: UUIDs as text, dates as seconds), so models read
/// the rows back unchanged.
struct BulkStatements: Sendable {
    let sql: any SQLDatabase
    let sqlite: (any SQLiteDatabase)?

    init(_ sql: any SQLDatabase) {
        self.sql = sql
        self.sqlite = sql.dialect.name == "sqlite" ? sql as? any SQLiteDatabase : nil
    }

    /// A list of `count` placeholders: `(?, ?, ?)`.
    static func tuple(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    static func quoted(_ identifier: String) -> String { "\"" + identifier + "\"" }

    @discardableResult
    func run(_ text: String, _ values: [BulkValue]) async throws -> [BulkRow] {
        if let sqlite {
            let binds: [SQLiteData] = values.map { value in
                switch value {
                case .null: .null
                case .text(let text): .text(text)
                case .integer(let number): .integer(Int(number))
                case .boolean(let flag): .integer(flag ? 1 : 0)
                case .uuid(let id): .text(id.uuidString)
                case .date(let date): .float(date.timeIntervalSince1970)
                }
            }
            return try await sqlite.query(text, binds).map { BulkRow.sqlite($0) }
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
enum BulkRow {
    case sqlite(SQLiteRow)
    case generic(any SQLRow)

    func text(_ column: String) throws -> String {
        switch self {
        case .sqlite(let row):
            if case .text(let text)? = row.column(column) { return text }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: String.self)
        }
    }

    func int64(_ column: String) throws -> Int64 {
        switch self {
        case .sqlite(let row):
            if case .integer(let number)? = row.column(column) { return Int64(number) }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: Int64.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch self {
        case .sqlite(let row):
            if case .text(let text)? = row.column(column), let id = UUID(uuidString: text) { return id }
            if case .blob(var buffer)? = row.column(column), buffer.readableBytes == 16, let bytes = buffer.readBytes(length: 16) {
                return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                   bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: UUID.self)
        }
    }

    func bool(_ column: String) throws -> Bool {
        switch self {
        case .sqlite(let row):
            if case .integer(let number)? = row.column(column) { return number != 0 }
            throw BulkReadError(column: column)
        case .generic(let row): return try row.decode(column: column, as: Bool.self)
        }
    }

    func date(_ column: String) -> Date? {
        switch self {
        case .sqlite(let row): row.column(column).flatMap { Date(sqliteData: $0) }
        case .generic(let row): try? row.decode(column: column, as: Date?.self)
        }
    }

    func value(_ field: RegistryField) throws -> RegistryValue {
        switch self {
        case .sqlite(let row):
            switch (row.column(field.column), field.type) {
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
