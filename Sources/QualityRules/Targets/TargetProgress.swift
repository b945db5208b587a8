/// Where a reported value of a city quality indicator stands against its target. Values are exact decimal
/// text as reported ("0.47", "3120", "92.5"); they are compared without floating point.
public enum TargetStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The latest value meets the target ("on track").
    case met
    /// The latest value does not meet it yet.
    case notMet
    /// "左右": a goal without a strict bound; reported, left to the joint conference to judge.
    case unjudged
    /// Nothing reported for the period.
    case notReported

    public var label: LocalizedText {
        switch self {
        case .met: LocalizedText(zh: "达到目标", en: "On track")
        case .notMet: LocalizedText(zh: "未达目标", en: "Behind")
        case .unjudged: LocalizedText(zh: "约数目标，由联席会议评价", en: "Approximate goal, judged by the joint conference")
        case .notReported: LocalizedText(zh: "未报送", en: "Not reported")
        }
    }
}

public enum TargetProgress {
    /// The status of `value` (nil: nothing reported) against `target` in `direction`.
    public static func status(value: String?, target: String, direction: TargetDirection) -> TargetStatus {
        guard let value else { return .notReported }
        guard let actual = ExactDecimal(value), let goal = ExactDecimal(target) else { return .unjudged }
        switch direction {
        case .atLeast: return actual >= goal ? .met : .notMet
        case .atMost: return actual <= goal ? .met : .notMet
        case .approximately: return .unjudged
        }
    }

    public enum ValueError: Error, Sendable, Equatable {
        case empty, notANumber, tooManyDecimals, tooLarge, percentOver100

        public var message: LocalizedText {
            switch self {
            case .empty: LocalizedText(zh: "请填写数值", en: "Enter a value")
            case .notANumber: LocalizedText(zh: "数值须为不带单位的非负数，例如 3120 或 92.5", en: "The value must be a non-negative number without its unit, such as 3120 or 92.5")
            case .tooManyDecimals: LocalizedText(zh: "最多保留 4 位小数", en: "At most four decimals")
            case .tooLarge: LocalizedText(zh: "数值过大", en: "The value is too large")
            case .percentOver100: LocalizedText(zh: "百分比不能超过 100", en: "A percentage cannot exceed 100")
            }
        }
    }

    /// Reads a value as a person types it ("3,120", " 92.50 ", "0.47") into exact decimal text ("3120",
    /// "92.50", "0.47"). Refuses negatives, units, more than four decimals and percentages over 100.
    public static func parse(_ text: String, percent: Bool = false) -> Result<String, ValueError> {
        var cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for separator in [",", "，", " "] { cleaned = cleaned.replacingOccurrences(of: separator, with: "") }
        guard !cleaned.isEmpty else { return .failure(.empty) }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { return .failure(.notANumber) }
        if parts.count == 2, parts[1].count > 4 { return .failure(.tooManyDecimals) }
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        guard whole.count <= 15 else { return .failure(.tooLarge) }
        let value = parts.count == 2 ? "\(whole).\(parts[1])" : whole
        if percent, let decimal = ExactDecimal(value), let hundred = ExactDecimal("100"), hundred < decimal {
            return .failure(.percentOver100)
        }
        return .success(value)
    }

    /// Compares two exact decimal texts; nil if either is not one.
    public static func compare(_ lhs: String, _ rhs: String) -> ComparisonResult? {
        guard let a = ExactDecimal(lhs), let b = ExactDecimal(rhs) else { return nil }
        return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
    }
}

import Foundation
