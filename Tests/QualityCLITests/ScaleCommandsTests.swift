import ArgumentParser
import Foundation
@testable import QualityCLI
import QualityRules
import QualityStorage
import QualityTestSupport
import Testing

/// `import`, `match`, `sandbox` and `bench` from the command line, on a database of their own (SQLite, or
/// PostgreSQL under `scripts/test`).
@Suite("qualitycity import, match, sandbox, bench", .serialized)
struct ScaleCommandsTests {
    static func databaseURL() async throws -> (String, DatabaseSettings) {
        let settings = try await TestDatabase.fresh()
        switch settings.storage {
        case .sqliteFile(let path): return ("sqlite://\(path)", settings)
        case .postgres(let url): return (url, settings)
        case .sqliteMemory: fatalError("tests use files")
        }
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qc-scale-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Two Shenzhen enterprises as registry files: one a backbone candidate, one ¥10,000 short of the tax line.
    static func registry(in folder: URL) throws {
        let day = CalendarDate(iso: "2024-06-01")!
        func enterprise(_ n: Int, tax: Int64) -> EnterpriseFacts {
            let code = CreditCode.withCheckDigit("91440305MA5CL000\(n)")!
            return EnterpriseFacts(
                registration: Registration(creditCode: code, name: "命令行企业\(n)", divisionCode: "440305", city: "深圳市", district: "南山区",
                                           registeredOn: day.adding(years: -9), legalForm: .legalPerson, industryCode: "C3981"),
                certifications: [Certification(type: .iso9001, number: "Q-\(n)", validFrom: day.adding(years: -1), validTo: day.adding(years: 2))],
                taxes: [TaxYear(year: 2021, amount: Money(wan: 1_200)), TaxYear(year: 2022, amount: Money(wan: 1_200)),
                        TaxYear(year: 2023, amount: Money(fen: tax))],
                chiefQualityOfficer: ChiefQualityOfficer(appointed: true, trained: true))
        }
        let enterprises = [enterprise(1, tax: Money(wan: 1_200).fen), enterprise(2, tax: Money(wan: 1_100).fen - 1_000_000)]
        _ = try RegistryExport.writeFiles(to: folder, kinds: RegistryKind.allCases, count: 2) { enterprises[$0] }
    }

    @Test("import with a progress-free report and a rejects file; match writes its candidates; sandbox compares; bench times")
    func endToEnd() async throws {
        // setup
        let (url, settings) = try await Self.databaseURL()
        defer { TestDatabase.discard(settings) }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.registry(in: folder)
        // MUT: every kind imports cleanly
        for kind in ["registrations", "certifications", "taxes", "quality"] {
            var command = try #require(try QualityCityCommand.parseAsRoot(
                ["import", "--kind", kind, folder.appendingPathComponent("\(kind).csv").path, "--database-url", url, "--quiet"]) as? ImportCommand)
            try await command.run()
        }
        // MUT: a file with a bad row exits 2 and writes the rejects
        let bad = folder.appendingPathComponent("bad-taxes.csv")
        try Data("credit_code,year,amount\r\n\(CreditCode.withCheckDigit("91440305MA5CL0001")!.value),2020,-5\r\n".utf8).write(to: bad)
        let rejects = folder.appendingPathComponent("rejects.csv")
        var failing = try #require(try QualityCityCommand.parseAsRoot(
            ["import", "--kind", "taxes", bad.path, "--database-url", url, "--rejects", rejects.path, "--quiet"]) as? ImportCommand)
        await #expect(throws: ExitCode(2)) { try await failing.run() }
        let rejected = try String(contentsOf: rejects, encoding: .utf8)
        #expect(rejected.contains("bad-taxes.csv,2,amount,金额不能为负数,The amount cannot be negative"))
        // MUT: match on a day 000 is in force, candidates to a CSV
        let out = folder.appendingPathComponent("candidates.csv")
        var match = try #require(try QualityCityCommand.parseAsRoot(
            ["match", "--on", "2024-06-01", "--program", "sz-backbone", "--out", out.path, "--database-url", url]) as? MatchCommand)
        try await match.run()
        let candidates = try String(contentsOf: out, encoding: .utf8)
        #expect(candidates.contains("命令行企业1"))
        #expect(!candidates.contains("命令行企业2"))
        // MUT: the sandbox lowers the tax line by ¥20,000: the second enterprise newly qualifies
        let affected = folder.appendingPathComponent("affected.csv")
        var sandbox = try #require(try QualityCityCommand.parseAsRoot(
            ["sandbox", "--policy", "sz-backbone-2014", "--set", "sz-backbone.minimum.tax-three-years=34980000", "--on", "2024-06-01",
             "--out", affected.path, "--database-url", url]) as? SandboxCommand)
        try await sandbox.run()
        let changed = try String(contentsOf: affected, encoding: .utf8)
        #expect(changed.contains("\(CreditCode.withCheckDigit("91440305MA5CL0002")!.value),"))
        #expect(changed.contains("newlyQualifying"))
        #expect(!changed.contains(CreditCode.withCheckDigit("91440305MA5CL0001")!.value))
        // MUT: the example and the bench run on the same registry
        var example = try #require(try QualityCityCommand.parseAsRoot(["sandbox", "--example", "--on", "2024-06-01", "--database-url", url]) as? SandboxCommand)
        try await example.run()
        var bench = try #require(try QualityCityCommand.parseAsRoot(["bench", "--on", "2024-06-01", "--runs", "2", "--database-url", url]) as? BenchCommand)
        try await bench.run()
    }

    @Test("unknown kinds, programmes and changes are usage errors")
    func usageErrors() async throws {
        let (url, settings) = try await Self.databaseURL()
        defer { TestDatabase.discard(settings) }
        var match = try #require(try QualityCityCommand.parseAsRoot(["match", "--program", "sz-nothing", "--database-url", url]) as? MatchCommand)
        await #expect(throws: ValidationError.self) { try await match.run() }
        var sandbox = try #require(try QualityCityCommand.parseAsRoot(["sandbox", "--policy", "sz-backbone-2014", "--set", "nonsense", "--database-url", url]) as? SandboxCommand)
        await #expect(throws: ValidationError.self) { try await sandbox.run() }
        var kind = try #require(try QualityCityCommand.parseAsRoot(["import", "--kind", "shares", "/dev/null", "--database-url", url]) as? ImportCommand)
        await #expect(throws: ValidationError.self) { try await kind.run() }
    }
}
