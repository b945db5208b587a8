import Foundation

/// Wall-clock timings of repeated runs, reported as best and median.
struct Timings {
    var seconds: [Double] = []
    /// CPU time (all threads) of each run: twice the wall time means both cores were ours throughout.
    var cpu: [Double] = []

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        cpu.append(cpuSeconds() - cpuStart)
        return result
    }

    /// CPU seconds of the best run.
    var cpuOfBest: Double { seconds.indices.min { seconds[$0] < seconds[$1] }.map { cpu[$0] } ?? .nan }

    var best: Double { seconds.min() ?? .nan }
    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// User plus system CPU time of this process, all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Peak resident memory of this process so far (VmHWM), in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return .nan }
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
    return kilobytes / 1024
}

/// The 1-, 5- and 15-minute load averages, to say how busy the shared machine was.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func us(_ seconds: Double) -> String { String(format: "%.1f µs", seconds * 1e6) }
func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return out
}

/// A line of the report: the figure, the target and whether it is met.
func report(_ label: String, _ value: String, target: String? = nil, met: Bool? = nil) {
    var line = "  \(label.padding(toLength: 58, withPad: " ", startingAt: 0)) \(value)"
    if let target { line += "   (target \(target)\(met.map { $0 ? ": met" : ": NOT MET" } ?? ""))" }
    print(line)
}

/// Unbuffered, so a long run can be followed line by line when the output goes to a file.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((items.map { "\($0)" }.joined(separator: separator) + terminator).utf8))
}
