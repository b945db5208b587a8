/// An Excel number format code, such as `#,##0.00` or `yyyy-mm-dd`.
public struct NumberFormat: Hashable, Sendable, ExpressibleByStringLiteral {
    public var code: String

    public init(_ code: String) { self.code = code }
    public init(stringLiteral value: String) { self.code = value }

    /// Yuan with grouping and fen: 1,234.50.
    public static let money: NumberFormat = "#,##0.00"
    public static let integer: NumberFormat = "0"
    public static let groupedInteger: NumberFormat = "#,##0"
    public static let date: NumberFormat = "yyyy-mm-dd"
    public static let dateTime: NumberFormat = "yyyy-mm-dd hh:mm:ss"
    public static let percent1: NumberFormat = "0.0%"
    /// Keeps what is typed as text (credit codes, ID numbers) when someone edits the sheet.
    public static let text: NumberFormat = "@"

    /// `#,##0.00…` with `scale` decimals: how `.fixed` cells show without a column format.
    static func fixed(scale: Int) -> NumberFormat {
        scale <= 0 ? groupedInteger : NumberFormat("#,##0." + String(repeating: "0", count: min(scale, 18)))
    }

    enum Kind: Equatable {
        case number
        /// Shows a day (and possibly a time): y, d, or m without h/s.
        case date
        /// Shows only a time of day or a duration: h, m, s.
        case time
    }

    /// What a format shows, judged from its first section with quoted text, escapes, fill and padding
    /// characters and `[…]` modifiers (colours, locales, `[DBNum1]`) removed — except `[h]`, `[mm]`,
    /// `[ss]`, elapsed-time tokens. Chinese formats such as `yyyy"年"m"月"d"日"` are dates.
    var kind: Kind {
        var hasDay = false, hasMonthOrMinute = false, hasTime = false
        var scalars = Array(code.lowercased().unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case ";": scalars = []
            case "\"":
                while let next = scalars.popFirst(), next != "\"" {}
            case "\\", "_", "*":
                _ = scalars.popFirst()
            case "[":
                var inside = ""
                while let next = scalars.popFirst(), next != "]" { inside.unicodeScalars.append(next) }
                if !inside.isEmpty, inside.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { hasTime = true }
            case "y", "d", "e", "g", "b": hasDay = true
            case "m": hasMonthOrMinute = true
            case "h", "s": hasTime = true
            default: break
            }
        }
        // "e" and "g"/"b" are era years in East Asian formats, but "0.00E+00" is scientific and "General"
        // has an "e": those have no other date letter and are numbers.
        let lower = code.lowercased()
        if lower.hasPrefix("general") || lower.contains("e+") || lower.contains("e-") {
            return hasTime && !lower.contains("0") ? .time : .number
        }
        if hasDay || (hasMonthOrMinute && !hasTime) { return .date }
        return hasTime ? .time : .number
    }
}
