import FluentKit

/// Evidence an enterprise keeps for its facts says what it proves ("认证证书 CN-QMS-2024-0451").
/// Nullable: files uploaded as application materials have no label of their own.
struct AddEvidenceFileLabel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceFile.schema)
            .field("label", .string)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvidenceFile.schema)
            .deleteField("label")
            .update()
    }
}
