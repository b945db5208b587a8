/// workbook.xml: the sheets in tab order and the date system.
final class WorkbookHandler: XMLEventHandler {
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    var sheets: [Sheet] = []
    var date1904 = false

    func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "sheet":
            guard let sheetName = attributes["name"], let id = attributes["id"] else { return }
            sheets.append(Sheet(name: sheetName, relationshipID: id))
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        default:
            break
        }
    }

    func end(_ name: String) throws {}
    func text(_ text: String) {}
}

/// sharedStrings.xml: each `<si>` is plain `<t>` or rich-text runs `<r><t>`; phonetic guides `<rPh>`
/// (furigana/pinyin) are not part of the value.
final class SharedStringsHandler: XMLEventHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func end(_ name: String) throws {
        switch name {
        case "si": strings.append(OOXMLText.unescape(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func text(_ text: String) {
        if inText { current += text }
    }
}

/// styles.xml: for each cell style index, what its number format shows (number, date or time).
final class StylesHandler: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inNumberFormats = false
    private var inCellFormats = false

    /// Built-in IDs that are dates or times, including the East Asian ones (27–36, 50–58) that Chinese
    /// Excel uses for `yyyy"年"m"月"d"日"` and friends.
    private static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]
    private static let builtInTimes: Set<Int> = [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]

    func kind(ofStyle index: Int) -> NumberFormat.Kind {
        guard index >= 0 && index < formatIDs.count else { return .number }
        let id = formatIDs[index]
        if let code = customFormats[id] { return NumberFormat(code).kind }
        if Self.builtInDates.contains(id) { return .date }
        if Self.builtInTimes.contains(id) { return .time }
        return .number
    }

    func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "numFmts": inNumberFormats = true
        case "cellXfs": inCellFormats = true
        case "numFmt" where inNumberFormats:
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func end(_ name: String) throws {
        switch name {
        case "numFmts": inNumberFormats = false
        case "cellXfs": inCellFormats = false
        default: break
        }
    }

    func text(_ text: String) {}
}
