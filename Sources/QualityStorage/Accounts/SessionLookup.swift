import FluentKit
import FluentSQL
import Foundation

/// A signed-in session and its account, as every authenticated request reads it.
public struct SessionRecord: Sendable, Equatable {
    public var sessionID: UUID
    public var kind: String
    public var expiresAt: Date
    public var lastSeenAt: Date
    public var accountID: UUID
    public var username: String
    public var displayName: String
    public var role: Role
    public var district: String?
    public var enterpriseID: UUID?
    public var department: String?
    public var isActive: Bool
}

extension UserSession {
    /// The session with this token hash and its account, in one statement. Every signed-in request asks, so
    /// it is written as SQL rather than two model queries (a query and an eager load, each reflected).
    public static func lookup(tokenHash: String, on database: any Database) async throws -> SessionRecord? {
        guard let sql = database as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
        let row = try await sql.raw("""
            SELECT s.id AS session_id, s.kind, s.expires_at, s.last_seen_at, a.id AS account_id, a.username, \
            a.display_name, a.role, a.district, a.enterprise_id, a.department, a.is_active \
            FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: tokenHash) LIMIT 1
            """).first()
        guard let row else { return nil }
        guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
        return SessionRecord(
            sessionID: try row.decode(column: "session_id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self), lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            accountID: try row.decode(column: "account_id", as: UUID.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self), role: role,
            district: try row.decode(column: "district", as: String?.self),
            enterpriseID: try row.decode(column: "enterprise_id", as: UUID?.self),
            department: try row.decode(column: "department", as: String?.self),
            isActive: try row.decode(column: "is_active", as: Bool.self))
    }

    /// Moves a session's sliding expiry.
    public static func extend(_ id: UUID, lastSeenAt: Date, expiresAt: Date, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
        try await sql.raw("""
            UPDATE sessions SET last_seen_at = \(bind: lastSeenAt), expires_at = \(bind: expiresAt) WHERE id = \(bind: id)
            """).run()
    }
}
