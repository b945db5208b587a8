import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// Moves money between a fund's accounts: one entry, and the same move on the fund's counter row, in the
/// caller's write transaction.
///
/// The counter is moved by `UPDATE … SET from = from − x, to = to + x WHERE from ≥ x RETURNING entries`: atomic
/// on SQLite and PostgreSQL, so of two approvals that each see enough money only one can take the last of it,
/// however many app instances run. The entry's sequence number comes back from the same statement.
public enum FundLedger {
    public enum Refusal: Error, Equatable, Sendable {
        /// The amount is zero or negative: entries always move a positive amount.
        case notPositive
        case unknownFund
        /// `account` holds `balance` and `needed` was asked of it.
        case insufficient(account: LedgerAccount, balance: Money, needed: Money)
    }

    /// What one movement records besides its amount.
    public struct Posting: Sendable {
        public var movement: LedgerMovement
        public var amount: Money
        public var grantID: UUID?
        public var batchID: UUID?
        public var memo: String
        public var actor: AuditActor
        public var at: Date
        public var on: CalendarDate

        public init(_ movement: LedgerMovement, amount: Money, grantID: UUID? = nil, batchID: UUID? = nil, memo: String,
                    actor: AuditActor, at: Date, on day: CalendarDate) {
            self.movement = movement
            self.amount = amount
            self.grantID = grantID
            self.batchID = batchID
            self.memo = memo
            self.actor = actor
            self.at = at
            self.on = day
        }
    }

    /// Records a movement, or throws `Refusal` and changes nothing (the caller's transaction rolls back).
    @discardableResult
    public static func post(_ posting: Posting, fundID: UUID, on tx: any Database) async throws -> LedgerEntry {
        guard posting.amount.fen > 0 else { throw Refusal.notPositive }
        let sql = tx as! any SQLDatabase
        let from = posting.movement.from.column
        let to = posting.movement.to.column
        let amount = posting.amount.fen
        // The source account may go as far below zero as the budget allows; every other account may not.
        let guardClause: SQLQueryString = posting.movement.from == .budget ? "" : " AND \(ident: from) >= \(bind: amount)"
        let rows = try await sql.raw("""
            UPDATE \(ident: FundBalance.schema) SET \(ident: from) = \(ident: from) - \(bind: amount), \
            \(ident: to) = \(ident: to) + \(bind: amount), \(ident: "entries") = \(ident: "entries") + 1 \
            WHERE \(ident: "id") = \(bind: fundID)\(guardClause) RETURNING \(ident: "entries")
            """).all()
        guard let row = rows.first else {
            guard let counter = try await FundBalance.find(fundID, on: tx) else { throw Refusal.unknownFund }
            throw Refusal.insufficient(account: posting.movement.from, balance: Money(fen: counter.balances[posting.movement.from]),
                                       needed: posting.amount)
        }
        let entry = LedgerEntry()
        entry.$fund.id = fundID
        entry.sequence = try row.decode(column: "entries", as: Int.self)
        entry.movement = posting.movement
        entry.fromAccount = posting.movement.from
        entry.toAccount = posting.movement.to
        entry.amount = amount
        entry.grantID = posting.grantID
        entry.batchID = posting.batchID
        entry.memo = posting.memo
        entry.actorAccountID = posting.actor.accountID
        entry.actorName = posting.actor.name
        entry.recordedAt = posting.at
        entry.recordedOn = posting.on
        try await entry.create(on: tx)
        return entry
    }

    /// The balances as the entries add them up: what the fund has, whatever the counter says.
    public static func balances(fundID: UUID, on database: any Database) async throws -> FundBalances {
        try await sums(filter: "fund_id", id: fundID, on: database)
    }

    /// The balances of the entries that name one grant (committed, disbursed, clawed back for it).
    public static func balances(grantID: UUID, on database: any Database) async throws -> FundBalances {
        try await sums(filter: "grant_id", id: grantID, on: database)
    }

    /// The balances of many funds at once, from their entries.
    public static func balances(fundIDs: [UUID], on database: any Database) async throws -> [UUID: FundBalances] {
        var result: [UUID: FundBalances] = [:]
        for id in fundIDs { result[id] = FundBalances() }
        guard !fundIDs.isEmpty else { return result }
        let sql = database as! any SQLDatabase
        for side in ["from_account", "to_account"] {
            let rows = try await sql.select()
                .column(SQLIdentifier("fund_id"))
                .column(SQLAlias(SQLIdentifier(side), as: SQLIdentifier("account")))
                .column(SQLAlias(SQLRaw("CAST(SUM(amount) AS BIGINT)"), as: SQLIdentifier("total")))
                .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
                .from(LedgerEntry.schema)
                .where(SQLIdentifier("fund_id"), .in, SQLGroupExpression(fundIDs.map { SQLBind($0) }))
                .groupBy(SQLIdentifier("fund_id")).groupBy(SQLIdentifier(side))
                .all()
            for row in rows {
                let fund = try row.decode(column: "fund_id", as: UUID.self)
                guard let account = LedgerAccount(rawValue: try row.decode(column: "account", as: String.self)) else { continue }
                let total = try row.decode(column: "total", as: Int64.self)
                result[fund, default: FundBalances()][account] += side == "to_account" ? total : -total
                if side == "to_account" { result[fund, default: FundBalances()].entries += try row.decode(column: "n", as: Int.self) }
            }
        }
        return result
    }

    /// The counter row's view of the balances (what approvals test against).
    public static func counter(fundID: UUID, on database: any Database) async throws -> FundBalances? {
        try await FundBalance.find(fundID, on: database)?.balances
    }

    private static func sums(filter column: String, id: UUID, on database: any Database) async throws -> FundBalances {
        let sql = database as! any SQLDatabase
        var balances = FundBalances()
        for side in ["from_account", "to_account"] {
            let rows = try await sql.select()
                .column(SQLAlias(SQLIdentifier(side), as: SQLIdentifier("account")))
                .column(SQLAlias(SQLRaw("CAST(SUM(amount) AS BIGINT)"), as: SQLIdentifier("total")))
                .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
                .from(LedgerEntry.schema)
                .where(SQLIdentifier(column), .equal, SQLBind(id))
                .groupBy(SQLIdentifier(side))
                .all()
            for row in rows {
                guard let account = LedgerAccount(rawValue: try row.decode(column: "account", as: String.self)) else { continue }
                let total = try row.decode(column: "total", as: Int64.self)
                balances[account] += side == "to_account" ? total : -total
                if side == "to_account" { balances.entries += try row.decode(column: "n", as: Int.self) }
            }
        }
        return balances
    }
}
