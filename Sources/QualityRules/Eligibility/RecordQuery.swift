/// A question about one collection of facts: "valid ISO 9001 certificates", "major accidents in the last
/// three years". The vocabulary is closed and every field is a typed set or a window, so a query can be
/// compiled to column comparisons later (issue 8) without reading any code but this.
public enum RecordQuery: Sendable, Hashable {
    case certifications(CertificationQuery)
    case events(EventQuery)
    case patents(PatentQuery)
    case standards(StandardQuery)
    case secretariats(SecretariatQuery)
    case trademarks(TrademarkQuery)
    case awards(AwardQuery)
    case labs(LabQuery)
    case projects(ProjectQuery)

    public static let sources = ["certifications", "events", "patents", "standards", "secretariats",
                                 "trademarks", "awards", "labs", "projects"]

    /// The look-back window, if the query has one (exclusions must).
    public var lookBack: LookBack? {
        switch self {
        case .certifications: nil
        case .events(let q): q.within
        case .patents(let q): q.within
        case .standards(let q): q.within
        case .secretariats: nil
        case .trademarks: nil
        case .awards(let q): q.within
        case .labs: nil
        case .projects(let q): q.within
        }
    }
}

/// One record a query found, in the shape explanations and award rules need.
public struct MatchedRecord: Sendable, Hashable {
    /// "ISO 9001 证书 Q123（有效期至 2026-01-01）" / "ISO 9001 certificate Q123 (valid to 2026-01-01)".
    public var description: LocalizedText
    /// The day the record counts from (granted, published, happened; 1 January for records with only a year).
    public var date: CalendarDate
    /// 联合承担.
    public var joint: Bool
    /// The matter a grant for this record would fund; see `MatterKey`.
    public var matter: String
}

/// Valid on the anchor day (an expired or not-yet-valid certificate does not count).
public struct CertificationQuery: Sendable, Hashable {
    public var types: [CertificationType]
    public var validOn: Anchor = .evaluationDate
}

public struct EventQuery: Sendable, Hashable {
    public var kinds: [EventKind]
    public var areas: [EventArea]?
    public var severities: [Severity]?
    public var outcomes: [EventOutcome]?
    public var levels: [AdministrativeLevel]?
    public var within: LookBack?
}

public struct PatentQuery: Sendable, Hashable {
    public var kinds: [PatentKind]?
    public var jurisdictions: [Jurisdiction]?
    public var within: LookBack?
}

public struct StandardQuery: Sendable, Hashable {
    public var levels: [StandardLevel]?
    public var roles: [DraftingRole]?
    public var within: LookBack?
}

/// Held on the anchor day.
public struct SecretariatQuery: Sendable, Hashable {
    public var levels: [AdministrativeLevel]?
    public var heldOn: Anchor = .evaluationDate
}

public struct TrademarkQuery: Sendable, Hashable {
    public var jurisdictions: [Jurisdiction]?
    /// "自主注册 5 年以上": registered at least this many whole years before the anchor day.
    public var registeredAtLeastYears: Int?
    public var anchor: Anchor = .evaluationDate
}

/// Awards carry a year; a window counts years ("近五年" = the anchor's year and the five before it).
public struct AwardQuery: Sendable, Hashable {
    public var kinds: [AwardKind]?
    public var levels: [AdministrativeLevel]?
    public var within: LookBack?
}

public struct LabQuery: Sendable, Hashable {
    public var independent: Bool?
    public var cnas: Bool?
}

public struct ProjectQuery: Sendable, Hashable {
    public var levels: [AdministrativeLevel]?
    public var kinds: [ProjectKind]?
    public var within: LookBack?
}
