/// The dated records in `EnterpriseFacts`. Each knows the day it counts from, which look-back windows use.

public struct Certification: Sendable, Hashable, Codable {
    public var type: CertificationType
    public var number: String
    public var issuer: String?
    public var validFrom: CalendarDate
    /// Nil for a certificate without expiry.
    public var validTo: CalendarDate?

    public init(type: CertificationType, number: String, issuer: String? = nil,
                validFrom: CalendarDate, validTo: CalendarDate? = nil) {
        self.type = type
        self.number = number
        self.issuer = issuer
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isValid(on date: CalendarDate) -> Bool {
        DayRange(start: validFrom, end: validTo).contains(date)
    }
}

/// Tax paid in one calendar year, in fen.
public struct TaxYear: Sendable, Hashable, Codable {
    public var year: Int
    public var amount: Money

    public init(year: Int, amount: Money) {
        self.year = year
        self.amount = amount
    }
}

/// A penalty, accident, complaint, spot check or other record from the credit file.
public struct Event: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var kind: EventKind
    public var area: EventArea
    public var severity: Severity
    public var outcome: EventOutcome
    /// Who acted: the level of the authority that imposed, checked or recorded it.
    public var level: AdministrativeLevel
    public var reference: String?
    public var note: String?

    public init(date: CalendarDate, kind: EventKind, area: EventArea, severity: Severity = .general,
                outcome: EventOutcome = .decided, level: AdministrativeLevel = .municipal,
                reference: String? = nil, note: String? = nil) {
        self.date = date
        self.kind = kind
        self.area = area
        self.severity = severity
        self.outcome = outcome
        self.level = level
        self.reference = reference
        self.note = note
    }
}

public struct Patent: Sendable, Hashable, Codable {
    public var number: String?
    public var kind: PatentKind
    public var jurisdiction: Jurisdiction
    public var grantedOn: CalendarDate

    public init(number: String? = nil, kind: PatentKind, jurisdiction: Jurisdiction, grantedOn: CalendarDate) {
        self.number = number
        self.kind = kind
        self.jurisdiction = jurisdiction
        self.grantedOn = grantedOn
    }
}

/// A published standard the enterprise is named in as a drafting unit.
public struct DraftedStandard: Sendable, Hashable, Codable {
    public var number: String?
    public var level: StandardLevel
    public var role: DraftingRole
    public var publishedOn: CalendarDate

    public init(number: String? = nil, level: StandardLevel, role: DraftingRole, publishedOn: CalendarDate) {
        self.number = number
        self.level = level
        self.role = role
        self.publishedOn = publishedOn
    }
}

/// A TC/SC secretariat the enterprise holds (专业标准化技术委员会秘书处).
public struct Secretariat: Sendable, Hashable, Codable {
    public var committee: String?
    public var level: AdministrativeLevel
    /// 联合承担: shared with another body, which halves the points in 002's rubric.
    public var joint: Bool
    public var since: CalendarDate?
    /// Nil while it still holds it.
    public var until: CalendarDate?

    public init(committee: String? = nil, level: AdministrativeLevel, joint: Bool = false,
                since: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.committee = committee
        self.level = level
        self.joint = joint
        self.since = since
        self.until = until
    }
}

public struct Trademark: Sendable, Hashable, Codable {
    public var number: String?
    public var jurisdiction: Jurisdiction
    public var registeredOn: CalendarDate

    public init(number: String? = nil, jurisdiction: Jurisdiction, registeredOn: CalendarDate) {
        self.number = number
        self.jurisdiction = jurisdiction
        self.registeredOn = registeredOn
    }
}

public struct AwardRecord: Sendable, Hashable, Codable {
    public var kind: AwardKind
    public var name: String?
    public var level: AdministrativeLevel
    public var year: Int
    public var date: CalendarDate?

    public init(kind: AwardKind, name: String? = nil, level: AdministrativeLevel, year: Int, date: CalendarDate? = nil) {
        self.kind = kind
        self.name = name
        self.level = level
        self.year = year
        self.date = date
    }
}

public struct Lab: Sendable, Hashable, Codable {
    public var name: String?
    /// 独立的检验室.
    public var independent: Bool
    /// Accredited by CNAS.
    public var cnas: Bool

    public init(name: String? = nil, independent: Bool, cnas: Bool = false) {
        self.name = name
        self.independent = independent
        self.cnas = cnas
    }
}

public struct Project: Sendable, Hashable, Codable {
    public var name: String?
    public var level: AdministrativeLevel
    public var kind: ProjectKind
    /// The year the project was undertaken (立项).
    public var year: Int

    public init(name: String? = nil, level: AdministrativeLevel, kind: ProjectKind, year: Int) {
        self.name = name
        self.level = level
        self.kind = kind
        self.year = year
    }
}
