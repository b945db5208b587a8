import Foundation

/// Rubric points in hundredths, so that "联合承担的计一半分值" (half of 3 is 1.5) stays exact and the same
/// inputs always print the same score. Encoded in JSON as a plain number (1.5).
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(_ whole: Int) { self.hundredths = whole * 100 }
    public init(integerLiteral value: Int) { self.init(value) }

    public static let zero = Points(hundredths: 0)

    public static func + (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func * (lhs: Points, rhs: Int) -> Points { Points(hundredths: lhs.hundredths * rhs) }
    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }

    public var halved: Points { Points(hundredths: hundredths / 2) }

    /// "5", "1.5", "0.25".
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// Parses "5", "1.5", "0.25" exactly; nil for anything finer than a hundredth or not a number.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0 else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        let padded = fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
        self.hundredths = whole * 100 + (Int(padded) ?? 0)
    }
}

extension Points: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Decimal.self)
        let scaled = NSDecimalNumber(decimal: value * 100).intValue
        self.hundredths = scaled
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description)!)
    }
}
