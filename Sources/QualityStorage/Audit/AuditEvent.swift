import FluentKit
import Foundation

/// One row of the append-only audit trail: who did what to which record, from which stage to which, why,
/// and the rule version and engine explanation that backed it. Rows are chained by SHA-256 hashes
/// (`AuditChain`), so a row edited behind the application's back breaks the chain at that row.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    /// Position in the chain, 1, 2, 3… assigned by `AuditChain.append`, never by the database, so that
    /// concurrent writers cannot interleave.
    @ID(custom: "seq", generatedBy: .user) public var id: Int?
    @Field(key: "occurred_at") public var occurredAt: Date
    @OptionalField(key: "actor_account_id") public var actorAccountID: UUID?
    @Field(key: "actor_role") public var actorRole: String
    @Field(key: "actor_name") public var actorName: String
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "from_stage") public var fromStage: String?
    @OptionalField(key: "to_stage") public var toStage: String?
    @OptionalField(key: "reason") public var reason: String?
    @OptionalField(key: "rule_version") public var ruleVersion: String?
    @OptionalField(key: "explanation") public var explanation: String?
    @Field(key: "prev_hash") public var prevHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $occurredAt, $actorAccountID, $actorRole, $actorName, $subjectType, $subjectID, $action, $fromStage, $toStage,
         $reason, $ruleVersion, $explanation, $prevHash, $hash]
    }
}

/// The head of the chain: one row holding the last sequence number and hash. Appends move it with a
/// conditional update, which is what serialises concurrent writers on both databases.
public final class AuditHead: Model, @unchecked Sendable {
    public static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) public var id: Int?
    @Field(key: "seq") public var seq: Int
    @Field(key: "hash") public var hash: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $seq, $hash] }

    public init(id: Int, seq: Int, hash: String) {
        self.id = id
        self.seq = seq
        self.hash = hash
    }
}
