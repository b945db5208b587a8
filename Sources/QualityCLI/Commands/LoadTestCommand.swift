import ArgumentParser
import Foundation
import QualityStorage
import QualityWeb

/// `qualitycity loadtest-seed`: used by scripts/load and scripts/proof, not by people.
struct LoadTestSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest-seed",
        abstract: "Prepare applications ready to submit, with API tokens, for the load and crash tests (demo data).",
        shouldDisplay: false)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many applications to prepare.")
    var applications: Int = 1000

    @Option(help: "CSV file to write: application_id,token,version (call ids for --committee-race; grant_id,version for --grant-race).")
    var out: String

    @Option(help: "Instead: this many calls at the committee, one quota of five a year, for the race proof.")
    var committeeRace: Int?

    @Option(help: "Instead: this many grant applications and a fund that pays five of them, for the race proof.")
    var grantRace: Int?

    func run() async throws {
        try await failingClearly {
            let configuration = try database.configuration()
            if let committeeRace {
                let calls = try await withApplication(configuration) { app in
                    try await QualityCityApp.migrate(app)
                    _ = try await DemoCity.loadIfNew(app, force: true)
                    return try await LoadTestSeed.committeeRace(app, calls: committeeRace, year: 2031)
                }
                try (calls.map(\.uuidString).joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
                print("Prepared \(calls.count) calls at the committee in \(out).")
                return
            }
            if let grantRace {
                let grants = try await withApplication(configuration) { app in
                    try await QualityCityApp.migrate(app)
                    _ = try await DemoCity.loadIfNew(app)
                    return try await LoadTestSeed.grantRace(app, grants: grantRace, payable: 5)
                }
                try (grants.map { "\($0.id.uuidString),\($0.version)" }.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
                print("Prepared \(grants.count) grant applications and a fund for five in \(out).")
                return
            }
            let (callID, ready) = try await withApplication(configuration) { app in
                try await QualityCityApp.migrate(app)
                return try await LoadTestSeed.prepare(app, applications: applications)
            }
            let lines = ["application_id,token,version"] + ready.map { "\($0.applicationID.uuidString),\($0.token),\($0.version)" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
            print("Prepared \(ready.count) applications to call \(callID) in \(out).")
        }
    }
}
