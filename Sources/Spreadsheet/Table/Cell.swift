import Foundation

/// One value of a sheet, as both CSV and XLSX carry it.
///
/// Money is never a `Double`: write fen as `.fixed(12345, scale: 2)` (shown as 123.45) or a `Decimal`.
public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case integer(Int64)
    case decimal(Decimal)
    /// The exact number `units × 10^-scale`; `scale` is 0...18.
    case fixed(Int64, scale: Int)
    case date(SheetDate)
    case dateTime(SheetDateTime)
    case boolean(Bool)

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.isEmpty
        default: false
        }
    }

    /// The value as plain text, the way the CSV writer puts it and importers compare it:
    /// numbers without grouping, dates as `YYYY-MM-DD`, booleans as `TRUE`/`FALSE` (what Excel reads back).
    public var plainText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .decimal(let value): DecimalText.plain(value)
        case .fixed(let units, let scale): FixedPoint.text(units: units, scale: scale)
        case .date(let date): date.iso
        case .dateTime(let dateTime): dateTime.description
        case .boolean(let value): value ? "TRUE" : "FALSE"
        }
    }

    /// The exact numeric value of a number cell; nil for anything else.
    public var decimalValue: Decimal? {
        switch self {
        case .integer(let value): Decimal(value)
        case .decimal(let value): value
        case .fixed(let units, let scale): FixedPoint.decimal(units: units, scale: scale)
        default: nil
        }
    }

    /// The number as an integer count of `10^-scale` units — `scaledInteger(scale: 2)` turns a yuan cell
    /// into fen. Nil when the cell is not a number or would need rounding (123.456 yuan is not a fen amount).
    public func scaledInteger(scale: Int) -> Int64? {
        guard let value = decimalValue else { return nil }
        return FixedPoint.units(of: value, scale: scale)
    }
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

enum FixedPoint {
    static let maxScale = 18

    static func text(units: Int64, scale: Int) -> String {
        let scale = min(max(scale, 0), maxScale)
        let digits = String(units.magnitude)
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = digits.count > scale ? digits : String(repeating: "0", count: scale - digits.count + 1) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }

    static func decimal(units: Int64, scale: Int) -> Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -min(max(scale, 0), maxScale),
                significand: Decimal(units.magnitude))
    }

    static func units(of value: Decimal, scale: Int) -> Int64? {
        guard (0...maxScale).contains(scale) else { return nil }
        let scaled = value * Decimal(sign: .plus, exponent: scale, significand: 1)
        var input = scaled
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .plain)
        guard rounded == scaled, rounded.magnitude <= Decimal(Int64.max) else { return nil }
        // Exact: the value is integral and within range, so its plain text is an Int64 literal.
        return Int64(DecimalText.plain(rounded))
    }
}

enum DecimalText {
    /// Decimal's `description` is locale-free and never scientific; "-0" is normalised to "0".
    static func plain(_ value: Decimal) -> String {
        value.isZero ? "0" : value.description
    }

    /// Fixed notation with at most `fractionDigits`, trailing zeros dropped (for widths and time fractions,
    /// never for money).
    static func plain(_ value: Double, fractionDigits: Int) -> String {
        var text = String(format: "%.\(fractionDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
