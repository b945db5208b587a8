import FluentKit
import FluentSQL

struct CreateSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Setting.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Setting.schema).delete()
    }
}

struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload_json", .string, .required)
            .field("run_at", .datetime, .required)
            .field("unique_key", .string)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("finished_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "unique_key")
            .create()
        try await database.createIndex("jobs_due", on: Job.schema, columns: ["finished_at", "run_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Job.schema).delete()
    }
}

extension Database {
    /// A plain index, written with SQLKit's builder so SQLite and PostgreSQL get the same statement.
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    /// Drops an index made by `createIndex`.
    func dropIndex(_ name: String) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        try await sql.drop(index: name).run()
    }
}
