import Foundation
import Spreadsheet

enum CSVBench {
    static func run(rows: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-bench-\(rows).csv")
        try makeFile(url, rows: rows)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        let megabytes = (Double(size) / 1_000_000, "MB/s")
        print("CSV file: \(url.path), \(rows) rows, \(size / 1_000_000) MB")

        try measure("  bytes only (forEachRow, field lengths)", unit: megabytes) {
            let reader = try CSVReader(url: url)
            var total = 0
            try reader.forEachRow { row in
                for index in 0..<row.count { total &+= row.withBytes(at: index) { $0.count } }
            }
            return total
        }
        try measure("  every field as String (forEachRow)", unit: megabytes) {
            let reader = try CSVReader(url: url)
            var total = 0
            try reader.forEachRow { row in
                for index in 0..<row.count { total &+= try row.string(at: index).utf8.count }
            }
            return total
        }
        try measure("  records (next())", unit: megabytes) {
            let reader = try CSVReader(url: url)
            var total = 0
            while let record = try reader.next() { total &+= record.fields.count }
            return total
        }
    }

    /// Seven columns like the enterprise registry: credit code, Chinese name and address (some quoted,
    /// with commas and quotes), capital in 万元, founding date, status. About 130 bytes a row.
    private static func makeFile(_ url: URL, rows: Int) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var writer = CSVWriter(options: .plain)
        writer.writeRow(["统一社会信用代码", "企业名称", "法定代表人", "注册资本(万元)", "成立日期", "住所", "经营状态"])
        let districts = ["鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区"]
        for index in 0..<rows {
            let district = districts[index % districts.count]
            let address = index % 7 == 0 ? "福州市\(district)工业路\(index % 500)号, \"A\"座" : "福州市\(district)工业路\(index % 500)号"
            writer.writeRow([.text("91350100" + String(format: "%010d", index)), .text("福州某某质量科技有限公司\(index)"),
                             .text("张三"), .fixed(Int64(index % 100_000) * 100 + 50, scale: 2),
                             .date(SheetDate(year: 2000 + index % 24, month: 1 + index % 12, day: 1 + index % 28)!),
                             .text(address), .text("存续")])
            if writer.bytes.count > 1 << 20 { try writer.flush(to: handle) }
        }
        try writer.flush(to: handle)
        try handle.close()
    }
}
