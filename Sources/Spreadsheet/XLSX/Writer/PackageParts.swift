/// The fixed parts of an XLSX package around the sheets: content types, relationships, the workbook.
enum XMLPart {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static func contentTypes(sheetCount: Int, sharedStrings: Bool) -> [UInt8] {
        var xml = declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        if sharedStrings {
            xml += "<Override PartName=\"/xl/sharedStrings.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        for number in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return Array((xml + "</Types>").utf8)
    }

    static var rootRelationships: [UInt8] {
        Array((declaration + """
            <Relationships xmlns="\(packageRelationshipsNamespace)">\
            <Relationship Id="rId1" Type="\(relationshipType)officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """).utf8)
    }

    /// Sheets are rId1…rIdN, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int, sharedStrings: Bool) -> [UInt8] {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for number in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(number)\" Type=\"\(relationshipType)worksheet\" "
                + "Target=\"worksheets/sheet\(number).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipType)styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipType)sharedStrings\" "
                + "Target=\"sharedStrings.xml\"/>"
        }
        return Array((xml + "</Relationships>").utf8)
    }

    static func workbook(sheetNames: [String]) -> [UInt8] {
        var out = Array((declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)">\
            <workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """).utf8)
        for (offset, name) in sheetNames.enumerated() {
            out.append(contentsOf: "<sheet name=\"".utf8)
            OOXMLText.appendEscaped(name, to: &out, attribute: true)
            out.append(contentsOf: "\" sheetId=\"\(offset + 1)\" r:id=\"rId\(offset + 1)\"/>".utf8)
        }
        out.append(contentsOf: "</sheets></workbook>".utf8)
        return out
    }
}

/// The workbook's table of distinct strings, numbered in order of first use.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indexOf: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexOf[text] { return index }
        strings.append(text)
        indexOf[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: [UInt8] {
        var out = Array((XMLPart.declaration
            + "<sst xmlns=\"\(XMLPart.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">").utf8)
        for text in strings {
            out.append(contentsOf: "<si>".utf8)
            WorksheetWriter.appendTextElement(text, to: &out)
            out.append(contentsOf: "</si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
