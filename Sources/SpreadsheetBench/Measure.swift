import Foundation

/// Best of three runs, so another engineer's build on the shared cores distorts less.
func measure(_ label: String, unit: (count: Double, name: String), _ body: () throws -> Int) rethrows {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        checksum = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print("\(label): \(String(format: "%.3f", best)) s, \(String(format: "%.0f", unit.count / best)) \(unit.name)"
          + " (checksum \(checksum))")
}
