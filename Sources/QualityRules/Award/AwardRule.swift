/// What a programme gives and the constraints on giving it, as written in the seeds.
public struct AwardRule: Sendable, Hashable {
    public var amount: AwardAmount
    public var citation: Citation
    /// 首次获评 / 初次通过: only the first time. For a grant programme a repeat is not eligible; for a
    /// recognition with a grant attached (002) the title is still awarded, the money is not.
    public var firstTimeOnly: Citation?
    /// 004 item 10: a score of at least `minimumPercent` of the maximum and a rank within `maxRank`.
    public var rankAndThreshold: RankAndThreshold?
    /// Non-monetary benefits (000: plaque, certificate, publicity, fast lanes), for the explanation.
    public var benefits: [LocalizedText]
}

public enum AwardAmount: Sendable, Hashable {
    /// An honour without money (000: "颁发奖牌和证书").
    case honour
    /// Exactly this amount.
    case fixed(Money)
    /// "最高 N 万元" / "N 万元至 M 万元": an officer decides within the range and gives a reason.
    case upTo(MoneyRange)
    /// So much per certificate or project ("每获一张认证证书，予以不超过5万元"), at most `perYearLimit` a year.
    case perItem(PerItemAward)
    /// By grade or by matter ("按三个等次分别予以200万元、100万元和50万元").
    case tiers([AwardTier])
    /// "按规定予以扶持": the amount is set by other rules, not this document.
    case asRegulated

    public static let names = ["honour", "fixed", "upTo", "perItem", "tiers", "asRegulated"]
}

/// `minimum` is nil for "最高 N 万元" (anything up to the cap).
public struct MoneyRange: Sendable, Hashable, Codable {
    public var minimum: Money?
    public var maximum: Money

    public func contains(_ amount: Money) -> Bool {
        amount <= maximum && amount >= (minimum ?? Money(fen: 1))
    }
}

public struct PerItemAward: Sendable, Hashable {
    /// What one item is: "张认证证书" / "certificate".
    public var unit: LocalizedText
    /// Fixed per item (`range.minimum == range.maximum`) or up to `range.maximum` each.
    public var each: AwardEach
    /// 每家企业每年资助不超过 N 项.
    public var perYearLimit: Int?
    /// Which records are items; nil when items are projects named by the claim.
    public var items: RecordQuery?
}

public enum AwardEach: Sendable, Hashable {
    case fixed(Money)
    case upTo(Money)

    public var cap: Money {
        switch self {
        case .fixed(let amount), .upTo(let amount): amount
        }
    }
}

public struct AwardTier: Sendable, Hashable {
    public var key: String
    public var label: LocalizedText
    public var amount: TierAmount
}

public enum TierAmount: Sendable, Hashable {
    case fixed(Money)
    case upTo(MoneyRange)
}

public struct RankAndThreshold: Sendable, Hashable {
    /// "总分50%（含）以上": inclusive.
    public var minimumPercent: Int
    /// "排名前15": ranks 1…15.
    public var maxRank: Int
    public var citation: Citation
}
