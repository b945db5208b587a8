/// 质量信用等级: the grade of an enterprise's quality credit file, from A (best) to D (worst).
///
/// 001 asks for "质量信用等级评价…对企业实行分级分类管理" without defining the grades; what each grade
/// means for supervision is this platform's proposal, stated in `docs/credit-grade.md`.
public enum CreditGrade: String, Sendable, Codable, CaseIterable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// Worse is greater: the grade of a file is the greatest grade any finding sets.
    public static func < (lhs: CreditGrade, rhs: CreditGrade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var letter: String { rawValue }

    public var label: LocalizedText {
        switch self {
        case .a: LocalizedText(zh: "A 级（守信）", en: "A (trustworthy)")
        case .b: LocalizedText(zh: "B 级（基本守信）", en: "B (generally trustworthy)")
        case .c: LocalizedText(zh: "C 级（失信警示）", en: "C (warning)")
        case .d: LocalizedText(zh: "D 级（严重失信）", en: "D (seriously untrustworthy)")
        }
    }

    /// What graded supervision (分级分类管理) proposes for the grade.
    public var supervision: LocalizedText {
        switch self {
        case .a: LocalizedText(zh: "可适当降低监督抽查频次，优先推荐参评质量荣誉", en: "Spot checks may be less frequent; first in line for quality honours")
        case .b: LocalizedText(zh: "常规监管", en: "Routine supervision")
        case .c: LocalizedText(zh: "列为重点监管对象，提高监督抽查频次", en: "Closer supervision and more frequent spot checks")
        case .d: LocalizedText(zh: "严格监管，依法实施联合惩戒，不推荐参评质量荣誉", en: "Strict supervision and joint sanctions under the law; not recommended for quality honours")
        }
    }
}
