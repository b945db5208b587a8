import ArgumentParser
import Dispatch
import Foundation
import QualityRules
import QualityStorage
import QualityWeb

/// `qualitycity bench`: the matching figures on this installation's own registry (the synthetic-city
/// benchmark with its targets is `scripts/bench`). Reads only.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loading the registry's facts, matching every programme in force, and one full explanation, on this database.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Match for this day (YYYY-MM-DD); today in Asia/Shanghai by default.")
    var on: String?

    @Option(help: "How many times to run the matching.")
    var runs: Int = 5

    func run() async throws {
        let text = try await failingClearly {
            return try await withRegistry(database, on: on) { app, catalog, day, configuration in
                let loaded = try await FactsLoader.load(from: app.db)
                let entries = catalog.programmesInForce(on: day)
                let plan = MatchPlan(entries, on: day, columns: loaded.columns)
                var times: [Double] = []
                for _ in 0..<max(runs, 1) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = Matcher.run(plan, on: loaded.columns)
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                times.sort()
                var lines = [
                    "Registry of \(loaded.columns.count) enterprises (\(loaded.skipped) skipped) loaded from \(configuration.database.redactedDescription) in \(String(format: "%.2f", loaded.seconds)) s",
                    "\(entries.count) programmes in force on \(day.iso), \(runs) runs: best \(String(format: "%.1f", times[0])) ms, median \(String(format: "%.1f", times[times.count / 2])) ms",
                ]
                if let first = loaded.enterpriseIDs.first, let enterprise = try await Enterprise.find(first, on: app.db),
                   let facts = try? EnterpriseFacts.validate(data: Data(enterprise.factsJSON.utf8)).get(), let entry = entries.first {
                    let evaluator = Evaluator(catalog: catalog)
                    var best = Double.infinity
                    for _ in 0..<200 {
                        let start = DispatchTime.now().uptimeNanoseconds
                        _ = evaluator.evaluate(entry.programme, of: entry.policy, facts: facts, on: day)
                        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
                    }
                    lines.append("One full explanation (\(entry.programme.id), \(enterprise.creditCode)): best \(String(format: "%.1f", best)) µs")
                }
                return lines.joined(separator: "\n") + "\n"
            }
        }
        print(text, terminator: "")
    }
}
