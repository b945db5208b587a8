import Foundation
import QualityRules
import QualityStorage
import SyntheticCity

/// `scripts/bench` runs this release build. Every figure is printed with the data size and the seed, so
/// anyone can rerun it; the fast path is checked against the single-evaluation path on every run.
struct Arguments {
    var enterprises = 1_000_000
    var seed: UInt64 = 20_240_601
    var day = CalendarDate(year: 2024, month: 6, day: 1)!
    var runs = 7
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var sample = 20_000
    var workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("qualitycity-bench")
    var skipImport = false
    /// Only the 000 + 002 matching, repeated (for profiling).
    var coreOnly = false
    /// Only the import and the cold start (of these kinds after the registrations; default all).
    var importOnly = false
    var importKinds: [RegistryKind] = RegistryKind.allCases
    /// Only write the synthetic registry's CSV files to this folder.
    var registryOnly: URL?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = { iterator.next() ?? "" }
            switch argument {
            case "--enterprises": enterprises = Int(value()) ?? enterprises
            case "--seed": seed = UInt64(value()) ?? seed
            case "--on": day = CalendarDate(iso: value()) ?? day
            case "--runs": runs = max(Int(value()) ?? runs, 1)
            case "--threads": threads = max(Int(value()) ?? threads, 1)
            case "--verify-sample": sample = Int(value()) ?? sample
            case "--work-dir": workDirectory = URL(fileURLWithPath: value())
            case "--skip-import": skipImport = true
            case "--core-only": coreOnly = true
            case "--import-only": importOnly = true
            case "--import-kinds": importKinds = value().split(separator: ",").compactMap { RegistryKind(rawValue: String($0)) }
            case "--registry-only": registryOnly = URL(fileURLWithPath: value())
            default:
                print("usage: QualityBench [--enterprises N] [--seed S] [--on YYYY-MM-DD] [--runs R] [--threads T] [--verify-sample K] [--work-dir DIR] [--skip-import]")
                exit(64)
            }
        }
    }
}

let arguments = Arguments(CommandLine.arguments)
let catalog = try PolicyCatalog.bundled()
let city = SyntheticCity(seed: arguments.seed, count: arguments.enterprises)
print("QualityCity benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage()) at start")
print("Synthetic city: \(grouped(city.count)) enterprises, seed \(city.seed), facts as of \(city.asOf.iso); matching on \(arguments.day.iso)")

if let folder = arguments.registryOnly {
    let rows = try writeRegistry(city, to: folder)
    print("Wrote \(folder.path): " + RegistryKind.allCases.map { "\($0.rawValue) \(grouped(rows[$0] ?? 0))" }.joined(separator: ", "))
    exit(0)
}

if arguments.importOnly {
    try FileManager.default.createDirectory(at: arguments.workDirectory, withIntermediateDirectories: true)
    try await benchImport(city, directory: arguments.workDirectory, on: arguments.day, catalog: catalog, threads: arguments.threads,
                          kinds: arguments.importKinds)
    exit(0)
}

var setup = Timings()
let columns = setup.time { buildColumns(city) }
print("Facts in memory")
report("generated and compiled to columns", String(format: "%.2f s", setup.best))
report("column memory", String(format: "%.0f MB", Double(columns.bytes) / 1_048_576))
report("records", columns.recordCounts.filter { $0.count > 0 }.map { "\($0.name) \(grouped($0.count))" }.joined(separator: ", "))

if arguments.coreOnly {
    let plan = MatchPlan(catalog.programmes.filter { ["sz-backbone", "jm-innovation-centre"].contains($0.programme.id) }, on: arguments.day, columns: columns)
    var timings = Timings()
    for _ in 0..<arguments.runs { _ = timings.time { Matcher.run(plan, on: columns, options: .init(threads: arguments.threads)) } }
    report("core only: best / median", "\(ms(timings.best)) (CPU \(ms(timings.cpuOfBest))) / \(ms(timings.median))")
    exit(0)
}
let matching = benchMatching(city, columns: columns, catalog: catalog, on: arguments.day, runs: arguments.runs,
                             threads: arguments.threads, sample: arguments.sample)
let lastResult = Matcher.run(MatchPlan(catalog.programmes.filter { $0.programme.id == "jm-innovation-centre" }, on: arguments.day, columns: columns), on: columns)
benchExplanation(city, catalog: catalog, on: arguments.day, result: lastResult)
report("peak memory (VmHWM) after matching", String(format: "%.0f MB", peakMemoryMB()), target: "600 MB", met: peakMemoryMB() <= 600)
if !arguments.skipImport {
    try FileManager.default.createDirectory(at: arguments.workDirectory, withIntermediateDirectories: true)
    try await benchImport(city, directory: arguments.workDirectory, on: arguments.day, catalog: catalog, threads: arguments.threads,
                          kinds: arguments.importKinds)
}
print("Load average at end: \(loadAverage())")
if matching.mismatches > 0 { exit(1) }
