import ArgumentParser
import Foundation
import QualityRules
import QualityStorage
import QualityWeb

/// `qualitycity match --on DATE [--program ID] [--out FILE]`: every enterprise × every programme in force
/// on DATE (or the named ones) through the fast path; the run and its candidates are stored, and with
/// `--out` the candidates are written as CSV or Excel (by the file's extension).
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match every enterprise against every programme open on a day (免申即享) and store the candidates.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Match for this day (YYYY-MM-DD); today in Asia/Shanghai by default.")
    var on: String?

    @Option(name: .customLong("program"), help: "Only this programme (repeatable); default: every programme in force on the day.")
    var programmes: [String] = []

    @Option(help: "Write the candidates to this file: .csv or .xlsx.")
    var out: String?

    @Option(help: "Language of the output: zh or en.")
    var lang: String = "zh"

    func run() async throws {
        let language = Language(preferring: lang)
        let format = try out.map { path -> MatchExport.Format in
            guard let format = MatchExport.Format(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased()) else {
                throw ValidationError("--out must end in .csv or .xlsx")
            }
            return format
        }
        let lines = try await failingClearly {
            return try await withRegistry(database, on: on) { app, catalog, day, configuration in
                let service = MatchService(database: app.db, catalog: catalog, scope: configuration.database.redactedDescription)
                let outcome: MatchService.Outcome
                do {
                    outcome = try await service.run(on: day, programmes: programmes.isEmpty ? nil : programmes, actor: "cli",
                                                    now: configuration.clock.now())
                } catch MatchService.Failure.unknownProgrammes(let unknown) {
                    throw ValidationError("unknown programme: \(unknown.joined(separator: ", ")); see `qualitycity programs`")
                }
                if let out, let format {
                    var rows: [(programme: String, candidate: MatchCandidate)] = []
                    for programme in outcome.summary.programmes where programme.candidatesStored > 0 {
                        let (found, _) = try await service.candidates(run: outcome.run.id!, programme: programme.id,
                                                                      filter: .init(), limit: nil)
                        rows += found.map { (programme.id, $0) }
                    }
                    try MatchExport.data(rows, format: format, language: language, runDay: day.iso).write(to: URL(fileURLWithPath: out))
                }
                return Self.report(outcome, catalog: catalog, day: day, language: language)
            }
        }
        print(lines, terminator: "")
    }

    static func report(_ outcome: MatchService.Outcome, catalog: PolicyCatalog, day: CalendarDate, language: Language) -> String {
        let zh = language == .zh
        var text = zh
            ? "按 \(day.iso) 匹配 \(outcome.loaded.columns.count) 家企业（读取 \(String(format: "%.2f", outcome.summary.loadMilliseconds / 1000)) 秒，规则计算 \(String(format: "%.1f", outcome.summary.matchMilliseconds)) 毫秒）\n"
            : "Matched \(outcome.loaded.columns.count) enterprises for \(day.iso) (read in \(String(format: "%.2f", outcome.summary.loadMilliseconds / 1000)) s, rules in \(String(format: "%.1f", outcome.summary.matchMilliseconds)) ms)\n"
        if outcome.loaded.skipped > 0 {
            text += zh ? "\(outcome.loaded.skipped) 家企业信息有误，未参与匹配\n" : "\(outcome.loaded.skipped) enterprises have facts the engine refuses; not matched\n"
        }
        text += (zh ? "项目" : "programme").padding(toLength: 48, withPad: " ", startingAt: 0)
            + (zh ? "符合  待认定  不符合  候选  资助总额\n" : "eligible  awaiting  not eligible  kept  award\n")
        for p in outcome.summary.programmes {
            // A programme decided by a panel alone offers nothing the registry can estimate.
            let award = p.hasEvidence ? Money(fen: p.eligibleAwardFen + p.pendingAwardFen).formatted(language) : "—"
            let kept = p.hasEvidence ? String(p.candidatesStored) : (zh ? "—(需评审)" : "—(panel)")
            text += p.id.padding(toLength: 48, withPad: " ", startingAt: 0)
                + (p.inForce ? "\(p.eligible)  \(p.needsFindings)  \(p.notEligible)  \(kept)  \(award)\n"
                             : (zh ? "当日不在有效期内\n" : "not in force that day\n"))
        }
        return text
    }
}
