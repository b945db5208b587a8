/// Column widths from content, in Excel's unit (the width of a "0" in the default font).
/// CJK and full-width characters take about two units, so they count double.
enum ColumnWidth {
    static let minimum = 8.0
    static let maximum = 60.0
    /// Enough rows to see the shape of a column without measuring a million cells.
    static let sampledRows = 2_000

    static func estimate(titleWidth: Int, cellWidths: [Int]) -> Double {
        let widest = max(Double(titleWidth) * 1.1, Double(cellWidths.max() ?? 0))
        return min(max(widest + 2, minimum), maximum)
    }

    /// The widest line of `text`, counting East Asian wide characters as two.
    static func display(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += isWide(scalar) ? 2 : 1
            }
        }
        return max(widest, current)
    }

    /// How wide a cell shows: grouping separators add to numbers, dates have fixed widths.
    static func display(_ cell: Cell, grouped: Bool) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let text): return display(text)
        case .date: return 10
        case .dateTime: return 19
        case .boolean: return 5
        case .integer, .decimal, .fixed:
            let plain = cell.plainText
            guard grouped else { return plain.count }
            let integerDigits = plain.prefix { $0 != "." }.filter(\.isNumber).count
            return plain.count + max(0, (integerDigits - 1) / 3)
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
