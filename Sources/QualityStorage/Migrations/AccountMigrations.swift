import FluentKit

struct CreateEnterprises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Enterprise.schema)
            .id()
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("district", .string, .required)
            .field("facts_json", .string, .required)
            .field("facts_version", .int, .required)
            .field("is_demo", .bool, .required)
            .field("contact_name", .string)
            .field("contact_phone", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "credit_code")
            .create()
        for index in Enterprise.searchIndexes {
            try await database.createIndex(index.name, on: Enterprise.schema, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Enterprise.schema).delete()
    }
}

extension Enterprise {
    /// The officers' enterprise list searches by place and by name. `CreateEnterprises` creates them from
    /// this list, so the list only grows: a later index gets its own migration and is appended here.
    ///
    /// `builtAfterFirstLoad`: a first registry load into an empty table drops the index and builds it once
    /// at its end (see `RegistryImporter`). Names arrive in no order, so sorting them once costs less than a
    /// million inserts at random places; places are kept, since with a few districts each insert lands at
    /// the end of its district's run (building it afterwards would cost another scan of the whole table).
    static let searchIndexes: [(name: String, columns: [String], builtAfterFirstLoad: Bool)] = [
        ("enterprises_district", ["city", "district"], false),
        ("enterprises_name", ["name"], true),
    ]
}

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("district", .string)
            .field("enterprise_id", .uuid, .references(Enterprise.schema, "id"))
            .field("department", .string)
            .field("is_active", .bool, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("kind", .string, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginThrottle.schema)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_started_at", .datetime, .required)
            .field("locked_until", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginThrottle.schema).delete()
        try await database.schema(UserSession.schema).delete()
        try await database.schema(Account.schema).delete()
    }
}

struct CreateInbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InboxMessage.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("subject_zh", .string, .required)
            .field("subject_en", .string, .required)
            .field("body_zh", .string, .required)
            .field("body_en", .string, .required)
            .field("link", .string)
            .field("read_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("inbox_account", on: InboxMessage.schema, columns: ["account_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InboxMessage.schema).delete()
    }
}
