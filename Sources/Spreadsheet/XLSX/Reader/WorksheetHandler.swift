import Foundation

/// A worksheet part: `<sheetData>` rows of `<c>` cells, turned into `Row`s numbered as in the file.
///
/// Cells may skip columns (`r="C5"`), rows may skip numbers, and either may omit `r` (then they follow
/// the previous one). Formulas are ignored; their cached `<v>` is the value. Empty rows are left out.
final class WorksheetHandler: XMLEventHandler {
    private let path: String
    private let sharedStrings: [String]
    private let styles: StylesHandler
    private let date1904: Bool

    private(set) var rows: [Row] = []

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [Cell] = []
    private var nextColumn = 0

    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var collecting: Collecting = .nothing
    private var phoneticDepth = 0

    private enum Collecting { case nothing, value, inlineText }

    init(path: String, sharedStrings: [String], styles: StylesHandler, date1904: Bool) {
        self.path = path
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
    }

    func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            if let text = attributes["r"] {
                guard let number = Int(text), number > rowNumber, number <= CellReference.maxRows else {
                    throw corrupt("row number \"\(text)\" is invalid or out of order")
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c" where inSheetData:
            if let reference = attributes["r"] {
                guard let column = CellReference.columnIndex(reference) else {
                    throw corrupt("cell reference \"\(reference)\" is invalid")
                }
                cellColumn = column
            } else {
                cellColumn = nextColumn
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inlineText = ""
        case "v" where inSheetData:
            collecting = .value
        case "rPh":
            phoneticDepth += 1
        case "t" where inSheetData && phoneticDepth == 0:
            collecting = .inlineText
        default:
            break
        }
    }

    func end(_ name: String) throws {
        switch name {
        case "sheetData":
            inSheetData = false
        case "v", "t":
            collecting = .nothing
        case "rPh":
            phoneticDepth -= 1
        case "c" where inSheetData:
            let cell = try makeCell()
            nextColumn = cellColumn + 1
            guard !cell.isEmpty else { return }
            if cellColumn >= cells.count {
                cells.append(contentsOf: repeatElement(.empty, count: cellColumn - cells.count + 1))
            }
            cells[cellColumn] = cell
        case "row" where inSheetData:
            if !cells.isEmpty { rows.append(Row(cells, number: rowNumber)) }
        default:
            break
        }
    }

    func text(_ text: String) {
        switch collecting {
        case .nothing: break
        case .value: value += text
        case .inlineText: inlineText += text
        }
    }

    private func makeCell() throws -> Cell {
        switch cellType {
        case "s":
            guard !value.isEmpty else { return .empty }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0,
                  index < sharedStrings.count else {
                throw corrupt("cell \(CellReference.columnName(cellColumn))\(rowNumber) names shared string \(value), "
                              + "but there are \(sharedStrings.count)")
            }
            return text(sharedStrings[index])
        case "inlineStr":
            return text(OOXMLText.unescape(inlineText))
        case "str", "e":
            // A formula's text result, or an error such as #N/A: what the cell shows.
            return text(OOXMLText.unescape(value))
        case "b":
            let flag = value.trimmingCharacters(in: .whitespaces)
            return flag.isEmpty ? .empty : .boolean(flag == "1" || flag.lowercased() == "true")
        case "d":
            return isoDate(value.trimmingCharacters(in: .whitespaces))
        default:
            return number(value.trimmingCharacters(in: .whitespaces))
        }
    }

    private func text(_ text: String) -> Cell {
        text.isEmpty ? .empty : .text(text)
    }

    private func number(_ text: String) -> Cell {
        guard !text.isEmpty else { return .empty }
        guard let number = NumberText.parse(text) else { return .text(text) }
        switch styles.kind(ofStyle: cellStyle) {
        case .number:
            return number
        case .date:
            guard let serial = Double(text), let dateTime = ExcelSerial.dateTime(fromSerial: serial, date1904: date1904) else {
                return number
            }
            return dateTime.secondsIntoDay == 0 ? .date(dateTime.date) : .dateTime(dateTime)
        case .time:
            guard let serial = Double(text), serial >= 0, serial < 1,
                  let dateTime = ExcelSerial.dateTime(fromSerial: serial + 1, date1904: false) else { return number }
            // A time of day alone has no date to carry; the text is what the cell shows.
            return .text(String(dateTime.description.suffix(8)))
        }
    }

    /// `t="d"` cells hold ISO 8601 text (openpyxl and strict OOXML can write them).
    private func isoDate(_ text: String) -> Cell {
        if let date = SheetDate(iso: text.prefix(10)) {
            let time = text.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
            if time.count == 3, time != [0, 0, 0],
               let dateTime = SheetDateTime(date: date, hour: time[0], minute: time[1], second: time[2]) {
                return .dateTime(dateTime)
            }
            return .date(date)
        }
        return self.text(text)
    }

    private func corrupt(_ reason: String) -> SpreadsheetError {
        .corruptPart(path: path, line: 0, reason: reason)
    }
}

/// Numbers as spreadsheets store them: `-12`, `0.1`, `1.5E-3`. Integers come back as `.integer` (when
/// they fit), everything else as an exact `.decimal` of the written digits — never through `Double`.
enum NumberText {
    static func parse(_ text: String) -> Cell? {
        var digits: [UInt8] = []
        var exponent = 0
        var negative = false
        var seenPoint = false
        var seenDigit = false
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                seenDigit = true
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte) }
                if seenPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard seenDigit else { return nil }
        if let marker = bytes.first {
            guard marker | 0x20 == UInt8(ascii: "e"), let power = Int(Substring(bytes.dropFirst())),
                  abs(power) < 400 else { return nil }
            exponent += power
        }
        // Digits dropped as leading zeros before the point were not counted; after it they were.
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty else { return .integer(0) }
        if exponent >= 0 && digits.count + exponent <= 18 {
            let value = Int64(String(decoding: digits, as: UTF8.self))! * pow10(exponent)
            return .integer(negative ? -value : value)
        }
        guard digits.count <= 38, let significand = Decimal(string: String(decoding: digits, as: UTF8.self)) else {
            return nil
        }
        return .decimal(Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand))
    }

    private static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
