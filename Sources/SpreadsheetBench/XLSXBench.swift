import Foundation
import Spreadsheet

enum XLSXBench {
    static func row(_ index: Int) -> Row {
        let code = "91350100" + String(format: "%010d", index)
        let note: Cell = index % 3 == 0 ? .empty : .text("备注 \(index % 50)")
        return Row([.text(code), .text("福州某某质量科技有限公司\(index % 1000)"), .fixed(Int64(index) * 137, scale: 2),
                    .date(SheetDate(dayNumber: 19_000 + index % 3_000)!), .boolean(index % 2 == 0), note])
    }

    static func run(rows: Int) throws {
        let table = Table(
            name: "资助名单",
            columns: [Column("统一社会信用代码", format: .text), Column("企业名称"), Column("金额（元）", format: .money),
                      Column("批准日期", format: .date), Column("首次"), Column("备注")],
            rows: (0..<rows).map(row))
        let perSecond = (Double(rows), "rows/s")
        var data = Data()
        print("XLSX: \(rows) rows × \(table.columns.count) columns")
        try measure("  write", unit: perSecond) {
            data = try XLSXWriter().data([table])
            return data.count
        }
        print("  workbook: \(data.count / 1_000) kB")
        try measure("  read", unit: perSecond) {
            try XLSXReader(data: data).rows(sheetAt: 0).count
        }
    }
}
