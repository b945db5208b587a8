import FluentKit
import FluentSQL
import Foundation

/// Updates that happen only if the row is still as the caller saw it, on both databases.
///
/// `UPDATE … WHERE <expected> RETURNING id` is atomic in SQLite and PostgreSQL; when another request got
/// there first, no row comes back and the caller reports a conflict instead of overwriting. This is how
/// QualityCity keeps quotas, fund balances and stage changes right with several app instances.
public enum ConditionalUpdate {
    public enum Value: Sendable {
        case string(String?)
        case int(Int?)
        case int64(Int64?)
        case bool(Bool)
        case date(Date?)
        case uuid(UUID?)
        /// `column = column + n`
        case increment(Int)
    }

    public enum Condition: Sendable {
        case equals(String, Value)
        case notEquals(String, Value)
        case `in`(String, [String])
        /// `column < value`
        case lessThan(String, Value)
        case isNull(String)
        /// `column < other_column` (e.g. `approved_count < quota`)
        case lessThanColumn(String, String)
        /// `column + n <= other_column`
        case sumAtMostColumn(String, Int64, String)
    }

    /// Returns true when the row matched and was changed.
    public static func run(table: String, id: UUID, set values: [(String, Value)], where conditions: [Condition],
                           on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
        var builder = sql.update(table)
        for (column, value) in values {
            switch value {
            case .increment(let n):
                builder = builder.set(SQLIdentifier(column), to: SQLBinaryExpression(left: SQLIdentifier(column), op: SQLBinaryOperator.add, right: SQLBind(n)))
            default:
                builder = builder.set(SQLIdentifier(column), to: bind(value))
            }
        }
        builder = builder.where(SQLIdentifier("id"), .equal, SQLBind(id))
        for condition in conditions {
            switch condition {
            case .equals(let column, let value):
                if case .string(nil) = value { builder = builder.where(SQLIdentifier(column), .is, SQLLiteral.null) }
                else { builder = builder.where(SQLIdentifier(column), .equal, bind(value)) }
            case .notEquals(let column, let value):
                builder = builder.where(SQLIdentifier(column), .notEqual, bind(value))
            case .in(let column, let values):
                builder = builder.where(SQLIdentifier(column), .in, SQLGroupExpression(values.map { SQLBind($0) }))
            case .lessThan(let column, let value):
                builder = builder.where(SQLIdentifier(column), .lessThan, bind(value))
            case .isNull(let column):
                builder = builder.where(SQLIdentifier(column), .is, SQLLiteral.null)
            case .lessThanColumn(let column, let other):
                builder = builder.where(SQLIdentifier(column), .lessThan, SQLIdentifier(other))
            case .sumAtMostColumn(let column, let amount, let other):
                builder = builder.where(SQLBinaryExpression(left: SQLIdentifier(column), op: SQLBinaryOperator.add, right: SQLBind(amount)),
                                        .lessThanOrEqual, SQLIdentifier(other))
            }
        }
        let rows = try await builder.returning(SQLIdentifier("id")).all()
        return !rows.isEmpty
    }

    private static func bind(_ value: Value) -> any SQLExpression {
        switch value {
        case .string(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .int(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .int64(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .bool(let v): SQLBind(v)
        case .date(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .uuid(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .increment(let n): SQLBind(n)
        }
    }
}
