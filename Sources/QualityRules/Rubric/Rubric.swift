/// A scoring rubric as data: indicator groups (一级指标) of indicators (二级指标), each made of parts with
/// a cap ("累计不超过"), each part a list of scoring items. 002's annex is one; 000's missing annex can be
/// written in the same format by the secretariat without any change to the code.
public struct Rubric: Sendable, Hashable {
    public var title: LocalizedText
    public var citation: Citation
    public var totalPoints: Points
    public var groups: [IndicatorGroup]
}

public struct IndicatorGroup: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var points: Points
    public var indicators: [Indicator]
}

public struct Indicator: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    /// The indicator's 分值; the indicator's score never exceeds it.
    public var points: Points
    public var citation: Citation
    public var parts: [RubricPart]
    /// What the enterprise submits as evidence (材料).
    public var materials: [LocalizedText]
}

public struct RubricPart: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText?
    /// "上述分值累计不超过 5 分"; nil when only the indicator's own points bound it.
    public var cap: Points?
    public var mode: PartMode
    public var items: [RubricItem]
}

public enum PartMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Add up every item that scores.
    case sum
    /// "只计最高级别": only the best-scoring item counts.
    case highest
}

public struct RubricItem: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    public var points: Points
    public var measure: Measure
}

/// What an item looks at. A closed set, like rule kinds.
public enum Measure: Sendable, Hashable {
    /// Matching records score `points` each (`perRecord`) or once (`once`); joint records may score half.
    case records(RecordQuery, count: RecordCounting, jointHalf: Bool)
    /// A declared management practice; a reviewer's attestation under the practice's name overrides it.
    case practice(ManagementPractice)
    /// At least this many full-time quality staff.
    case qualityStaff(atLeast: Int)
    /// An appointed CQO holding the training certificate.
    case trainedChiefQualityOfficer
    /// People with titles of these fields at or above `minimumLevel`: `points` at `from` people, and
    /// `points` more for each person beyond ("3 名得 1 分，3 名以上每增加 1 名得 1 分").
    case titleLadder(fields: [TitleField], minimumLevel: TitleLevel, from: Int)
    /// Passed spot checks (or commissioned tests) in each of the `years` calendar years before the
    /// application year, and no failed one in them ("连续三年…抽查中合格").
    case cleanSpotChecks(years: Int, levels: [AdministrativeLevel])
    /// A judgement the expert panel records as an attestation under `key`.
    case attestation(key: String)

    public static let names = ["records", "practice", "qualityStaff", "trainedChiefQualityOfficer",
                               "titleLadder", "cleanSpotChecks", "attestation"]
}

public enum RecordCounting: String, Sendable, Hashable, Codable, CaseIterable {
    case perRecord, once
}
