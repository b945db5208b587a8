import Foundation
import Testing
@testable import Spreadsheet

/// Workbooks written by other tools (Fixtures/make_fixtures.py says how each was made).
@Suite struct XLSXReaderFixtureTests {
    static func date(_ iso: String) -> Cell { .date(SheetDate(iso: iso)!) }
    static func dateTime(_ iso: String, _ hour: Int, _ minute: Int, _ second: Int) -> Cell {
        .dateTime(SheetDateTime(date: SheetDate(iso: iso)!, hour: hour, minute: minute, second: second)!)
    }
    static func decimal(_ text: String) -> Cell { .decimal(Decimal(string: text)!) }

    static let header: [Cell] = ["统一社会信用代码", "企业名称", "营业收入（元）", "成立日期", "认证时间", "是否高新", "得分率", "合计"]

    /// openpyxl and LibreOffice agree but for the formula column: openpyxl stores no cached value.
    static func expectedFacts(formulas: [Cell]) -> [Row] {
        [
            Row(header, number: 1),
            Row(["91350100MA2XYZ1234", "福州质量科技有限公司", decimal("1234567.89"), date("2015-06-30"),
                 dateTime("2024-03-01", 8, 30, 15), true, decimal("0.875")] + formulas.prefix(1), number: 2),
            Row(["91350100MA2XYZ5678", "闽江标准化服务中心", 100, date("1900-03-01"),
                 dateTime("1900-02-28", 12, 0, 0), false, decimal("0.5")] + formulas.dropFirst(), number: 3),
            Row([.empty, .empty, .empty, .empty, .empty, "孤立单元格"], number: 6),
            Row(["  前后空格  ", "第一行\n第二行", decimal("-0.01")], number: 7),
        ]
    }

    @Test func openpyxlWorkbook() throws {
        // MUT
        let reader = try XLSXReader(url: try Fixture.url("openpyxl.xlsx"))
        // validation
        #expect(reader.sheetNames == ["企业信息", "Data"])
        #expect(try reader.rows(sheetNamed: "企业信息") == Self.expectedFacts(formulas: []))
        #expect(try reader.rows(sheetNamed: "data") == [Row(["only"], number: 1), Row([.empty, 42], number: 2)])
    }

    @Test func libreOfficeWorkbookHasCachedFormulaValues() throws {
        let reader = try XLSXReader(url: try Fixture.url("libreoffice.xlsx"))
        #expect(reader.sheetNames == ["企业信息", "Data"])
        #expect(try reader.rows(sheetAt: 0) == Self.expectedFacts(formulas: [Self.decimal("2469135.78"), 200]))
    }

    @Test func handmadeQuirks() throws {
        // MUT
        let reader = try XLSXReader(url: try Fixture.url("handmade.xlsx"))
        let rows = try reader.rows(sheetNamed: "Quirks")
        // validation
        #expect(reader.sheetNames == ["Quirks", "隐藏"])
        #expect(rows.map(\.number) == [1, 3, 4, 5])
        // Rich text joined, phonetic run dropped, _xHHHH_ decoded, empty string left out.
        #expect(rows[0].cells == ["plain", "质量 强市", "line\rbreak_x0041_"])
        // CJK built-in date 31, a custom long date with a time, a built-in time format (h:mm).
        #expect(rows[1].cells == [.empty, Self.date("2024-03-01"), Self.dateTime("2024-03-01", 12, 0, 0), .empty, "18:00:00"])
        // Cached formula values of every type; a numeric cell holding an error shows the error.
        #expect(rows[2].cells == ["#DIV/0!", "#N/A", "ab", true, Self.decimal("3.0000000000000004")])
        #expect(rows[2][4].scaledInteger(scale: 2) == nil)
        // Inline string, ISO dates (t="d"), exponent notation, a negative integer.
        #expect(rows[3].cells == ["内联", Self.date("2024-02-29"), Self.dateTime("2024-02-29", 13, 45, 0),
                                  Self.decimal("0.0015"), -12])
        #expect(try reader.rows(sheetNamed: "隐藏") == [Row([.empty, 7], number: 2)])
    }

    @Test func mac1904DateSystem() throws {
        let rows = try XLSXReader(url: try Fixture.url("mac1904.xlsx")).rows(sheetAt: 0)
        #expect(rows.map(\.cells) == [[Self.date("2024-02-29")], [Self.date("1904-01-01")]])
    }

    @Test func corruptSheetXMLIsATypedError() throws {
        let reader = try XLSXReader(url: try Fixture.url("corrupt.xlsx"))
        #expect(reader.sheetNames == ["企业信息", "Data"])
        #expect {
            try reader.rows(sheetAt: 0)
        } throws: { error in
            guard case SpreadsheetError.corruptPart(let path, let line, _) = error else { return false }
            return path == "xl/worksheets/sheet1.xml" && line >= 3
        }
        // The other sheet is still readable.
        #expect(try reader.rows(sheetAt: 1).count == 2)
    }

    @Test func missingSheetsAreTypedErrors() throws {
        let reader = try XLSXReader(url: try Fixture.url("openpyxl.xlsx"))
        #expect(throws: SpreadsheetError.sheetNotFound(name: "拨付", available: ["企业信息", "Data"])) {
            try reader.rows(sheetNamed: "拨付")
        }
        #expect(throws: SpreadsheetError.sheetIndexOutOfRange(index: 2, count: 2)) { try reader.rows(sheetAt: 2) }
    }

    @Test func sameWorkbookFromMemory() throws {
        let data = try Data(contentsOf: try Fixture.url("openpyxl.xlsx"))
        #expect(try XLSXReader(data: data).rows(sheetAt: 0) == Self.expectedFacts(formulas: []))
    }
}
