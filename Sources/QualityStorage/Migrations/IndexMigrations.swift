import FluentKit

/// Indexes found missing under load (issue 10): each was a full scan on the submission path. With 10,000
/// enterprises, telling a district's officers about a submission scanned every account inside the write
/// transaction (3 ms while every other writer waited), and checking an application's materials scanned them all.
struct AddLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("accounts_role_district", Account.schema, ["role", "district"]),
        ("accounts_enterprise", Account.schema, ["enterprise_id"]),
        ("application_materials_application", ApplicationMaterial.schema, ["application_id"]),
        ("applications_enterprise", CallApplication.schema, ["enterprise_id"]),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.createIndex(index.name, on: index.table, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.dropIndex(index.name)
        }
    }
}
