import ArgumentParser
import Foundation
import QualityRules
import QualityStorage
import QualityWeb

/// `qualitycity import --kind registrations FILE.csv`: registry data and credit records, in the layouts of
/// `docs/registry-import.md`. Exit 0: every row imported; 2: some rows were rejected (the rest imported);
/// 1: the file as a whole was refused (nothing imported).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a registry CSV file (registrations, certifications, taxes, events, …) into the platform's facts.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The kind of file: \(RegistryKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Argument(help: "The CSV file (UTF-8; a header row of column names, English or Chinese).")
    var file: String

    @Option(help: "Write every rejected row (file, row, column, reason in Chinese and English) to this CSV file.")
    var rejects: String?

    @Option(help: "Language of the report: zh or en.")
    var lang: String = "zh"

    @Flag(help: "No progress bar, even on a terminal.")
    var quiet = false

    func run() async throws {
        guard let kind = RegistryKind(rawValue: kind) else {
            throw ValidationError("--kind must be one of: \(RegistryKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ValidationError("no such file: \(file)") }
        let language = Language(preferring: lang)
        let report = try await failingClearly {
            let configuration = try database.configuration()
            return try await withApplication(configuration) { app in
                try await QualityCityApp.migrate(app)
                let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1, unit: language == .zh ? "行" : "rows")
                let report = try await RegistryImporter(database: app.db, actor: "cli").run(kind: kind, file: url) { progress in
                    bar.update(progress.rows, of: progress.estimatedRows)
                }
                bar.finish()
                await RegistryFactsCache.shared.clear()
                return report
            }
        }
        print(Self.summary(report, language: language))
        for rejection in report.rejections.prefix(20) {
            FileHandle.standardError.write(Data("  \(rejection.file):\(rejection.row) [\(rejection.column)] \(rejection.reason.text(language))\n".utf8))
        }
        if report.rejections.count > 20 {
            FileHandle.standardError.write(Data((language == .zh ? "  ……另有 \(report.counts.rejected - 20) 行被拒，用 --rejects 导出全部\n"
                                                 : "  … and \(report.counts.rejected - 20) more; --rejects writes them all\n").utf8))
        }
        if let rejects {
            var text = RegistryExport.line(["file", "row", "column", "reason_zh", "reason_en"])
            for rejection in report.rejections {
                text += RegistryExport.line([rejection.file, String(rejection.row), rejection.column, rejection.reason.zh, rejection.reason.en])
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: rejects))
        }
        if report.counts.rejected > 0 { throw ExitCode(2) }
    }

    static func summary(_ report: ImportReport, language: Language) -> String {
        let c = report.counts
        let seconds = String(format: "%.2f", report.seconds)
        switch language {
        case .zh:
            return "\(report.file)（\(report.kind.rawValue)）：读取 \(c.rowsRead) 行，新增 \(c.inserted)，更新 \(c.updated)，未变 \(c.unchanged)，"
                + "被拒 \(c.rejected)；新建企业 \(c.enterprisesCreated) 家，更新企业信息 \(c.enterprisesUpdated) 家"
                + (c.pending > 0 ? "；\(c.pending) 行所属企业尚未登记，待登记后并入" : "") + "（\(seconds) 秒）"
        case .en:
            return "\(report.file) (\(report.kind.rawValue)): \(c.rowsRead) rows read, \(c.inserted) new, \(c.updated) updated, "
                + "\(c.unchanged) unchanged, \(c.rejected) rejected; \(c.enterprisesCreated) enterprises created, "
                + "\(c.enterprisesUpdated) enterprises' facts updated"
                + (c.pending > 0 ? "; \(c.pending) rows wait for their enterprise's registration" : "") + " (\(seconds) s)"
        }
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let unit: String
    private let started = Date()
    private var last = Date.distantPast
    private let lock = NSLock()

    init(enabled: Bool, unit: String) {
        self.enabled = enabled
        self.unit = unit
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(last) > 0.1 else { return }
        last = Date()
        let fraction = total > 0 ? min(Double(done) / Double(total), 1) : 0
        let filled = Int(fraction * 30)
        let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            + String(format: "] %3.0f%%  %d / %d %@  %.0f/s ", fraction * 100, done, total, unit, rate)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
