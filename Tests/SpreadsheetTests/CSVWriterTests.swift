import Foundation
import Testing
@testable import Spreadsheet

@Suite struct CSVWriterTests {
    func text(_ writer: CSVWriter) -> String {
        String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func quotesOnlyWhenNeededAndDoublesQuotes() {
        var writer = CSVWriter(options: .plain)
        writer.writeRow(["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", " spaced "])
        #expect(text(writer) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",, spaced \r\n")
    }

    @Test func excelOptionsWriteBOMAndCRLF() {
        var writer = CSVWriter()
        writer.writeRow(["代码", "名称"])
        writer.writeRow(["1", "质量"])
        #expect(Array(writer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: writer.bytes.dropFirst(3), as: UTF8.self) == "代码,名称\r\n1,质量\r\n")
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+86 591", "'+86 591"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"), ("=HYPERLINK(\"http://x\",\"点我\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""),
        ("\r=1", "\"'\r=1\""), ("a=1", "a=1"), ("质量=好", "质量=好"), ("", ""),
    ])
    func formulaNeutralization(input: String, expected: String) {
        var writer = CSVWriter(options: CSVWriteOptions(byteOrderMark: false))
        writer.writeRow([input])
        #expect(text(writer) == expected + "\r\n")
    }

    @Test func neutralizationCanBeTurnedOff() {
        var writer = CSVWriter(options: .plain)
        writer.writeRow(["=1+2", "-5"])
        #expect(text(writer) == "=1+2,-5\r\n")
    }

    @Test func typedNumbersAreNotNeutralized() {
        var writer = CSVWriter(options: CSVWriteOptions(byteOrderMark: false))
        writer.writeRow([.integer(-5), .fixed(-1_050, scale: 2), .text("-5"), .date(SheetDate(year: 2024, month: 2, day: 29)!),
                         .boolean(true), .empty, .decimal(Decimal(string: "-0.125")!)])
        #expect(text(writer) == "-5,-10.50,'-5,2024-02-29,TRUE,,-0.125\r\n")
    }

    @Test func otherDelimiterAndLineEnding() {
        var writer = CSVWriter(options: CSVWriteOptions(delimiter: ";", byteOrderMark: false, lineEnding: "\n"))
        writer.writeRow(["a;b", "c,d"])
        #expect(text(writer) == "\"a;b\";c,d\n")
    }

    @Test func writtenRowsReadBack() throws {
        // setup: every awkward field at once
        let rows = [["代码", "名称", "备注"], ["1", "质量, \"强市\"", "多\r\n行"], ["", " ", "'"]]
        var writer = CSVWriter(options: CSVWriteOptions(neutralizeFormulas: false))
        for row in rows { writer.writeRow(row) }
        // MUT
        let records = try CSVReader(bytes: writer.bytes).readAll()
        // validation
        #expect(records.map(\.fields) == rows)
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func flushStreamsToAFile() throws {
        let url = TemporaryFile.url(suffix: ".csv")
        defer { TemporaryFile.remove(url) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var writer = CSVWriter()
        writer.writeRow(["a"])
        try writer.flush(to: handle)
        #expect(writer.bytes.isEmpty)
        writer.writeRow(["b"])
        try writer.flush(to: handle)
        try handle.close()
        #expect(try CSVReader(url: url).readAll().map(\.fields) == [["a"], ["b"]])
    }
}
