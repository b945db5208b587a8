import FluentKit

struct CreateDecisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Expert.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, "id"))
            .field("name", .string, .required)
            .field("fields", .string, .required)
            .field("affiliation", .string, .required)
            .field("employer_credit_code", .string)
            .field("relationships", .string, .required)
            .field("is_active", .bool, .required)
            .unique(on: "account_id")
            .create()
        try await database.schema(PanelAssignment.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("application_id", .uuid, .required, .references(CallApplication.schema, "id"))
            .field("expert_id", .uuid, .required, .references(Expert.schema, "id"))
            .field("status", .string, .required)
            .field("drawn_at", .datetime, .required)
            .field("declared_at", .datetime)
            .field("submitted_at", .datetime)
            .field("opinion", .string)
            .unique(on: "application_id", "expert_id")
            .create()
        try await database.createIndex("assignments_expert", on: PanelAssignment.schema, columns: ["expert_id", "status"])
        try await database.createIndex("assignments_call", on: PanelAssignment.schema, columns: ["call_id"])
        try await database.schema(Recusal.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("application_id", .uuid, .required, .references(CallApplication.schema, "id"))
            .field("expert_id", .uuid, .required, .references(Expert.schema, "id"))
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(ExpertScore.schema)
            .id()
            .field("assignment_id", .uuid, .required, .references(PanelAssignment.schema, "id", onDelete: .cascade))
            .field("indicator_id", .string, .required)
            .field("points", .int, .required)
            .field("justification", .string, .required)
            .unique(on: "assignment_id", "indicator_id")
            .create()
        try await database.schema(Complaint.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("application_id", .uuid, .required, .references(CallApplication.schema, "id"))
            .field("complainant_name", .string, .required)
            .field("complainant_contact", .string, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("filed_at", .datetime, .required)
            .field("resolved_at", .datetime)
            .field("resolved_by", .uuid, .references(Account.schema, "id"))
            .create()
        try await database.createIndex("complaints_call", on: Complaint.schema, columns: ["call_id", "status"])
        try await database.schema(Title.schema)
            .id()
            .field("certificate_number", .string, .required)
            .field("enterprise_id", .uuid, .required, .references(Enterprise.schema, "id"))
            .field("programme_id", .string, .required)
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("application_id", .uuid, .required, .references(CallApplication.schema, "id"))
            .field("granted_on", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string, .required)
            .field("status", .string, .required)
            .field("ended_on", .string)
            .field("ended_reason", .string)
            .unique(on: "certificate_number")
            .unique(on: "application_id")
            .create()
        try await database.createIndex("titles_enterprise", on: Title.schema, columns: ["enterprise_id", "status"])
        try await database.schema(QuotaLedger.schema)
            .id()
            .field("programme_id", .string, .required)
            .field("year", .int, .required)
            .field("quota", .int, .required)
            .field("approved", .int, .required)
            .unique(on: "programme_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [QuotaLedger.schema, Title.schema, Complaint.schema, ExpertScore.schema, Recusal.schema,
                       PanelAssignment.schema, Expert.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// New columns, one ALTER each: SQLite adds one column per statement.
struct AddDecisionColumns: AsyncMigration {
    static let calls: [(String, DatabaseSchema.DataType)] = [
        ("panel_size", .int), ("rubric_yaml", .string), ("notice_starts_on", .string), ("notice_ends_on", .string),
        ("final_published_at", .datetime),
    ]
    static let applications: [(String, DatabaseSchema.DataType)] = [
        ("aggregate_score", .int), ("objective_score", .int), ("divergent", .bool), ("rank", .int),
    ]

    func prepare(on database: any Database) async throws {
        for (name, type) in Self.calls { try await database.schema(Call.schema).field(FieldKey(stringLiteral: name), type).update() }
        for (name, type) in Self.applications { try await database.schema(CallApplication.schema).field(FieldKey(stringLiteral: name), type).update() }
    }

    func revert(on database: any Database) async throws {
        for (name, _) in Self.calls { try await database.schema(Call.schema).deleteField(FieldKey(stringLiteral: name)).update() }
        for (name, _) in Self.applications { try await database.schema(CallApplication.schema).deleteField(FieldKey(stringLiteral: name)).update() }
    }
}
