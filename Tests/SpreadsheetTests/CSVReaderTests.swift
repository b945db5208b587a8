import Foundation
import Testing
@testable import Spreadsheet

@Suite struct CSVReaderTests {
    func read(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRecord] {
        try CSVReader(string: text, options: options).readAll()
    }

    @Test func plainFieldsAndLineEndings() throws {
        for ending in ["\n", "\r\n", "\r"] {
            // MUT
            let records = try read("a,b,c\(ending)1,2,3\(ending)")
            // validation
            #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]], "line ending \(ending.debugDescription)")
            #expect(records.map(\.row) == [1, 2])
        }
    }

    @Test func lastRecordWithoutLineBreak() throws {
        #expect(try read("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        #expect(try read(",a,,\n").map(\.fields) == [["", "a", "", ""]])
    }

    @Test func quotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let text = "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n\"多行\r\n文本\",\"\"\r\n"
        let records = try read(text)
        #expect(records.map(\.fields) == [["name", "note"], ["Smith, J", "said \"hi\""], ["多行\r\n文本", ""]])
    }

    @Test func rowAndLineNumbersOfMultiLineRecords() throws {
        // setup: record 2 spans lines 2–4, so record 3 starts on line 5 but is row 3 in Excel
        let text = "h1,h2\n\"a\nb\nc\",x\ny,z\n"
        // MUT
        let records = try read(text)
        // validation
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try read("a\n\nb\r\n\r\nc\n")
        #expect(records.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(records.map(\.row) == [1, 3, 5])

        let kept = try read("a\n\nb\n", CSVReadOptions(skipEmptyLines: false))
        #expect(kept.map(\.fields) == [["a"], [""], ["b"]])
    }

    @Test func quotedEmptyFieldIsNotABlankLine() throws {
        #expect(try read("\"\"\n").map(\.fields) == [[""]])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("代码,名称\n1,质量\n".utf8)
        let records = try CSVReader(bytes: bytes).readAll()
        #expect(records.first?.fields == ["代码", "名称"])
        #expect(records.first?.fields.first?.unicodeScalars.first != "\u{FEFF}")
    }

    @Test func onlyALeadingBOMIsStripped() throws {
        let bytes: [UInt8] = Array("a,".utf8) + [0xEF, 0xBB, 0xBF] + Array("b\n".utf8)
        #expect(try CSVReader(bytes: bytes).readAll().first?.fields == ["a", "\u{FEFF}b"])
    }

    @Test func otherDelimiters() throws {
        #expect(try read("a;\"b;c\";d\n", CSVReadOptions(delimiter: ";")).first?.fields == ["a", "b;c", "d"])
        #expect(try read("a\tb, c\n", CSVReadOptions(delimiter: "\t")).first?.fields == ["a", "b, c"])
    }

    @Test func textAfterClosingQuoteAndStrayQuotesAreKeptLikeExcel() throws {
        #expect(try read("\"ab\"c,d\"e\n").first?.fields == ["abc", "d\"e"])
    }

    @Test func unterminatedQuoteReportsRowAndLine() throws {
        // setup: row 3 starts on line 4 because row 2 holds a line break
        let text = "a,b\n\"x\ny\",1\nok,\"never closed\nmore\n"
        // MUT + validation
        #expect(throws: SpreadsheetError.unterminatedQuote(row: 3, line: 4)) { try read(text) }
    }

    @Test func unterminatedQuoteAfterEscapedQuoteAtEnd() throws {
        #expect(throws: SpreadsheetError.unterminatedQuote(row: 1, line: 1)) { try read("\"abc\"\"") }
    }

    @Test func gbkBytesAreRefusedWithTheirPosition() throws {
        // "质量" in GBK is D6 CA C1 BF: not UTF-8.
        let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xD6, 0xCA, 0xC1, 0xBF] + Array("\n".utf8)
        #expect(throws: SpreadsheetError.notUTF8(row: 2, line: 2, column: 2)) {
            try CSVReader(bytes: bytes).readAll()
        }
    }

    @Test func forEachRowLendsBytesAndStrings() throws {
        let reader = CSVReader(string: "x,\"y\"\"\"\n")
        var seen: [String] = []
        var lengths: [Int] = []
        try reader.forEachRow { row in
            seen = try row.strings()
            lengths = (0..<row.count).map { row.withBytes(at: $0) { $0.count } }
            #expect(try row.string(at: 5) == "")
        }
        #expect(seen == ["x", "y\""])
        #expect(lengths == [1, 2])
    }

    @Test(arguments: [16, 17, 31, 64, 1024])
    func streamingAcrossChunkBoundaries(chunkSize: Int) throws {
        // setup: records longer than the chunk, quotes straddling it, CRLF split across reads
        var text = "\u{FEFF}id,text\r\n"
        var expected: [[String]] = [["id", "text"]]
        for index in 0..<200 {
            let field = String(repeating: "质", count: index % 13) + (index % 3 == 0 ? "\"q\",\r\n" : "") + "\(index)"
            text += "\(index),\(CSVTestText.quoted(field))\r\n"
            expected.append(["\(index)", field])
        }
        let url = try TemporaryFile.write(Data(text.utf8), suffix: ".csv")
        defer { TemporaryFile.remove(url) }
        // MUT
        let records = try CSVReader(url: url, options: CSVReadOptions(chunkSize: chunkSize)).readAll()
        // validation
        #expect(records.map(\.fields) == expected)
        #expect(records.last?.row == 201)
        #expect(records.last?.line == 201 + 200 / 3 + 1)
    }

    @Test func missingFileIsACannotReadError() {
        #expect {
            try CSVReader(url: URL(fileURLWithPath: "/nonexistent/registry.csv"))
        } throws: { error in
            if case SpreadsheetError.cannotRead = error { return true }
            return false
        }
    }
}

enum CSVTestText {
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
