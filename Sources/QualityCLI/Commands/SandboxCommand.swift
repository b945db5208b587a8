import ArgumentParser
import Foundation
import QualityRules
import QualityStorage
import QualityWeb

/// `qualitycity sandbox`: a draft policy against the one in force over the whole registry. Either the
/// built-in example (`--example`: seed 003 against seed 004) or a copy of `--policy` with `--set` changes.
/// Reads the registry; writes nothing.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Compare a draft policy (a copy with changed parameters, or seed 003) with the policy in force over the registry.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "The built-in example: the consultation draft (003) against the measures in force (004).")
    var example = false

    @Option(help: "The policy to copy (see `qualitycity programs`).")
    var policy: String?

    @Option(help: "The policy in force to compare against (default: the copied one).")
    var against: String?

    @Option(name: .customLong("set"), help: "A change, PROGRAMME.FIELD[.RULE]=VALUE (repeatable), e.g. sz-backbone.minimum.tax-three-years=3000万. Fields: \(SandboxChange.Field.allCases.map(\.rawValue).joined(separator: ", ")).")
    var changes: [String] = []

    @Option(help: "Compare on this day (YYYY-MM-DD); today in Asia/Shanghai by default.")
    var on: String?

    @Option(help: "Write the affected enterprises to this CSV file.")
    var out: String?

    @Option(help: "Language of the output: zh or en.")
    var lang: String = "zh"

    func run() async throws {
        let language = Language(preferring: lang)
        guard example || policy != nil else { throw ValidationError("give --example, or --policy with --set changes") }
        let parsed = try changes.map { argument -> SandboxChange in
            guard let change = SandboxChange(argument: argument) else {
                throw ValidationError("--set \(argument): write PROGRAMME.FIELD[.RULE]=VALUE with FIELD one of \(SandboxChange.Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return change
        }
        let text = try await failingClearly {
            return try await withRegistry(database, on: on) { app, catalog, day, configuration in
                let service = SandboxService(database: app.db, catalog: catalog, scope: configuration.database.redactedDescription)
                let setup: SandboxService.Setup
                do {
                    setup = example ? try service.example()
                        : try service.setup(basePolicy: policy!, againstPolicy: against ?? policy!, changes: parsed)
                } catch let failure as SandboxService.Failure {
                    throw ValidationError(failure.message.text(language))
                }
                let result = try await service.compare(setup, on: day)
                if let out {
                    var csv = RegistryExport.line(["credit_code", "line", "change", "base_verdict", "draft_verdict", "base_award_yuan", "draft_award_yuan"])
                    for row in result.affected {
                        csv += RegistryExport.line([row.creditCode, result.lines[row.line].line.label.text(language), row.change.rawValue,
                                                    row.baseVerdict.rawValue, row.draftVerdict.rawValue, row.baseAward.yuanString,
                                                    row.draftAward.yuanString])
                    }
                    try Data(csv.utf8).write(to: URL(fileURLWithPath: out))
                }
                return Self.report(result, language: language)
            }
        }
        print(text, terminator: "")
    }

    static func report(_ result: SandboxComparison, language: Language) -> String {
        let zh = language == .zh
        func money(_ value: Money) -> String { value.formatted(language) }
        var text = zh
            ? "在 \(result.enterprises) 家企业上按 \(result.day.iso) 对比（\(String(format: "%.2f", result.seconds)) 秒）：\(result.newlyQualifying) 家新增符合，\(result.noLongerQualifying) 家不再符合\n"
            : "Compared over \(result.enterprises) enterprises on \(result.day.iso) (\(String(format: "%.2f", result.seconds)) s): \(result.newlyQualifying) newly qualify, \(result.noLongerQualifying) no longer do\n"
        for line in result.lines {
            text += "\n" + line.line.label.text(language) + (line.hasEvidence ? "" : (zh ? "（仅凭注册地与评审判断）" : " (region and panel judgement only)")) + "\n"
            func side(_ name: String, _ s: SandboxComparison.Side) -> String {
                guard s.inForce else { return "  \(name): " + (zh ? "不在有效期内\n" : "not in force\n") }
                var line = zh ? "  \(name)：可能符合 \(s.qualifying)（符合 \(s.eligible)，待认定 \(s.pendingFindings)），资助总额 \(money(s.award))"
                              : "  \(name): \(s.qualifying) may qualify (\(s.eligible) eligible, \(s.pendingFindings) awaiting findings), award total \(money(s.award))"
                if let quota = s.quota, let within = s.awardWithinQuota { line += zh ? "，名额 \(quota) 内 \(money(within))" : ", within the quota of \(quota) \(money(within))" }
                return line + "\n"
            }
            text += side(zh ? "草案" : "draft", line.draft) + side(zh ? "施行中" : "in force", line.base)
            text += zh ? "  新增符合 \(line.newlyQualifying)，不再符合 \(line.noLongerQualifying)，金额变化 \(line.awardChanged)"
                       : "  newly qualifying \(line.newlyQualifying), no longer \(line.noLongerQualifying), award changed \(line.awardChanged)"
            if let left = line.budgetLeft { text += zh ? "，预算结余 \(money(left))" : ", budget left \(money(left))" }
            text += "\n"
        }
        text += zh ? "\n资助总额：草案 \(money(result.draftAward))，施行中 \(money(result.baseAward))\n"
                   : "\nAward totals: draft \(money(result.draftAward)), in force \(money(result.baseAward))\n"
        return text
    }
}
