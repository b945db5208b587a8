import FluentKit

struct CreateAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .field("seq", .int, .identifier(auto: false))
            .field("occurred_at", .datetime, .required)
            .field("actor_account_id", .uuid)
            .field("actor_role", .string, .required)
            .field("actor_name", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("action", .string, .required)
            .field("from_stage", .string)
            .field("to_stage", .string)
            .field("reason", .string)
            .field("rule_version", .string)
            .field("explanation", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.createIndex("audit_subject", on: AuditEvent.schema, columns: ["subject_type", "subject_id"])
        try await database.schema(AuditHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditHead(id: 1, seq: 0, hash: AuditChain.genesisHash).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditHead.schema).delete()
        try await database.schema(AuditEvent.schema).delete()
    }
}
