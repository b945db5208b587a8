import Foundation
import Testing
@testable import Spreadsheet

/// Opens what the writer writes in LibreOffice and reads back what it displays. Needs `libreoffice` on the
/// PATH (Debian: libreoffice-calc) and takes several seconds, so it runs only with
/// `SPREADSHEET_LIBREOFFICE=1 swift test --filter LibreOfficeTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SPREADSHEET_LIBREOFFICE"] == "1"))
struct LibreOfficeTests {
    /// Converts every sheet of `workbook` to CSV as LibreOffice displays it; returns the CSV of each sheet.
    func displayedSheets(_ workbook: Data) throws -> [String: [[String]]] {
        let folder = TemporaryFile.url(suffix: "")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { TemporaryFile.remove(folder) }
        let input = folder.appendingPathComponent("book.xlsx")
        try workbook.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Filter options: comma, quote, UTF-8, …, token 9 "as shown" = true, token 12 = all sheets.
        process.arguments = ["libreoffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                             "--outdir", folder.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
            let sheet = String(file.dropFirst("book-".count).dropLast(".csv".count))
            sheets[sheet] = try CSVReader(url: folder.appendingPathComponent(file)).readAll().map(\.fields)
        }
        return sheets
    }

    @Test func libreOfficeShowsWhatWeWrote() throws {
        // MUT
        let sheets = try displayedSheets(try XLSXWriter().data([SampleTables.grants, SampleTables.plain]))
        // validation
        #expect(Set(sheets.keys) == ["资助名单", "Sheet_With_Bad_Chars_and_a-very"])
        let grants = try #require(sheets["资助名单"])
        #expect(grants[0] == SampleTables.grants.columns.map(\.title))
        #expect(grants[1] == ["91350100MA2XYZ1234", "福州质量科技有限公司", "500,000.00", "2024-03-01", "87.5%", "TRUE",
                              "=HYPERLINK(\"http://x\")"])
        #expect(grants[2] == ["91350100MA2XYZ5678", "闽江标准化服务中心", "123.45", "1900-03-01", "50.0%", "FALSE",
                              "第一行\n第二行"])
        // LibreOffice counts days before 1900-03-01 without Excel's phantom leap day, so serial 59 shows
        // one day early there; Excel shows 1900-02-28. Money and text are what matter here.
        #expect(grants[3][2] == "-0.01")
        #expect(grants[3][6] == "  前后空格  ")
        #expect(grants[5][1] == "_x0041_ & <tag> \"q\"")
        #expect(grants[5][2] == "123456789012345678")
        #expect(grants[5][4] == "2025-12-31 23:59:59")
        #expect(sheets["Sheet_With_Bad_Chars_and_a-very"]?.last == ["5", "行 5"])
    }
}
