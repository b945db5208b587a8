import FluentKit
import FluentSQL
import Foundation
import QualityRules
import Spreadsheet

/// What an import did.
public struct ImportReport: Sendable, Codable {
    public struct Counts: Sendable, Codable, Equatable {
        public var rowsRead = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var rejected = 0
        public var enterprisesCreated = 0
        public var enterprisesUpdated = 0
        /// Rows kept for enterprises the registry has not registered yet: they join the facts when it does.
        public var pending = 0
        /// Rows of the file repeating a record a later row of the same batch gives again (the later wins).
        public var superseded = 0
    }

    public static let keptRejections = 100_000

    public var id: UUID
    public var kind: RegistryKind
    public var file: String
    public var counts = Counts()
    /// Every rejected row, up to `keptRejections` (the count is always complete).
    public var rejections: [RejectedRow] = []
    public var seconds = 0.0
}

public struct ImportProgress: Sendable {
    public var rows: Int
    /// Estimated from the file's line count (a quoted line break makes it an over-estimate).
    public var estimatedRows: Int
}

/// A problem with the file as a whole: nothing of it is imported.
public struct ImportFileError: Error, OperatorFacingError, Sendable {
    public var file: String
    public var message: LocalizedText
    public var description: String { "\(file): \(message.en) / \(message.zh)" }
}

/// Imports a registry CSV file of one kind (layouts in `docs/registry-import.md`).
///
/// Rows are checked one by one; a bad row is reported (file, row, column, reason) and nothing of it is
/// written. Good rows are upserted by their natural key in batches, each batch in one transaction with the
/// refreshed facts of the enterprises it touched, so an enterprise's facts always match its rows. A row
/// that equals what is stored (same content hash) writes nothing: importing a file again changes nothing.
public struct RegistryImporter: Sendable {
    public let database: any Database
    public var batchSize: Int
    /// Batches per transaction: big transactions make SQLite fast (fewer commits, each index page written
    /// fewer times); a failure rolls back only its own.
    public var batchesPerTransaction: Int
    public var actor: String
    public var now: @Sendable () -> Date

    public init(database: any Database, batchSize: Int = 2000, batchesPerTransaction: Int = 50, actor: String = "cli",
                now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.batchSize = batchSize
        self.batchesPerTransaction = batchesPerTransaction
        self.actor = actor
        self.now = now
    }

    public func run(kind: RegistryKind, file url: URL,
                    progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ImportReport {
        let started = Date()
        let name = url.lastPathComponent
        let source = try RowSource(url: url, kind: kind, file: name)
        var report = ImportReport(id: UUID(), kind: kind, file: name)
        let log = RegistryImport(id: report.id, kind: kind, file: name, startedAt: now(), actor: actor)
        try await log.create(on: database)
        let estimated = source.estimatedRows
        let writer = BatchWriter(kind: kind, file: name, importID: report.id, now: now)
        let (batchSize, batches) = (self.batchSize, self.batchesPerTransaction)
        report = try await BulkStatements.session(on: database) { [report] bulk in
            var report = report
            // Read before the tables are looked at: a commit by anyone else from here on changes it.
            let version = try await bulk.dataVersion()
            writer.otherKindsWithRows = try await writer.nonEmptyTables(bulk)
            // A first load (no enterprise yet) builds the name index once at its end instead of inserting every
            // enterprise into it; a load that was killed leaves it to the next import, which starts here.
            try await bulk.restoreSearchIndexes()
            let noEnterprises = try await bulk.run("SELECT id FROM \(Enterprise.schema) LIMIT 1", []).isEmpty
            let noRows = try await bulk.run("SELECT credit_code FROM \(kind.table) LIMIT 1", []).isEmpty
            if version != nil {
                writer.ownTables = Set([noEnterprises ? Enterprise.schema : nil, noRows ? kind.table : nil].compactMap { $0 })
            }
            let firstLoad = kind == .registrations && noEnterprises
            if firstLoad { try await bulk.dropSearchIndexes() }
            do {
                report = try await Self.load(source, with: writer, into: bulk, batchSize: batchSize, batches: batches,
                                             version: version, report: report, estimated: estimated, progress: progress)
            } catch {
                if firstLoad { try? await bulk.restoreSearchIndexes() }
                throw error
            }
            if firstLoad { try await bulk.restoreSearchIndexes() }
            return report
        }
        report.seconds = Date().timeIntervalSince(started)
        log.finishedAt = now()
        log.countsJSON = JSONText.encode(report.counts)
        log.rejectionsJSON = JSONText.encode(Array(report.rejections.prefix(1000)))
        try await log.save(on: database)
        return report
    }

    /// Reads, checks and writes the whole file: each batch is read and checked on another task while the
    /// one before it is written, and every `batches` batches are one transaction. `version` is the database's
    /// data version when the import began: once another connection has committed, the writer looks up
    /// every code again.
    private static func load(_ source: RowSource, with writer: BatchWriter, into bulk: BulkStatements, batchSize: Int, batches: Int,
                             version: Int64?, report: ImportReport, estimated: Int,
                             progress: @Sendable (ImportProgress) -> Void) async throws -> ImportReport {
        var report = report
        var next = Task.detached { try source.next(batchSize) }
        var finished = false
        while !finished {
            try await bulk.transaction { tx in
                if !writer.ownTables.isEmpty, try await tx.dataVersion() != version { writer.ownTables = [] }
                for _ in 0..<batches {
                    let batch = try await next.value
                    guard !batch.rows.isEmpty || !batch.rejected.isEmpty else {
                        finished = true
                        return
                    }
                    next = Task.detached { try source.next(batchSize) }
                    report.counts = try await writer.write(batch.rows, into: tx, counts: report.counts)
                    report.counts.rowsRead += batch.rows.count + batch.rejected.count
                    report.counts.rejected += batch.rejected.count
                    for rejection in batch.rejected where report.rejections.count < ImportReport.keptRejections {
                        report.rejections.append(rejection)
                    }
                }
            }
            progress(ImportProgress(rows: report.counts.rowsRead, estimatedRows: max(estimated, report.counts.rowsRead)))
        }
        return report
    }

    struct Batch: Sendable {
        var rows: [RegistryRow]
        var rejected: [RejectedRow]
    }
}

/// The file, read a batch at a time. Used by one task at a time (the importer waits for each batch).
final class RowSource: @unchecked Sendable {
    let reader: CSVReader
    let parser: RegistryRowParser
    let estimatedRows: Int

