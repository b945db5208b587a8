import FluentKit

struct CreateCalls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Call.schema)
            .id()
            .field("programme_id", .string, .required)
            .field("policy_id", .string, .required)
            .field("year", .int, .required)
            .field("title_zh", .string, .required)
            .field("title_en", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("quota", .int)
            .field("approved_count", .int, .required)
            .field("stage", .string, .required)
            .field("materials_json", .string, .required)
            .field("contacts", .string, .required)
            .field("notice_days", .int, .required)
            .field("score_aggregate", .string, .required)
            .field("is_demo", .bool, .required)
            .field("published_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Call.schema).delete()
    }
}

struct CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceFile.schema)
            .id()
            .field("sha256", .string, .required)
            .field("display_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("enterprise_id", .uuid, .references(Enterprise.schema, "id"))
            .field("uploaded_by", .uuid, .references(Account.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(CallApplication.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("enterprise_id", .uuid, .required, .references(Enterprise.schema, "id"))
            .field("district", .string, .required)
            .field("stage", .string, .required)
            .field("form_json", .string, .required)
            .field("facts_snapshot_json", .string)
            .field("commitment_accepted", .bool, .required)
            .field("submitted_at", .datetime)
            .field("return_reason", .string)
            .field("return_deadline", .string)
            .field("preliminary_opinion", .string)
            .field("district_recommendation", .string)
            .field("onsite_findings", .string)
            .field("evaluation_json", .string)
            .field("engine_verdict", .string)
            .field("idempotency_key", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "call_id", "enterprise_id")
            .unique(on: "idempotency_key")
            .create()
        try await database.createIndex("applications_stage", on: CallApplication.schema, columns: ["call_id", "stage"])
        try await database.createIndex("applications_district", on: CallApplication.schema, columns: ["district", "stage"])
        try await database.schema(ApplicationMaterial.schema)
            .id()
            .field("application_id", .uuid, .required, .references(CallApplication.schema, "id", onDelete: .cascade))
            .field("material_key", .string, .required)
            .field("file_id", .uuid, .required, .references(EvidenceFile.schema, "id"))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApplicationMaterial.schema).delete()
        try await database.schema(CallApplication.schema).delete()
        try await database.schema(EvidenceFile.schema).delete()
    }
}
