import Foundation

/// An amount of renminbi in integer fen (分). Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }
    /// 万元, the unit the seed documents use: `Money(wan: 300)` is ¥3,000,000.
    public init(wan: Int64) { self.fen = wan * 1_000_000 }

    public static let zero = Money(fen: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.fen -= rhs.fen }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    public init(from decoder: any Decoder) throws {
        fen = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }

    /// Plain yuan with two decimals and no grouping, for CSV and form fields: "35000000.00".
    public var yuanString: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        return "\(sign)\(magnitude / 100).\(Money.twoDigits(magnitude % 100))"
    }

    /// How a person reads the amount: "2,800 万元" / "¥28,000,000" (decimals only when there are fen).
    public func formatted(_ language: Language) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        switch language {
        case .zh:
            // Whole 万 reads as 万元; anything finer is written in 元.
            if magnitude % 1_000_000 == 0, magnitude >= 1_000_000 {
                return "\(sign)\(Money.grouped(magnitude / 1_000_000)) 万元"
            }
            return "\(sign)\(Money.grouped(magnitude / 100))\(Money.cents(magnitude)) 元"
        case .en:
            return "\(sign)¥\(Money.grouped(magnitude / 100))\(Money.cents(magnitude))"
        }
    }

    public var description: String { formatted(.en) }

    private static func cents(_ magnitude: UInt64) -> String {
        magnitude % 100 == 0 ? "" : "." + twoDigits(magnitude % 100)
    }

    static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    public enum ParseError: Error, Equatable, Sendable {
        case empty, notANumber, negative, fractionalFen, tooLarge

        public var message: LocalizedText {
            switch self {
            case .empty: LocalizedText(zh: "请填写金额", en: "Enter an amount")
            case .notANumber: LocalizedText(zh: "金额须为数字，例如 35000000 或 12.50", en: "The amount must be a number, such as 35000000 or 12.50")
            case .negative: LocalizedText(zh: "金额不能为负数", en: "The amount cannot be negative")
            case .fractionalFen: LocalizedText(zh: "金额最多保留两位小数（分）", en: "The amount can have at most two decimals (fen)")
            case .tooLarge: LocalizedText(zh: "金额过大", en: "The amount is too large")
            }
        }
    }

    /// Parses an amount in yuan as a person types it: "35000000", "35,000,000", "12.5", "¥100000".
    /// Refuses negatives and anything finer than one fen instead of rounding it away.
    public static func parse(yuan text: String) -> Result<Money, ParseError> {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for symbol in ["¥", "￥", "元", "CNY"] { trimmed = trimmed.replacingOccurrences(of: symbol, with: "") }
        trimmed = trimmed.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        if trimmed.hasPrefix("-") { return .failure(.negative) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              whole.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        if parts.count == 2, fraction.isEmpty { return .failure(.notANumber) }
        // Trailing zeros past the fen are harmless ("1.500"); significant digits are not.
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= 2 else { return .failure(.fractionalFen) }
        guard whole.count <= 15, let yuan = Int64(whole) else { return .failure(.tooLarge) }
        let fen = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        return .success(Money(fen: yuan * 100 + fen))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