    init(url: URL, kind: RegistryKind, file: String) throws {
        do {
            reader = try CSVReader(url: url)
        } catch {
            throw ImportFileError(file: file, message: LocalizedText(zh: "无法读取文件：\(error)", en: "Cannot read the file: \(error)"))
        }
        estimatedRows = max(Self.lineCount(url) - 1, 0)
        let header: CSVRecord
        do {
            guard let first = try reader.next() else {
                throw ImportFileError(file: file, message: RegistryRowParser.HeaderProblem.empty.message)
            }
            header = first
        } catch let error as ImportFileError {
            throw error
        } catch {
            throw ImportFileError(file: file, message: LocalizedText(zh: "无法读取列名：\(error)", en: "Cannot read the header: \(error)"))
        }
        do {
            parser = try RegistryRowParser(layout: kind.layout, file: file, header: header.fields)
        } catch {
            throw ImportFileError(file: file, message: error.message)
        }
    }

    func next(_ count: Int) throws -> RegistryImporter.Batch {
        var rows: [RegistryRow] = []
        var rejected: [RejectedRow] = []
        rows.reserveCapacity(count)
        while rows.count + rejected.count < count {
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch SpreadsheetError.notUTF8(let row, _, let column) {
                let name = parser.columnName(csvColumn: column - 1)
                rejected.append(RejectedRow(file: parser.file, row: row, column: name, reason: LocalizedText(
                    zh: "不是 UTF-8 编码（请用 Excel 另存为“CSV UTF-8”）", en: "Not UTF-8 (save it from Excel as 'CSV UTF-8')")))
                continue
            } catch SpreadsheetError.unterminatedQuote(let row, let line) {
                // A quote never closed swallows the rest of the file: report it, keep what was read before.
                rejected.append(RejectedRow(file: parser.file, row: row, column: "", reason: LocalizedText(
                    zh: "第 \(line) 行的引号没有闭合，此后内容未导入", en: "The quote opened on line \(line) is never closed; nothing after it was imported")))
                break
            }
            guard let record else { break }
            switch parser.parse(record) {
            case .success(let row): rows.append(row)
            case .failure(let rejection): rejected.append(rejection)
            }
        }
        return RegistryImporter.Batch(rows: rows, rejected: rejected)
    }

    /// Newlines in the file (a fast byte scan), for the progress bar's total.
    static func lineCount(_ url: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        var lines = 0
        while let chunk = try? handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes where byte == 0x0A { lines += 1 }
            }
        }
        return lines
    }
}
