import Foundation

/// Writes RFC 4180 CSV: fields quoted only when they must be, quotes doubled, CRLF line ends, and by
/// default a UTF-8 BOM and neutralised formulas (see `CSVWriteOptions`).
///
/// Rows accumulate in memory; for large exports call `flush(to:)` every so often to stream to a file.
public struct CSVWriter: Sendable {
    public let options: CSVWriteOptions
    public private(set) var bytes: [UInt8] = []
    private let lineEnding: [UInt8]

    public init(options: CSVWriteOptions = .excel) {
        self.options = options
        self.lineEnding = Array(options.lineEnding.utf8)
        if options.byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    public var data: Data { Data(bytes) }

    /// A row of text fields; every one is text, so every one is neutralised when that option is on.
    public mutating func writeRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(options.delimiter) }
            appendText(field)
        }
        bytes.append(contentsOf: lineEnding)
    }

    /// A row of typed cells: numbers, dates and booleans are written plainly, only text is neutralised.
    public mutating func writeRow(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(options.delimiter) }
            if case .text(let text) = cell {
                appendText(text)
            } else {
                appendField(cell.plainText)
            }
        }
        bytes.append(contentsOf: lineEnding)
    }

    /// Appends what is written so far to `handle` and empties the buffer.
    public mutating func flush(to handle: FileHandle) throws {
        try handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func appendText(_ text: String) {
        if options.neutralizeFormulas, let first = text.utf8.first, Self.formulaStarts.contains(first) {
            bytes.append(UInt8(ascii: "'"))
            // The prefix is inside the field, so quoting (if any) must wrap it too.
            if Self.needsQuotes(text.utf8, delimiter: options.delimiter) {
                bytes.removeLast()
                bytes.append(UInt8(ascii: "\""))
                bytes.append(UInt8(ascii: "'"))
                appendEscaped(text.utf8)
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: text.utf8)
            }
            return
        }
        appendField(text)
    }

    private mutating func appendField(_ text: String) {
        let utf8 = text.utf8
        guard Self.needsQuotes(utf8, delimiter: options.delimiter) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: String.UTF8View) {
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
    }

    /// `=`, `+`, `-`, `@`, tab, CR: what spreadsheets treat as the start of a formula (OWASP's list).
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    static func needsQuotes(_ utf8: String.UTF8View, delimiter: UInt8) -> Bool {
        utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
    }
}
