/// The cell formats of one workbook, collected as sheets are written: each distinct (bold, number format)
/// pair becomes one `<xf>` in styles.xml, in order of first use so output is deterministic.
struct StyleTable {
    private struct Key: Hashable {
        var bold: Bool
        var formatID: Int
    }

    /// Excel's built-in formats that mean the same in every locale; anything else gets an ID from 164.
    private static let builtIn: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
    ]
    private static let firstCustomID = 164

    private var keys: [Key] = [Key(bold: false, formatID: 0)]
    private var indexOfKey: [Key: Int] = [Key(bold: false, formatID: 0): 0]
    private var customFormats: [String] = []
    private var idOfCustomFormat: [String: Int] = [:]

    /// The `s` attribute for a cell; 0 is the default style and can be left out.
    mutating func index(bold: Bool = false, format: NumberFormat?) -> Int {
        let key = Key(bold: bold, formatID: formatID(format?.code ?? "General"))
        if let index = indexOfKey[key] { return index }
        keys.append(key)
        indexOfKey[key] = keys.count - 1
        return keys.count - 1
    }

    private mutating func formatID(_ code: String) -> Int {
        if let id = Self.builtIn[code] { return id }
        if let id = idOfCustomFormat[code] { return id }
        let id = Self.firstCustomID + customFormats.count
        customFormats.append(code)
        idOfCustomFormat[code] = id
        return id
    }

    var xml: [UInt8] {
        var out = Array(XMLPart.declaration.utf8)
        out.append(contentsOf: "<styleSheet xmlns=\"\(XMLPart.mainNamespace)\">".utf8)
        if !customFormats.isEmpty {
            out.append(contentsOf: "<numFmts count=\"\(customFormats.count)\">".utf8)
            for (offset, code) in customFormats.enumerated() {
                out.append(contentsOf: "<numFmt numFmtId=\"\(Self.firstCustomID + offset)\" formatCode=\"".utf8)
                OOXMLText.appendEscaped(code, to: &out, attribute: true)
                out.append(contentsOf: "\"/>".utf8)
            }
            out.append(contentsOf: "</numFmts>".utf8)
        }
        out.append(contentsOf: """
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            """.utf8)
        out.append(contentsOf: "<cellXfs count=\"\(keys.count)\">".utf8)
        for key in keys {
            var xf = "<xf numFmtId=\"\(key.formatID)\" fontId=\"\(key.bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            if key.formatID != 0 { xf += " applyNumberFormat=\"1\"" }
            if key.bold { xf += " applyFont=\"1\"" }
            out.append(contentsOf: (xf + "/>").utf8)
        }
        out.append(contentsOf: """
            </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """.utf8)
        return out
    }
}
