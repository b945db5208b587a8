import FluentKit

/// City quality targets (001: indicators, task breakdown, periods, reports).
struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Department.schema)
            .id()
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema(CityIndicator.schema)
            .id()
            .field("key", .string, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("unit_zh", .string, .required)
            .field("unit_en", .string, .required)
            .field("target", .string, .required)
            .field("direction", .string, .required)
            .field("first_year", .int, .required)
            .field("target_year", .int)
            .field("per_year", .bool, .required)
            .field("plan", .string, .required)
            .field("clause_zh", .string)
            .field("clause_en", .string)
            .field("citation_text", .string)
            .field("departments_basis", .string, .required)
            .field("sort_order", .int, .required)
            .field("is_active", .bool, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema(IndicatorDepartment.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(CityIndicator.schema, "id"))
            .field("department", .string, .required)
            .field("lead", .bool, .required)
            .unique(on: "indicator_id", "department")
            .create()
        try await database.createIndex("indicator_departments_department", on: IndicatorDepartment.schema, columns: ["department"])
        try await database.schema(ReportingPeriod.schema)
            .id()
            .field("year", .int, .required)
            .field("due_on", .string, .required)
            .field("is_demo", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "year")
            .create()
        try await database.schema(IndicatorReport.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(CityIndicator.schema, "id"))
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id"))
            .field("value", .string, .required)
            .field("note", .string, .required)
            .field("evidence_file_id", .uuid, .references(EvidenceFile.schema, "id"))
            .field("department", .string, .required)
            .field("reported_by", .uuid, .required, .references(Account.schema, "id"))
            .field("reported_at", .datetime, .required)
            .field("late", .bool, .required)
            .field("is_demo", .bool, .required)
            .create()
        try await database.createIndex("indicator_reports_period", on: IndicatorReport.schema, columns: ["period_id", "indicator_id"])
    }

    func revert(on database: any Database) async throws {
        for schema in [IndicatorReport.schema, ReportingPeriod.schema, IndicatorDepartment.schema, CityIndicator.schema, Department.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The quality credit file (001: 质量诚信档案): records officers enter.
struct CreateCreditFile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CreditRecord.schema)
            .id()
            .field("enterprise_id", .uuid, .required, .references(Enterprise.schema, "id"))
            .field("kind", .string, .required)
            .field("area", .string, .required)
            .field("severity", .string, .required)
            .field("outcome", .string, .required)
            .field("level", .string, .required)
            .field("occurred_on", .string, .required)
            .field("reference", .string)
            .field("summary", .string, .required)
            .field("private_note", .string)
            .field("is_public", .bool, .required)
            .field("recorded_by", .uuid, .required, .references(Account.schema, "id"))
            .field("recorder_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.createIndex("credit_records_enterprise", on: CreditRecord.schema, columns: ["enterprise_id", "occurred_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CreditRecord.schema).delete()
    }
}
