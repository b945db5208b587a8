import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import QualityRules
import QualityStorage
import SyntheticCity

/// A fresh SQLite database in the work folder, migrated, for the import and the cold start.
final class BenchDatabase {
    let databases: Databases
    let database: any Database
    let path: String

    init(directory: URL) async throws {
        path = directory.appendingPathComponent("bench.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        try DatabaseSettings(storage: .sqliteFile(path: path)).register(in: databases, maxConnectionsPerEventLoop: 1)
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        database = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
        try await StorageTuning.apply(to: database)
        let migrations = FluentKit.Migrations()
        migrations.add(QualityStorage.Migrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    func close() async { await databases.shutdownAsync() }
}

/// The city as registry files in the import layouts, generated in parallel batches and written in order.
func writeRegistry(_ city: SyntheticCity, to files: URL) throws -> [RegistryKind: Int] {
    var rows: [RegistryKind: Int] = [:]
    let batch = 8192
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    var written: [RegistryKind: FileHandle] = [:]
    for kind in RegistryKind.allCases {
        let url = files.appendingPathComponent("\(kind.rawValue).csv")
        FileManager.default.createFile(atPath: url.path, contents: Data(RegistryExport.line(RegistryExport.header(kind)).utf8))
        written[kind] = try FileHandle(forWritingTo: url)
        _ = try written[kind]!.seekToEnd()
    }
    var start = 0
    while start < city.count {
        let facts = generate(city, start..<min(start + batch, city.count))
        for kind in RegistryKind.allCases {
            var text = ""
            for enterprise in facts {
                for row in RegistryExport.rows(kind, enterprise) {
                    text += RegistryExport.line(row)
                    rows[kind, default: 0] += 1
                }
            }
            try written[kind]!.write(contentsOf: Data(text.utf8))
        }
        start += batch
    }
    for handle in written.values { try handle.close() }
    return rows
}

struct ImportFigures {
    var registrations = Timings()
    var reimport = 0.0
    var cold = 0.0
}

/// Writes the city as registry files (a seeded, reproducible registry), imports the 1,000,000-row
/// registrations file into a fresh SQLite database, imports it again (nothing may change), imports the
/// other kinds, then loads every enterprise's facts from SQLite into columns: the cold start.
func benchImport(_ city: SyntheticCity, directory: URL, on day: CalendarDate, catalog: PolicyCatalog, threads: Int,
                 kinds: [RegistryKind] = RegistryKind.allCases) async throws {
    let files = directory.appendingPathComponent("registry-\(city.seed)-\(city.count)")
    let writing = now()
    let marker = files.appendingPathComponent("complete")
    if !FileManager.default.fileExists(atPath: marker.path) {
        _ = try writeRegistry(city, to: files)
        try Data().write(to: marker)
        print("Registry files written to \(files.path) in \(String(format: "%.1f s", now() - writing))")
    }
    let registrations = files.appendingPathComponent("registrations.csv")
    let size = (try? FileManager.default.attributesOfItem(atPath: registrations.path)[.size] as? Int) ?? 0
    let database = try await BenchDatabase(directory: directory)
    let importer = RegistryImporter(database: database.database, actor: "bench")
    print("Registry import into SQLite (seed \(city.seed), WAL, the import's own connection with synchronous=OFF, batches of "
          + "\(grouped(importer.batchSize)) rows, \(grouped(importer.batchSize * importer.batchesPerTransaction)) per transaction)")
    var timings = Timings()
    let first = try await timedAsync(&timings) { try await importer.run(kind: .registrations, file: registrations) }
    report("\(grouped(first.counts.rowsRead))-row registrations CSV (\(size / 1_048_576) MB)",
           String(format: "%.2f s (%@ rows/s)", timings.best, grouped(Int(Double(first.counts.rowsRead) / timings.best))),
           target: "10 s", met: timings.best <= 10)
    report("  enterprises created / rows rejected", "\(grouped(first.counts.enterprisesCreated)) / \(grouped(first.counts.rejected))")
    var again = Timings()
    let second = try await timedAsync(&again) { try await importer.run(kind: .registrations, file: registrations) }
    report("same file again (idempotent)", String(format: "%.2f s: %@ unchanged, %d inserted, %d updated, %d enterprises changed",
                                                  again.best, grouped(second.counts.unchanged), second.counts.inserted,
                                                  second.counts.updated, second.counts.enterprisesUpdated))
    for kind in kinds where kind != .registrations {
        let url = files.appendingPathComponent("\(kind.rawValue).csv")
        var t = Timings()
        let r = try await timedAsync(&t) { try await importer.run(kind: kind, file: url) }
        guard r.counts.rowsRead > 0 else { continue }
        report("  \(kind.rawValue): \(grouped(r.counts.rowsRead)) rows, \(grouped(r.counts.enterprisesUpdated)) enterprises refreshed",
               String(format: "%.2f s", t.best))
    }
    var cold = Timings()
    let loaded = try await timedAsync(&cold) { try await FactsLoader.load(from: database.database) }
    report("cold start: \(grouped(loaded.columns.count)) enterprises' facts from SQLite to columns", String(format: "%.2f s", cold.best))
    var match = Timings()
    let result = match.time {
        Matcher.run(MatchPlan(catalog.programmesInForce(on: day), on: day, columns: loaded.columns), on: loaded.columns,
                    options: .init(threads: threads))
    }
    report("  then every programme in force on \(day.iso), matched", ms(match.best))
    if let backbone = result.programme("sz-backbone") {
        report("  sz-backbone awaiting findings (facts from the registry)", grouped(backbone.tally()[.needsReviewerFindings] ?? 0))
    }
    await database.close()
}

func timedAsync<T>(_ timings: inout Timings, _ body: () async throws -> T) async rethrows -> T {
    let cpuStart = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try await body()
    timings.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    timings.cpu.append(cpuSeconds() - cpuStart)
    return result
}
