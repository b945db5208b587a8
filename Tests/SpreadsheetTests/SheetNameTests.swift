import Testing
@testable import Spreadsheet

@Suite struct SheetNameTests {
    @Test func chineseNamesPassThrough() {
        #expect(XLSXWriter.sheetNames(for: ["资助名单", "拨付记录"]) == ["资助名单", "拨付记录"])
    }

    @Test func forbiddenCharactersAreReplaced() {
        #expect(XLSXWriter.sheetNames(for: ["a:b\\c/d?e*f[g]h"]) == ["a_b_c_d_e_f_g_h"])
        #expect(XLSXWriter.sheetNames(for: ["'引号'"]) == ["引号"])
        #expect(XLSXWriter.sheetNames(for: ["History"]) == ["History_"])
    }

    @Test func longNamesAreCutTo31UTF16Units() {
        let long = String(repeating: "质", count: 40)
        #expect(XLSXWriter.sheetNames(for: [long]) == [String(repeating: "质", count: 31)])
        // An emoji is two UTF-16 units and is never split.
        let emoji = String(repeating: "a", count: 30) + "😀"
        #expect(XLSXWriter.sheetNames(for: [emoji]) == [String(repeating: "a", count: 30)])
    }

    @Test func emptyAndDuplicateNames() {
        #expect(XLSXWriter.sheetNames(for: ["", "名单", "名单", "Data", "DATA", "'"])
                == ["Sheet1", "名单", "名单 (2)", "Data", "DATA (2)", "Sheet6"])
        let long = String(repeating: "x", count: 31)
        let names = XLSXWriter.sheetNames(for: [long, long])
        #expect(names[1] == String(repeating: "x", count: 27) + " (2)")
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }
}
