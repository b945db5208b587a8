import FluentKit

struct CreateLifecycle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AnnualReport.schema)
            .id()
            .field("title_id", .uuid, .required, .references(Title.schema, "id"))
            .field("year", .int, .required)
            .field("due_on", .string, .required)
            .field("summary", .string, .required)
            .field("fund_use", .string, .required)
            .field("file_id", .uuid)
            .field("submitted_at", .datetime, .required)
            .field("late", .bool, .required)
            .unique(on: "title_id", "year")
            .create()
        try await database.schema(Rectification.schema)
            .id()
            .field("title_id", .uuid, .required, .references(Title.schema, "id"))
            .field("report_year", .int, .required)
            .field("issued_on", .string, .required)
            .field("deadline", .string, .required)
            .field("status", .string, .required)
            .field("closed_on", .string)
            .unique(on: "title_id", "report_year")
            .create()
        try await database.schema(ChangeReport.schema)
            .id()
            .field("title_id", .uuid, .required, .references(Title.schema, "id"))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("effective_on", .string, .required)
            .field("district", .string, .required)
            .field("status", .string, .required)
            .field("district_note", .string)
            .field("city_note", .string)
            .field("filed_at", .datetime, .required)
            .create()
        try await database.createIndex("change_reports_district", on: ChangeReport.schema, columns: ["district", "status"])
        try await database.schema(ReReview.schema)
            .id()
            .field("title_id", .uuid, .required, .references(Title.schema, "id"))
            .field("due_on", .string, .required)
            .field("outcome", .string, .required)
            .field("findings", .string)
            .field("decided_on", .string)
            .create()
        try await database.schema(Title.schema).field("end_kind", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Title.schema).deleteField("end_kind").update()
        for schema in [ReReview.schema, ChangeReport.schema, Rectification.schema, AnnualReport.schema] {
            try await database.schema(schema).delete()
        }
    }
}
