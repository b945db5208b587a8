import Foundation
import Testing
@testable import Spreadsheet

/// What the writer writes, the reader reads back: the same cells, with money and dates exact.
@Suite struct XLSXRoundTripTests {
    @Test(arguments: [true, false])
    func sampleTablesReadBack(sharedStrings: Bool) throws {
        // setup
        let data = try XLSXWriter(options: .init(sharedStrings: sharedStrings)).data([SampleTables.grants, SampleTables.plain])
        // MUT
        let reader = try XLSXReader(data: data)
        let grants = try reader.table(sheetNamed: "资助名单")
        // validation
        #expect(reader.sheetNames == ["资助名单", "Sheet_With_Bad_Chars_and_a-very"])
        #expect(grants.columns.map(\.title) == SampleTables.grants.columns.map(\.title))
        #expect(grants.rows.map(\.number) == [2, 3, 4, 6])
        let expected: [[Cell]] = [
            [.text("91350100MA2XYZ1234"), .text("福州质量科技有限公司"), .integer(500_000),
             .date(SheetDate(year: 2024, month: 3, day: 1)!), .decimal(Decimal(string: "0.875")!), .boolean(true),
             .text("=HYPERLINK(\"http://x\")")],
            [.text("91350100MA2XYZ5678"), .text("闽江标准化服务中心"), .decimal(Decimal(string: "123.45")!),
             .date(SheetDate(year: 1900, month: 3, day: 1)!), .decimal(Decimal(string: "0.5")!), .boolean(false),
             .text("第一行\n第二行")],
            [.text("91350100MA2XYZ9999"), .empty, .decimal(Decimal(string: "-0.01")!),
             .date(SheetDate(year: 1900, month: 2, day: 28)!), .empty, .empty, .text("  前后空格  ")],
            [.empty, .text("_x0041_ & <tag> \"q\""), .text("123456789012345678"), .integer(-42),
             .dateTime(SheetDateTime(date: SheetDate(year: 2025, month: 12, day: 31)!, hour: 23, minute: 59, second: 59)!),
             .decimal(Decimal(string: "1234567.891")!), .text("tab\there\u{1}ctl")],
        ]
        #expect(grants.rows.map(\.cells) == expected)
        #expect(grants.rows[1][2].scaledInteger(scale: 2) == 12_345)
        #expect(try reader.rows(sheetAt: 1).count == 6)
    }

    @Test func carriageReturnsSurviveXMLNormalisation() throws {
        let table = Table(name: "t", rows: [[.text("a\r\nb\rc")]])
        #expect(try XLSXReader(data: try table.xlsxData()).rows(sheetAt: 0).first?.cells == [.text("a\r\nb\rc")])
    }

    @Test func everyValueKindAtScale() throws {
        // setup: 2,000 rows of every kind, to catch an off-by-one in row or column bookkeeping
        let rows: [Row] = (0..<2_000).map { index in
            let number = Int64(index)
            return [.integer(number), .fixed(number * 101, scale: 2), .text("企业\(index)"),
                    .date(SheetDate(dayNumber: 19_000 + index)!), index % 5 == 0 ? .empty : .boolean(index % 2 == 0),
                    .decimal(Decimal(index) / 8)]
        }
        let table = Table(name: "大表", columns: ["序号", "金额", "名称", "日期", "标志", "比例"].map { Column($0) }, rows: rows)
        // MUT
        let read = try XLSXReader(data: try table.xlsxData()).table(sheetAt: 0)
        // validation
        #expect(read.rows.count == 2_000)
        for (index, row) in read.rows.enumerated() {
            let original = rows[index]
            #expect(row.number == index + 2)
            #expect(row[0] == original[0])
            #expect(row[1].scaledInteger(scale: 2) == Int64(index) * 101)
            #expect(row[2] == original[2])
            #expect(row[3] == original[3])
            #expect(row[4] == original[4])
            #expect(row[5].decimalValue == original[5].decimalValue)
        }
    }
}
