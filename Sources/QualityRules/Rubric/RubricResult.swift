/// A rubric applied to one enterprise: the score of every indicator with its caps applied, and each item
/// with the points it earned and why.
public struct RubricResult: Sendable, Hashable, Codable {
    public var title: LocalizedText
    public var citation: CitationReference
    public var score: Points
    public var maximum: Points
    public var groups: [GroupScore]
}

public struct GroupScore: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    public var score: Points
    public var maximum: Points
    public var indicators: [IndicatorScore]
}

public struct IndicatorScore: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    public var score: Points
    public var maximum: Points
    public var citation: CitationReference
    public var parts: [PartScore]
    /// "指标 2：7 分（上限 10 分）" with the capping spelled out when it bit.
    public var explanation: LocalizedText
}

public struct PartScore: Sendable, Hashable, Codable {
    public var id: String
    public var label: LocalizedText?
    public var mode: PartMode
    /// Before the cap.
    public var raw: Points
    public var cap: Points?
    public var score: Points
    public var items: [ItemScore]
}

public struct ItemScore: Sendable, Hashable, Codable {
    public var id: String
    public var label: LocalizedText
    public var points: Points
    /// Whether this item's points count towards the part (false for all but the best in a "highest" part).
    public var counted: Bool
    /// A needed finding that is still missing leaves the item at zero and says so.
    public var needsFinding: Bool
    public var explanation: LocalizedText
}
