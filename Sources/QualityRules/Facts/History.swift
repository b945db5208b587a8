/// What the platform itself knows about an enterprise's past: titles it held and grants it received.
/// Needed for re-application bans, first-time-only grants, per-year caps and no-double-benefit.
public struct History: Sendable, Hashable, Codable {
    public var titles: [TitleRecord]
    public var grants: [GrantRecord]

    public init(titles: [TitleRecord] = [], grants: [GrantRecord] = []) {
        self.titles = titles
        self.grants = grants
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        titles = try c.decodeIfPresent([TitleRecord].self, forKey: .titles) ?? []
        grants = try c.decodeIfPresent([GrantRecord].self, forKey: .grants) ?? []
    }
}

public struct TitleRecord: Sendable, Hashable, Codable {
    public var programme: String
    public var grantedOn: CalendarDate
    public var validTo: CalendarDate?
    /// 取消资格: the title was taken away (and, in 002, no re-application for three years).
    public var revokedOn: CalendarDate?
    public var revocationReason: String?
    /// 终止资格: ended without blame (the enterprise asked, stopped trading); no ban follows.
    public var terminatedOn: CalendarDate?

    public init(programme: String, grantedOn: CalendarDate, validTo: CalendarDate? = nil,
                revokedOn: CalendarDate? = nil, revocationReason: String? = nil, terminatedOn: CalendarDate? = nil) {
        self.programme = programme
        self.grantedOn = grantedOn
        self.validTo = validTo
        self.revokedOn = revokedOn
        self.revocationReason = revocationReason
        self.terminatedOn = terminatedOn
    }
}

public struct GrantRecord: Sendable, Hashable, Codable {
    public var programme: String
    public var policy: String
    /// What was funded, in the convention of `MatterKey` ("certificate:CN-GP-2023-001", "award:chinaQualityAward:2023").
    public var matter: String
    public var date: CalendarDate
    public var amount: Money

    public init(programme: String, policy: String, matter: String, date: CalendarDate, amount: Money) {
        self.programme = programme
        self.policy = policy
        self.matter = matter
        self.date = date
        self.amount = amount
    }
}
