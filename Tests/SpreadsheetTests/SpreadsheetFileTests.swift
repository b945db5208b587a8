import Foundation
import Testing
@testable import Spreadsheet

/// One table description, written as CSV or XLSX, read back into the same rows.
@Suite struct SpreadsheetFileTests {
    static let export = Table(
        name: "拨付记录",
        columns: [Column("企业名称"), Column("拨付金额（元）", format: .money), Column("拨付日期", format: .date)],
        rows: [
            ["福州质量科技有限公司", .fixed(12_345_678, scale: 2), .date(SheetDate(year: 2024, month: 12, day: 31)!)],
            ["=cmd|' /C calc'!A0", .fixed(100, scale: 2), .empty],
        ])

    @Test func formatIsToldByContent() throws {
        #expect(try SpreadsheetFile.format(of: try Self.export.xlsxData()) == .xlsx)
        #expect(try SpreadsheetFile.format(of: Self.export.csvData()) == .csv)
        #expect(try SpreadsheetFile.format(of: Data()) == .csv)
    }

    @Test(arguments: [SpreadsheetFile.Format.csv, .xlsx])
    func exportThenImport(format: SpreadsheetFile.Format) throws {
        // setup: a file with the wrong extension, as uploads often have
        let data = format == .csv ? Self.export.csvData() : try Self.export.xlsxData()
        let url = try TemporaryFile.write(data, suffix: ".upload")
        defer { TemporaryFile.remove(url) }
        // MUT
        let table = try SpreadsheetFile.table(at: url)
        // validation: both read the same money, date and (neutralised, for CSV) text
        #expect(table.columns.map(\.title) == ["企业名称", "拨付金额（元）", "拨付日期"])
        #expect(table.rows.map(\.number) == [2, 3])
        // CSV money is text ("1.00"), XLSX a number (1): an importer parses plainText either way.
        #expect(table.rows.map { Decimal(string: $0[1].plainText) } == [Decimal(string: "123456.78"), 1])
        #expect(table.rows[0][2].plainText == "2024-12-31")
        #expect(table.rows[1][2] == .empty)
        let name = table.rows[1][0].plainText
        #expect(name == (format == .csv ? "'=cmd|' /C calc'!A0" : "=cmd|' /C calc'!A0"))
        #expect(table.columnIndex(titled: " 拨付日期 ") == 2)
    }

    @Test func sheetByNameFromAWorkbook() throws {
        let data = try XLSXWriter().data([SampleTables.plain, Self.export])
        let rows = try SpreadsheetFile.rows(data: data, sheet: "拨付记录")
        #expect(rows.first?.cells == ["企业名称", "拨付金额（元）", "拨付日期"])
    }

    @Test func csvRowsAreTextAndKeepExcelRowNumbers() throws {
        let rows = try SpreadsheetFile.rows(data: Data("a,b\n\n,\n1,\n".utf8))
        #expect(rows == [Row(["a", "b"], number: 1), Row(["1", .empty], number: 4)])
    }
}
