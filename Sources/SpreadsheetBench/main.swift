import Foundation
import Spreadsheet

// Measures CSV parsing on a registry-shaped file (1,000,000 rows by default):
//   swift run -c release SpreadsheetBench [rows]
// Prints MB/s for the byte-level hot path, for making every field a String, and for `next()`.

let rowCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let url = FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-bench-\(rowCount).csv")

func makeFile() throws {
    guard !FileManager.default.fileExists(atPath: url.path) else { return }
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    var writer = CSVWriter(options: .plain)
    writer.writeRow(["统一社会信用代码", "企业名称", "法定代表人", "注册资本(万元)", "成立日期", "住所", "经营状态"])
    let districts = ["鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区"]
    for index in 0..<rowCount {
        let code = "91350100" + String(format: "%010d", index)
        let address = index % 7 == 0
            ? "福州市\(districts[index % districts.count])工业路\(index % 500)号, \"A\"座"
            : "福州市\(districts[index % districts.count])工业路\(index % 500)号"
        writer.writeRow([.text(code), .text("福州某某质量科技有限公司\(index)"), .text("张三"),
                         .fixed(Int64(index % 100_000) * 100 + 50, scale: 2),
                         .date(SheetDate(year: 2000 + index % 24, month: 1 + index % 12, day: 1 + index % 28)!),
                         .text(address), .text("存续")])
        if writer.bytes.count > 1 << 20 { try writer.flush(to: handle) }
    }
    try writer.flush(to: handle)
    try handle.close()
}

func measure(_ label: String, bytes: Int, _ body: () throws -> Int) rethrows {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        checksum = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let mb = Double(bytes) / 1_000_000
    print("\(label): \(String(format: "%.3f", best)) s, \(String(format: "%.0f", mb / best)) MB/s (checksum \(checksum))")
}

try makeFile()
let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
print("file: \(url.path), \(rowCount) rows, \(size / 1_000_000) MB")

try measure("bytes only (forEachRow, field lengths)", bytes: size) {
    let reader = try CSVReader(url: url)
    var total = 0
    try reader.forEachRow { row in
        for index in 0..<row.count { total &+= row.withBytes(at: index) { $0.count } }
    }
    return total
}
try measure("every field as String (forEachRow)", bytes: size) {
    let reader = try CSVReader(url: url)
    var total = 0
    try reader.forEachRow { row in
        for index in 0..<row.count { total &+= try row.string(at: index).utf8.count }
    }
    return total
}
try measure("records (next())", bytes: size) {
    let reader = try CSVReader(url: url)
    var total = 0
    while let record = try reader.next() { total &+= record.fields.count }
    return total
}
