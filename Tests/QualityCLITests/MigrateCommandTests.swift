import ArgumentParser
import Foundation
@testable import QualityCLI
import Testing

@Suite("qualitycity migrate")
struct MigrateCommandTests {
    @Test("creates the SQLite file and its folder on first run, and a second run changes nothing")
    func createsFileAndIsIdempotent() async throws {
        // setup
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nested/qualitycity.sqlite").path
        // MUT
        var first = try #require(try QualityCityCommand.parseAsRoot(["migrate", "--database-url", "sqlite://\(file)"]) as? MigrateCommand)
        try await first.run()
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        var second = try #require(try QualityCityCommand.parseAsRoot(["migrate", "--database-url", "sqlite://\(file)"]) as? MigrateCommand)
        try await second.run()
        // validation
        #expect(FileManager.default.fileExists(atPath: file))
        #expect((size ?? 0) > 0)
    }

    @Test("a malformed database URL ends with exit code 1")
    func badURL() async throws {
        var command = try #require(try QualityCityCommand.parseAsRoot(["migrate", "--database-url", "mysql://x@y/z"]) as? MigrateCommand)
        await #expect(throws: ExitCode.failure) {
            try await command.run()
        }
    }
}
