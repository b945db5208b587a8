/// A city quality indicator with its target (001: "到2015年…"), for the dashboard to compare with actuals.
public struct TargetIndicator: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var unit: LocalizedText
    /// Exact decimal text as the document states it ("0.47", "19.4", "3000").
    public var target: String
    public var direction: TargetDirection
    /// The year the target is for, or nil for a standing yearly target ("每年…不少于150个").
    public var targetYear: Int?
    public var perYear: Bool
    public var departments: [LocalizedText]
    /// Whether the seed names the departments or they are inferred (001's task breakdown annex is missing).
    public var departmentsBasis: DepartmentsBasis
    public var citation: Citation

    /// Whether `actual` (in the indicator's unit, as exact decimal text) meets the target.
    public func isMet(by actual: String) -> Bool? {
        guard let value = ExactDecimal(actual), let goal = ExactDecimal(target) else { return nil }
        switch direction {
        case .atLeast: return value >= goal
        case .atMost: return value <= goal
        case .approximately: return nil
        }
    }
}

public enum TargetDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// ≥: "达到…以上", "超过", "不少于".
    case atLeast
    /// ≤: energy and water per 万元 GDP, accidents.
    case atMost
    /// "左右": a goal without a strict bound.
    case approximately

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .approximately: "≈"
        }
    }
}

public enum DepartmentsBasis: String, Sendable, Hashable, Codable, CaseIterable {
    case stated, inferred
}

/// A non-negative decimal compared exactly (scaled to a common number of decimals), without Double.
struct ExactDecimal: Comparable {
    let whole: String
    let fraction: String

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { return nil }
        whole = String(parts[0].drop { $0 == "0" })
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        self.fraction = fraction
    }

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.whole.count != rhs.whole.count { return lhs.whole.count < rhs.whole.count }
        if lhs.whole != rhs.whole { return lhs.whole < rhs.whole }
        let width = max(lhs.fraction.count, rhs.fraction.count)
        return lhs.fraction.padding(toLength: width, withPad: "0", startingAt: 0)
            < rhs.fraction.padding(toLength: width, withPad: "0", startingAt: 0)
    }

    static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.whole == rhs.whole && lhs.fraction == rhs.fraction }
}

import Foundation
