import Foundation
import Testing
@testable import Spreadsheet

@Suite struct OOXMLPiecesTests {
    @Test func escapingTextForXML() {
        var out: [UInt8] = []
        OOXMLText.appendEscaped("a<b>&c\r\n\t\u{1}_x0041_质\u{FFFE}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&lt;b&gt;&amp;c&#13;\n\t_x0001__x005F_x0041_质_xFFFE_")
        var attribute: [UInt8] = []
        OOXMLText.appendEscaped("\"q\"\n", to: &attribute, attribute: true)
        #expect(String(decoding: attribute, as: UTF8.self) == "&quot;q&quot;&#10;")
    }

    @Test(arguments: ["plain", "_x0041_", "a\u{1}b", "\u{FFFF}", "_x005F_", "x_y_z", "_xZZZZ_", "中_x4E2D_文"])
    func escapeThenUnescapeIsIdentity(text: String) {
        var out: [UInt8] = []
        OOXMLText.appendEscaped(text, to: &out)
        let xml = String(decoding: out, as: UTF8.self)
            .replacingOccurrences(of: "&#13;", with: "\r")
        #expect(OOXMLText.unescape(xml) == text)
    }

    @Test func unescapeJoinsSurrogatePairs() {
        #expect(OOXMLText.unescape("_xD83D__xDE00_") == "😀")
        #expect(OOXMLText.unescape("_xD83D_") == "_xD83D_")
    }

    @Test func cellReferences() {
        #expect((0..<3).map(CellReference.columnName) == ["A", "B", "C"])
        #expect(CellReference.columnName(25) == "Z")
        #expect(CellReference.columnName(26) == "AA")
        #expect(CellReference.columnName(16_383) == "XFD")
        #expect(CellReference.parse("C5")! == (2, 5))
        #expect(CellReference.parse("XFD1048576")! == (16_383, 1_048_576))
        #expect(CellReference.parse("$B$2")! == (1, 2))
        for bad in ["", "5C", "A0", "XFE1", "A1048577", "A-1", "ABCD1"] {
            #expect(CellReference.parse(bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ("General", NumberFormat.Kind.number), ("0.00", .number), ("#,##0.00", .number), ("0.0%", .number),
        ("0.00E+00", .number), ("@", .number), ("[Red]#,##0.00;[Blue]-#,##0.00", .number), ("0\" 天\"", .number),
        ("yyyy-mm-dd", .date), ("yyyy\"年\"m\"月\"d\"日\"", .date), ("yyyy\\年m\\月d\\日", .date), ("m/d/yy", .date),
        ("[$-804]yyyy年m月", .date), ("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", .date), ("yyyy-mm-dd hh:mm:ss", .date),
        ("mmm-yy", .date), ("h:mm", .time), ("[h]:mm:ss", .time), ("mm:ss", .time), ("上午/下午h\"时\"mm\"分\"", .time),
    ])
    func numberFormatKinds(code: String, kind: NumberFormat.Kind) {
        #expect(NumberFormat(code).kind == kind, "\(code)")
    }

    @Test(arguments: [
        ("0", Cell.integer(0)), ("-12", .integer(-12)), ("100", .integer(100)), ("1E5", .integer(100_000)),
        ("5.0", .integer(5)), ("123456789012345678", .integer(123_456_789_012_345_678)),
        ("0.1", .decimal(Decimal(string: "0.1")!)), ("-0.01", .decimal(Decimal(string: "-0.01")!)),
        ("1.5E-3", .decimal(Decimal(string: "0.0015")!)), ("3.0000000000000004", .decimal(Decimal(string: "3.0000000000000004")!)),
        ("1234567.89", .decimal(Decimal(string: "1234567.89")!)),
        ("12345678901234567890", .decimal(Decimal(string: "12345678901234567890")!)),
    ])
    func numbersParseExactly(text: String, cell: Cell) {
        #expect(NumberText.parse(text) == cell)
    }

    @Test(arguments: ["", ".", "-", "1.2.3", "12abc", "NaN", "inf", "1e", "0x10"])
    func nonNumbersAreRefused(text: String) {
        #expect(NumberText.parse(text) == nil)
    }
}
