import FluentKit
import SQLKit

/// The registry tables (one per kind of file, columns from its layout), the import log, match runs with
/// their candidates, and sandbox drafts.
struct CreateRegistryTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for kind in RegistryKind.allCases {
            // Keyed by the record itself: no surrogate id to index on a million inserts.
            var schema = database.schema(kind.table)
            for field in kind.layout.fields {
                let type: DatabaseSchema.DataType
                switch field.type {
                case .year: type = .int
                case .integer: type = .int64
                case .money: type = .int64
                case .boolean: type = .bool
                default: type = .string
                }
                schema = field.required ? schema.field(.string(field.column), type, .required) : schema.field(.string(field.column), type)
            }
            try await schema
                .field("record_key", .string, .required)
                .field("row_hash", .int64, .required)
                .field("source_file", .string, .required)
                .field("source_row", .int, .required)
                .field("import_id", .uuid, .required)
                .compositeIdentifier(over: "credit_code", "record_key")
                .create()
        }
        try await database.schema(RegistryImport.schema)
            .id()
            .field("kind", .string, .required)
            .field("file", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("counts_json", .string, .required)
            .field("rejections_json", .string, .required)
            .field("actor", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegistryImport.schema).delete()
        for kind in RegistryKind.allCases { try await database.schema(kind.table).delete() }
    }
}

struct CreateMatchRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MatchRun.schema)
            .id()
            .field("on_date", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime, .required)
            .field("enterprise_count", .int, .required)
            .field("summary_json", .string, .required)
            .field("actor", .string, .required)
            .create()
        try await database.createIndex("match_runs_date", on: MatchRun.schema, columns: ["on_date", "finished_at"])
        try await database.schema(MatchCandidate.schema)
            .id()
            .field("run_id", .uuid, .required, .references(MatchRun.schema, "id", onDelete: .cascade))
            .field("programme_id", .string, .required)
            .field("enterprise_id", .uuid, .required)
            .field("credit_code", .string, .required)
            .field("enterprise_name", .string, .required)
            .field("city", .string, .required)
            .field("district", .string, .required)
            .field("verdict", .string, .required)
            .field("score", .int)
            .field("award_fen", .int64)
            .unique(on: "run_id", "programme_id", "enterprise_id")
            .create()
        try await database.createIndex("match_candidates_programme", on: MatchCandidate.schema,
                                       columns: ["run_id", "programme_id", "verdict"])
        try await database.createIndex("match_candidates_enterprise", on: MatchCandidate.schema, columns: ["enterprise_id", "run_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MatchCandidate.schema).delete()
        try await database.schema(MatchRun.schema).delete()
    }
}

struct CreateSandboxDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SandboxDraft.schema)
            .id()
            .field("name", .string, .required)
            .field("base_policy_id", .string, .required)
            .field("against_policy_id", .string, .required)
            .field("changes_json", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SandboxDraft.schema).delete()
    }
}

/// On SQLite, stores each registry table in the order of its key (`WITHOUT ROWID`): a row is written into
/// one B-tree instead of a table and a separate key index, which is most of a bulk import's writing.
/// PostgreSQL keeps its heap and key index; nothing changes there.
struct ClusterRegistryTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        for kind in RegistryKind.allCases {
            let table = kind.table
            let rows = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").all()
            guard let create = try rows.first?.decode(column: "sql", as: String.self) else { continue }
            guard !create.uppercased().hasSuffix("WITHOUT ROWID") else { continue }
            let clustered = table + "_clustered"
            guard let range = create.range(of: "\"\(table)\"") else { continue }
            try await sql.raw(SQLQueryString(create.replacingCharacters(in: range, with: "\"\(clustered)\"") + " WITHOUT ROWID")).run()
            try await sql.raw("INSERT INTO \(ident: clustered) SELECT * FROM \(ident: table)").run()
            try await sql.raw("DROP TABLE \(ident: table)").run()
            try await sql.raw("ALTER TABLE \(ident: clustered) RENAME TO \(ident: table)").run()
        }
    }

    func revert(on database: any Database) async throws {}
}
