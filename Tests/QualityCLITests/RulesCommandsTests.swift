import Foundation
import QualityCLI
import QualityRules
import Testing

@Suite struct RulesCommandsTests {
    @Test func programsUsesTheInjectedClock() throws {
        // setup: the day after 002 expired
        let command = try ProgramsCommand.parse(["--format", "json"])
        // MUT
        let output = try command.render(clock: FixedClock(CalendarDate(iso: "2025-03-01")!))
        // validation
        let listing = try JSONDecoder().decode(ProgrammeListing.self, from: Data(output.utf8))
        #expect(listing.on.iso == "2025-03-01")
        #expect(listing.programmes.first { $0.id == "jm-innovation-centre" }?.status == .expired)
    }

    @Test func evaluateReadsFilesAndReportsBadFactsWithExitCode2() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json")
        try Data(#"{"registration": {"creditCode": "914403001922038216", "name": "示例", "registeredOn": "2010-01-01", "legalForm": "legalPerson", "industryCode": "C39", "operatingStatus": "active"}}"#.utf8).write(to: good)
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"registration": {}}"#.utf8).write(to: bad)

        let evaluated = try EvaluateCommand.parse(["--program", "sz-backbone", "--facts", good.path, "--format", "json"])
            .execute(clock: FixedClock(CalendarDate(iso: "2024-06-01")!))
        #expect(evaluated.exitCode == 0)
        #expect(evaluated.standardOutput.contains("\"evaluationDate\" : \"2024-06-01\""))

        let refused = try EvaluateCommand.parse(["--program", "sz-backbone", "--facts", bad.path, "--lang", "en"])
            .execute(clock: FixedClock(CalendarDate(iso: "2024-06-01")!))
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("$.registration.creditCode: Missing required field 'creditCode'"))
    }

    @Test func anImpossibleDateIsAUsageError() throws {
        let command = try EvaluateCommand.parse(["--program", "sz-backbone", "--facts", "/dev/null", "--on", "2023-02-29"])
        #expect(throws: (any Error).self) { try command.execute(clock: FixedClock(CalendarDate(iso: "2024-06-01")!)) }
    }
}
