import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

@Suite struct XLSXWriterTests {
    /// The inflated parts of a written workbook, by path.
    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test func sameInputGivesSameBytes() throws {
        let first = try XLSXWriter().data([SampleTables.grants, SampleTables.plain])
        let second = try XLSXWriter().data([SampleTables.grants, SampleTables.plain])
        #expect(first == second)
        let archive = try Archive(data: first, accessMode: .read)
        let dates = archive.map { $0.fileAttributes[.modificationDate] as? Date }
        #expect(dates.allSatisfy { $0 == XLSXWriter.entryDate })
    }

    @Test func packageHasTheExpectedParts() throws {
        let written = try parts(try XLSXWriter().data([SampleTables.grants, SampleTables.plain]))
        #expect(Set(written.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                      "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                                      "xl/worksheets/sheet2.xml"])
        let workbook = try #require(written["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"资助名单\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(workbook.contains("<sheet name=\"Sheet_With_Bad_Chars_and_a-very\" sheetId=\"2\" r:id=\"rId2\"/>"))
    }

    @Test func headerIsBoldAndFrozenAndColumnsHaveWidths() throws {
        let written = try parts(try SampleTables.grants.xlsxData())
        let sheet = try #require(written["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"))
        let styles = try #require(written["xl/styles.xml"])
        #expect(styles.contains("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"))
        // 统一社会信用代码: 8 CJK characters = 16 units, ×1.1 for bold, +2 padding; the codes are 18 wide.
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"20\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<dimension ref=\"A1:G6\"/>"))
    }

    @Test func cellsAreTypedWithTheirFormats() throws {
        let written = try parts(try SampleTables.grants.xlsxData(options: .init(sharedStrings: false)))
        let sheet = try #require(written["xl/worksheets/sheet1.xml"])
        let styles = try #require(written["xl/styles.xml"])
        // Money in fen as yuan, exactly, with the money format (built-in 4).
        #expect(sheet.contains("<c r=\"C2\" s=\"3\"><v>500000.00</v></c>"))
        #expect(sheet.contains("<c r=\"C4\" s=\"3\"><v>-0.01</v></c>"))
        #expect(styles.contains("<xf numFmtId=\"4\" fontId=\"0\""))
        // Dates as serials with yyyy-mm-dd; 1900-03-01 is 61 and 1900-02-28 is 59.
        #expect(sheet.contains("<c r=\"D2\" s=\"4\"><v>45352</v></c>"))
        #expect(sheet.contains("<c r=\"D3\" s=\"4\"><v>61</v></c>"))
        #expect(sheet.contains("<c r=\"D4\" s=\"4\"><v>59</v></c>"))
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"))
        #expect(sheet.contains("<c r=\"F2\" t=\"b\"><v>1</v></c>"))
        // Text: inline, escaped, whitespace kept; the formula-looking text stays text.
        #expect(sheet.contains("<c r=\"G2\" t=\"inlineStr\"><is><t>=HYPERLINK(\"http://x\")</t></is></c>"))
        #expect(sheet.contains("<t xml:space=\"preserve\">  前后空格  </t>"))
        #expect(sheet.contains("<t>_x005F_x0041_ &amp; &lt;tag&gt; \"q\"</t>"))
        // An 18-digit integer would lose digits as a number.
        #expect(sheet.contains("<c r=\"C6\" s=\"3\" t=\"inlineStr\"><is><t>123456789012345678</t></is></c>"))
        // A number in a date column shows as a number; a date-time in a percent column keeps a date-time
        // format; the empty row 5 is left out.
        #expect(sheet.contains("<c r=\"D6\"><v>-42</v></c>"))
        #expect(sheet.contains("<c r=\"E6\" s=\"6\"><v>46022.9999884259</v></c>"))
        #expect(styles.contains("formatCode=\"yyyy-mm-dd hh:mm:ss\""))
        #expect(!sheet.contains("<row r=\"5\">"))
    }

    @Test func datesBeforeExcelsEpochAreWrittenAsText() throws {
        let table = Table(name: "旧", columns: [Column("日期")], rows: [[.date(SheetDate(year: 1899, month: 12, day: 31)!)]])
        let rows = try XLSXReader(data: try table.xlsxData()).rows(sheetAt: 0)
        #expect(rows.last?.cells == [.text("1899-12-31")])
    }

    @Test func noSheetsIsAnError() {
        #expect(throws: SpreadsheetError.noSheets) { try XLSXWriter().data([]) }
    }

    @Test func textLongerThanExcelAllowsIsAnError() {
        let table = Table(name: "长", columns: [Column("a"), Column("b")],
                          rows: [[.text("ok"), .text(String(repeating: "x", count: 32_768))]])
        #expect(throws: SpreadsheetError.textTooLong(sheet: "长", row: 2, column: 2)) { try table.xlsxData() }
    }

    @Test func tableWithoutColumnsHasNoHeaderAndNoFrozenPane() throws {
        let table = Table(name: "raw", rows: [[.integer(1)], [.integer(2)]])
        let sheet = try #require(try parts(try table.xlsxData())["xl/worksheets/sheet1.xml"])
        #expect(!sheet.contains("frozen"))
        #expect(sheet.contains("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
    }

    @Test func writesToAFile() throws {
        let url = TemporaryFile.url(suffix: ".xlsx")
        defer { TemporaryFile.remove(url) }
        try XLSXWriter().write([SampleTables.plain], to: url)
        #expect(try XLSXReader(url: url).sheetNames == ["Sheet_With_Bad_Chars_and_a-very"])
    }
}
