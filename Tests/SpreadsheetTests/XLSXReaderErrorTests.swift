import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

@Suite struct XLSXReaderErrorTests {
    /// A ZIP package holding `parts`, for packages no tool would write.
    func package(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test func csvTextIsNotAWorkbook() {
        #expect(throws: SpreadsheetError.notAWorkbook(reason: "not a ZIP package")) {
            try XLSXReader(data: Data("a,b\n1,2\n".utf8))
        }
        #expect(throws: SpreadsheetError.notAWorkbook(reason: "the file is empty")) { try XLSXReader(data: Data()) }
    }

    @Test func legacyXLSIsRecognised() {
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(throws: SpreadsheetError.legacyOrEncryptedWorkbook) { try XLSXReader(data: ole2) }
        #expect(throws: SpreadsheetError.legacyOrEncryptedWorkbook) { try SpreadsheetFile.rows(data: ole2) }
    }

    @Test func truncatedZipIsNotAWorkbook() throws {
        let data = try SampleTables.plain.xlsxData()
        #expect {
            try XLSXReader(data: data.prefix(data.count / 2)).rows(sheetAt: 0)
        } throws: { error in
            switch error as? SpreadsheetError {
            case .notAWorkbook, .corruptPart, .missingPart: true
            default: false
            }
        }
    }

    @Test func zipWithoutWorkbookIsNotAWorkbook() throws {
        let data = try package(["word/document.xml": "<w:document/>"])
        #expect {
            try XLSXReader(data: data)
        } throws: { error in
            if case SpreadsheetError.notAWorkbook = error { return true }
            return false
        }
    }

    @Test func sheetWhosePartIsMissing() throws {
        let data = try package([
            "xl/workbook.xml": "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/gone.xml\"/></Relationships>",
        ])
        let reader = try XLSXReader(data: data)
        #expect(throws: SpreadsheetError.missingPart(path: "xl/worksheets/gone.xml")) { try reader.rows(sheetNamed: "S") }
    }

    @Test func sharedStringIndexOutOfRangeIsCorrupt() throws {
        let data = try package([
            "xl/workbook.xml": "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row></sheetData></worksheet>",
        ])
        #expect {
            try XLSXReader(data: data).rows(sheetAt: 0)
        } throws: { error in
            guard case SpreadsheetError.corruptPart(let path, _, let reason) = error else { return false }
            return path == "xl/worksheets/sheet1.xml" && reason.contains("A1")
        }
    }

    @Test func doctypesAreRefused() throws {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><workbook><sheets/></workbook>"
        #expect {
            try XLSXReader(data: try package(["xl/workbook.xml": bomb]))
        } throws: { error in
            guard case SpreadsheetError.corruptPart(let path, _, _) = error else { return false }
            return path == "xl/workbook.xml"
        }
    }

    @Test func partsLargerThanTheLimitAreRefused() throws {
        let data = try SampleTables.grants.xlsxData()
        let reader = try XLSXReader(data: data, limits: .init(maxPartBytes: 1_500))
        #expect {
            try reader.rows(sheetAt: 0)
        } throws: { error in
            guard case SpreadsheetError.partTooLarge(_, let limit) = error else { return false }
            return limit == 1_500
        }
    }

    @Test func messagesNameWhatWentWrong() {
        #expect(SpreadsheetError.unterminatedQuote(row: 3, line: 4).description.contains("row 3 (line 4)"))
        #expect(SpreadsheetError.sheetNotFound(name: "拨付", available: ["A"]).description.contains("\"拨付\""))
    }
}
