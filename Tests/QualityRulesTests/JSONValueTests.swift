import Foundation
import Testing
import QualityRules

@Suite struct JSONValueParsingTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

    /// The parser reads what `JSONDecoder` reads, to the same value, on documents of every shape.
    @Test(arguments: [
        #"{"a": [1, -2, 3.5, 2.0, 1e3, -0, 9223372036854775807, 1e19, true, false, null], "b": {"c": ""}}"#,
        #"["é", "中文", "\"quoted\" \\ \/ \b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00 smile"]"#,
        #"  "top-level text"  "#, "42", "-1.25e-2", "[]", "{}", "[[[]]]",
        #"{"dup": 1, "dup": 2}"#,
    ])
    func agreesWithJSONDecoder(text: String) throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try parse(text) == decoded)
    }

    @Test func wholeNumbersAndFractions() throws {
        #expect(try parse("2.0") == .int(2))
        #expect(try parse("1e3") == .int(1000))
        #expect(try parse("1.5") == .double(1.5))
        #expect(try parse("9223372036854775807") == .int(.max))
        #expect(try parse("-9223372036854775808") == .int(.min))
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test func escapesAndCharacters() throws {
        #expect(try parse(#""a\u0041\n\ud83d\ude00""#) == .string("aA\n😀"))
        #expect(try parse(#""企业 \"名称\"""#) == .string("企业 \"名称\""))
    }

    @Test(arguments: [
        "", "   ", "{", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, "{a:1}", "01", "-", "1.", "1e", ".5", "+1",
        "tru", "nul", "[1] x", #""unterminated"#, "\"tab\there\"", #""\x""#, #""\u12""#, #""\ud83d""#, #""\ude00""#,
        "1e999", "NaN",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
        #expect(JSONValue(text: text) == nil)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
    }

    /// Hostile nesting is refused at the limit instead of exhausting the stack; the limit itself is accepted.
    @Test func nestingIsBounded() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONParseError.self) { try parse(tooDeep) }
        #expect(throws: JSONParseError.self) { try parse(String(repeating: "{\"a\":", count: 100_000)) }
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONParseError(offset: 3, reason: "',' or ']' was expected")) { try parse("[1 2]") }
    }
}
