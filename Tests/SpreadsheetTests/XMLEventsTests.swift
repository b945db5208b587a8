import Foundation
import Testing
@testable import Spreadsheet

/// The strict XML reader under the XLSX reader: what it accepts, and the broken parts it must refuse.
@Suite struct XMLEventsTests {
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        func start(_ name: String, attributes: [String: String]) throws {
            events.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        func end(_ name: String) throws { events.append("</\(name)>") }
        func text(_ text: String) { events.append(text) }
    }

    func events(_ xml: String) throws -> [String] {
        let recorder = Recorder()
        try XMLEvents.parse(Data(xml.utf8), path: "part.xml", into: recorder)
        return recorder.events
    }

    @Test func elementsAttributesTextAndReferences() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- made by hand --><x:a xmlns:x="urn:x" r='1' xml:space="preserve"><x:b/>&lt;&amp;&#x8D28;&#37327;\
            <![CDATA[<raw>&]]>\r\n</x:a>
            """
        #expect(try events(xml) == ["<a r=1 space=preserve x=urn:x>", "<b>", "</b>", "<&质量", "<raw>&", "\n", "</a>"])
    }

    @Test func attributeWhitespaceIsNormalised() throws {
        #expect(try events("<a v=\"x\ty\r\nz&#10;\"/>") == ["<a v=x y z\n>", "</a>"])
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "</a> does not close <b>"),
        ("<a>\n<b>\n", 3, "ends inside <b>"),
        ("<a>&nbsp;</a>", 1, "unknown entity &nbsp;"),
        ("<a>&amp</a>", 1, "not closed with ';'"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", 1, "DOCTYPE"),
        ("<a/><b/>", 1, "second root"),
        ("", 1, "no root"),
        ("text<a/>", 1, "outside the root"),
        ("<a x=1/>", 1, "not quoted"),
        ("<a\n x=\"1\"y=\"2\"/>", 2, "separated by spaces"),
        ("<a><!-- never closed </a>", 1, "comment is never closed"),
        ("</a>", 1, "does not close any element"),
    ])
    func malformedPartsAreRefused(xml: String, line: Int, reason: String) {
        #expect {
            try events(xml)
        } throws: { error in
            guard case SpreadsheetError.corruptPart(let path, let errorLine, let errorReason) = error else { return false }
            return path == "part.xml" && errorLine == line && errorReason.contains(reason)
        }
    }

    @Test func utf16PartsAreRead() throws {
        let data = Data([0xFF, 0xFE]) + "<a>质量</a>".data(using: .utf16LittleEndian)!
        let recorder = Recorder()
        try XMLEvents.parse(data, path: "p", into: recorder)
        #expect(recorder.events == ["<a>", "质量", "</a>"])
    }
}
