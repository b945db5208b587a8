/// A1-style references: column letters and row numbers.
enum CellReference {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// 0 → "A", 25 → "Z", 26 → "AA".
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var letters: [UInt8] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            index = (index - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// "C5" → (column 2, row 5); nil for anything that is not a cell reference.
    static func parse(_ reference: some StringProtocol) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= maxRows, column <= maxColumns else { return nil }
        return (column - 1, row)
    }

    /// The column of a reference that may lack a row ("C"), for `<c r>` only its letters matter.
    static func columnIndex(_ reference: some StringProtocol) -> Int? {
        parse(reference)?.column
    }
}
