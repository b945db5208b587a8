/// What an application for money asks, and what the officer decided, for the parts of an award the
/// facts cannot settle by themselves. Absent for a plain eligibility check (matching).
public struct GrantClaim: Sendable, Hashable, Codable {
    /// The matters applied for (`MatterKey`): certificates for per-certificate items, the award or project
    /// otherwise. When nil, the engine takes them from the qualifying records.
    public var matters: [String]?
    /// The tier or matter key of a tiered award ("first", "tcsc").
    public var tier: String?
    /// The officer's amount for an "up to" award; must lie within the cap and come with a reason.
    public var officerAmount: Money?
    public var reason: String?
    /// 004 item 10: the GB/T 19580 score, the maximum it is out of, and the rank in that year's evaluation.
    public var score: Int?
    public var maximumScore: Int?
    public var rank: Int?

    public init(matters: [String]? = nil, tier: String? = nil, officerAmount: Money? = nil, reason: String? = nil,
                score: Int? = nil, maximumScore: Int? = nil, rank: Int? = nil) {
        self.matters = matters
        self.tier = tier
        self.officerAmount = officerAmount
        self.reason = reason
        self.score = score
        self.maximumScore = maximumScore
        self.rank = rank
    }
}

/// The award as evaluated: what kind, how much (or up to how much), and why.
public struct AwardResult: Sendable, Hashable, Codable {
    public var kind: String
    /// The amount payable, when the rules and the claim settle it.
    public var amount: Money?
    /// The most that may be paid, for "up to" awards that still need the officer's decision.
    public var cap: Money?
    public var minimum: Money?
    /// Items counted for a per-item award.
    public var items: [String]?
    public var tier: String?
    /// True when an officer must still decide the amount (within `cap`) or the tier.
    public var needsOfficerDecision: Bool
    /// True when the money is withheld though the programme's verdict stands (002 after the first time).
    public var withheld: Bool
    public var explanation: LocalizedText
    public var benefits: [LocalizedText]
    public var citation: CitationReference
}
