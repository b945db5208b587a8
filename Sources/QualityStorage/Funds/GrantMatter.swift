import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// A matter that has been funded for an enterprise — by a grant of the platform or by one made before it
/// (imported). Unique per enterprise and matter: the same certificate or award cannot be funded twice, under
/// one policy or under two (004 item 14, 不得重复享受). Two approvals of the same matter at the same moment
/// both try to insert the row; the database lets exactly one of them.
///
/// The rows are also the grant history the rules engine reads (`History.grants`) for first-time-only,
/// per-year and double-benefit checks.
public final class GrantMatter: Model, @unchecked Sendable {
    public static let schema = "grant_matters"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    @Field(key: "matter_key") public var matterKey: String
    @Field(key: "policy_id") public var policyID: String
    @Field(key: "programme_id") public var programmeID: String
    @OptionalField(key: "grant_id") public var grantID: UUID?
    @OptionalField(key: "prior_grant_id") public var priorGrantID: UUID?
    @Field(key: "granted_on") public var grantedOn: CalendarDate
    @Field(key: "amount") public var amount: Int64

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $enterprise, $matterKey, $policyID, $programmeID, $grantID, $priorGrantID, $grantedOn, $amount]
    }

    public var record: GrantRecord {
        GrantRecord(programme: programmeID, policy: policyID, matter: matterKey, date: grantedOn, amount: Money(fen: amount))
    }

    /// Claims the matter for a grant; false when it is already funded (nothing is written then).
    public static func claim(enterpriseID: UUID, matter: String, policyID: String, programmeID: String, grantID: UUID?,
                             priorGrantID: UUID?, grantedOn: CalendarDate, amount: Money, on tx: any Database) async throws -> Bool {
        let sql = tx as! any SQLDatabase
        let rows = try await sql.insert(into: schema)
            .columns("id", "enterprise_id", "matter_key", "policy_id", "programme_id", "grant_id", "prior_grant_id", "granted_on", "amount")
            .values(SQLBind(UUID()), SQLBind(enterpriseID), SQLBind(matter), SQLBind(policyID), SQLBind(programmeID),
                    grantID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                    priorGrantID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                    SQLBind(grantedOn.iso), SQLBind(amount.fen))
            .ignoringConflicts(with: ["enterprise_id", "matter_key"])
            .returning("id")
            .all()
        return !rows.isEmpty
    }
}

/// A per-enterprise count kept under a limit: "每家企业每年资助不超过 N 项" (key `year:…`) and first-time-only
/// (key `first:…`, limit 1). Raised only by `take`, a conditional update, inside the approval's transaction.
public final class GrantCounter: Model, @unchecked Sendable {
    public static let schema = "grant_counters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "counter_key") public var key: String
    @Field(key: "used") public var used: Int
    @Field(key: "maximum") public var limit: Int

    public init() {}

    public var properties: [any AnyProperty] { [$id, $key, $used, $limit] }

    public static func perYearKey(enterpriseID: UUID, programmeID: String, year: Int) -> String {
        "year:\(enterpriseID.uuidString):\(programmeID):\(year)"
    }

    public static func firstTimeKey(enterpriseID: UUID, programmeID: String) -> String {
        "first:\(enterpriseID.uuidString):\(programmeID)"
    }

    /// Makes the counter if it is not there yet, starting from what the history already holds; a concurrent
    /// maker's row wins and is kept.
    public static func ensure(key: String, limit: Int, used: Int, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.insert(into: schema)
            .columns("id", "counter_key", "used", "maximum")
            .values(SQLBind(UUID()), SQLBind(key), SQLBind(used), SQLBind(limit))
            .ignoringConflicts(with: "counter_key")
            .run()
    }

    /// Takes `count` places if `used + count ≤ limit`; false (nothing changed) otherwise.
    public static func take(key: String, count: Int, on tx: any Database) async throws -> Bool {
        let sql = tx as! any SQLDatabase
        let rows = try await sql.raw("""
            UPDATE \(ident: schema) SET \(ident: "used") = \(ident: "used") + \(bind: count) \
            WHERE \(ident: "counter_key") = \(bind: key) AND \(ident: "used") + \(bind: count) <= \(ident: "maximum") RETURNING \(ident: "used")
            """).all()
        return !rows.isEmpty
    }

    /// Gives places back (a released grant), never below zero.
    public static func give(key: String, count: Int, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.raw("""
            UPDATE \(ident: schema) SET \(ident: "used") = \(ident: "used") - \(bind: count) \
            WHERE \(ident: "counter_key") = \(bind: key) AND \(ident: "used") >= \(bind: count)
            """).run()
    }

    /// Records places taken outside an approval (an imported earlier grant), whatever the limit.
    public static func add(key: String, count: Int, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.raw("UPDATE \(ident: schema) SET \(ident: "used") = \(ident: "used") + \(bind: count) WHERE \(ident: "counter_key") = \(bind: key)").run()
    }
}

/// A grant made before the platform (or outside it), imported from a spreadsheet so that first-time-only,
/// per-year and double-benefit checks see it.
public final class PriorGrant: Model, @unchecked Sendable {
    public static let schema = "prior_grants"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    @Field(key: "policy_id") public var policyID: String
    @Field(key: "programme_id") public var programmeID: String
    @Field(key: "matter_key") public var matterKey: String
    @Field(key: "granted_on") public var grantedOn: CalendarDate
    @Field(key: "amount") public var amount: Int64
    @Field(key: "note") public var note: String
    /// The uploaded file it came from, and its row there.
    @Field(key: "source") public var source: String
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "imported_by") public var importedBy: String

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $enterprise, $policyID, $programmeID, $matterKey, $grantedOn, $amount, $note, $source, $importedAt, $importedBy]
    }

    public init(id: UUID = UUID(), enterpriseID: UUID, policyID: String, programmeID: String, matterKey: String, grantedOn: CalendarDate,
                amount: Money, note: String, source: String, importedAt: Date, importedBy: String) {
        self.id = id
        self.$enterprise.id = enterpriseID
        self.policyID = policyID
        self.programmeID = programmeID
        self.matterKey = matterKey
        self.grantedOn = grantedOn
        self.amount = amount.fen
        self.note = note
        self.source = source
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}
