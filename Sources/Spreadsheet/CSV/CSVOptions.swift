/// How a CSV file is read.
public struct CSVReadOptions: Sendable {
    /// An ASCII byte other than `"`, CR or LF; `,` by default, `;` or tab for some exports.
    public var delimiter: UInt8
    /// Blank lines are still counted in row numbers (Excel shows them as empty rows) but not returned.
    public var skipEmptyLines: Bool
    /// Bytes read from the file at a time; a record longer than this grows the buffer.
    public var chunkSize: Int

    public init(delimiter: Character = ",", skipEmptyLines: Bool = true, chunkSize: Int = 1 << 20) {
        precondition(delimiter.isASCII && delimiter != "\"" && delimiter != "\r" && delimiter != "\n",
                     "a CSV delimiter is one ASCII character other than a quote or a line break")
        self.delimiter = delimiter.asciiValue!
        self.skipEmptyLines = skipEmptyLines
        self.chunkSize = max(chunkSize, 16)
    }
}

/// How a CSV file is written.
public struct CSVWriteOptions: Sendable {
    public var delimiter: UInt8
    /// Excel on Chinese Windows reads a CSV without a BOM as GBK and shows UTF-8 Chinese as mojibake.
    public var byteOrderMark: Bool
    /// CRLF is what RFC 4180 and Excel expect; LF is for tools that want it.
    public var lineEnding: String
    /// Prefix text cells starting with `=`, `+`, `-`, `@`, tab or CR with `'`, so a spreadsheet opening the
    /// export shows them as text instead of evaluating them (CSV/formula injection, OWASP). Typed number
    /// cells are never prefixed: `-12.5` stays a number.
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", byteOrderMark: Bool = true, lineEnding: String = "\r\n",
                neutralizeFormulas: Bool = true) {
        precondition(delimiter.isASCII && delimiter != "\"" && delimiter != "\r" && delimiter != "\n",
                     "a CSV delimiter is one ASCII character other than a quote or a line break")
        self.delimiter = delimiter.asciiValue!
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// Exports for people: BOM, CRLF, formulas neutralised.
    public static let excel = CSVWriteOptions()
    /// Files for machines (round trips, other systems): no BOM, nothing rewritten.
    public static let plain = CSVWriteOptions(byteOrderMark: false, neutralizeFormulas: false)
}
