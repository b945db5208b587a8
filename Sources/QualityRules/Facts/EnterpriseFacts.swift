/// What the rules read about one enterprise. Described by `docs/facts.schema.json` and `docs/facts.md`.
///
/// Facts come from the registry import, from the application form and from the platform's own history;
/// the engine never looks anything up itself, so the same facts always give the same evaluation.
/// Absent collections mean "none known": an empty list of penalties is a statement the platform makes.
public struct EnterpriseFacts: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var registration: Registration
    public var certifications: [Certification]
    public var taxes: [TaxYear]
    public var events: [Event]
    public var patents: [Patent]
    public var standards: [DraftedStandard]
    public var secretariats: [Secretariat]
    public var trademarks: [Trademark]
    public var awards: [AwardRecord]
    public var labs: [Lab]
    public var projects: [Project]
    public var staff: Staff
    public var chiefQualityOfficer: ChiefQualityOfficer
    public var practices: [ManagementPractice]
    public var attestations: [Attestation]
    public var history: History

    public init(
        registration: Registration,
        certifications: [Certification] = [], taxes: [TaxYear] = [], events: [Event] = [],
        patents: [Patent] = [], standards: [DraftedStandard] = [], secretariats: [Secretariat] = [],
        trademarks: [Trademark] = [], awards: [AwardRecord] = [], labs: [Lab] = [], projects: [Project] = [],
        staff: Staff = Staff(), chiefQualityOfficer: ChiefQualityOfficer = ChiefQualityOfficer(),
        practices: [ManagementPractice] = [], attestations: [Attestation] = [], history: History = History()
    ) {
        self.schemaVersion = EnterpriseFacts.currentSchemaVersion
        self.registration = registration
        self.certifications = certifications
        self.taxes = taxes
        self.events = events
        self.patents = patents
        self.standards = standards
        self.secretariats = secretariats
        self.trademarks = trademarks
        self.awards = awards
        self.labs = labs
        self.projects = projects
        self.staff = staff
        self.chiefQualityOfficer = chiefQualityOfficer
        self.practices = practices
        self.attestations = attestations
        self.history = history
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, registration, certifications, taxes, events, patents, standards, secretariats,
             trademarks, awards, labs, projects, staff, chiefQualityOfficer, practices, attestations, history
    }

    /// Everything but `registration` may be left out of the JSON; absent means empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? EnterpriseFacts.currentSchemaVersion
        registration = try c.decode(Registration.self, forKey: .registration)
        certifications = try c.decodeIfPresent([Certification].self, forKey: .certifications) ?? []
        taxes = try c.decodeIfPresent([TaxYear].self, forKey: .taxes) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        patents = try c.decodeIfPresent([Patent].self, forKey: .patents) ?? []
        standards = try c.decodeIfPresent([DraftedStandard].self, forKey: .standards) ?? []
        secretariats = try c.decodeIfPresent([Secretariat].self, forKey: .secretariats) ?? []
        trademarks = try c.decodeIfPresent([Trademark].self, forKey: .trademarks) ?? []
        awards = try c.decodeIfPresent([AwardRecord].self, forKey: .awards) ?? []
        labs = try c.decodeIfPresent([Lab].self, forKey: .labs) ?? []
        projects = try c.decodeIfPresent([Project].self, forKey: .projects) ?? []
        staff = try c.decodeIfPresent(Staff.self, forKey: .staff) ?? Staff()
        chiefQualityOfficer = try c.decodeIfPresent(ChiefQualityOfficer.self, forKey: .chiefQualityOfficer)
            ?? ChiefQualityOfficer()
        practices = try c.decodeIfPresent([ManagementPractice].self, forKey: .practices) ?? []
        attestations = try c.decodeIfPresent([Attestation].self, forKey: .attestations) ?? []
        history = try c.decodeIfPresent(History.self, forKey: .history) ?? History()
    }

    /// The reviewer's latest finding on `key`, if any. Later findings supersede earlier ones.
    public func attestation(_ key: String) -> Attestation? {
        attestations.filter { $0.key == key }.max { ($0.on, $0.by) < ($1.on, $1.by) }
    }

    public func tax(year: Int) -> Money? {
        let amounts = taxes.filter { $0.year == year }
        return amounts.isEmpty ? nil : amounts.reduce(Money.zero) { $0 + $1.amount }
    }
}

public struct Registration: Sendable, Hashable, Codable {
    public var creditCode: CreditCode
    public var name: String
    /// Six-digit administrative division code (440304 福田区); defaults to characters 3–8 of the credit code.
    public var divisionCode: String?
    public var city: String?
    public var district: String?
    public var registeredOn: CalendarDate
    public var legalForm: LegalForm
    /// GB/T 4754-2017 code: section letter plus up to four digits ("C3981", "C39", "C").
    public var industryCode: String
    public var operatingStatus: OperatingStatus

    public init(creditCode: CreditCode, name: String, divisionCode: String? = nil, city: String? = nil,
                district: String? = nil, registeredOn: CalendarDate, legalForm: LegalForm,
                industryCode: String, operatingStatus: OperatingStatus = .active) {
        self.creditCode = creditCode
        self.name = name
        self.divisionCode = divisionCode
        self.city = city
        self.district = district
        self.registeredOn = registeredOn
        self.legalForm = legalForm
        self.industryCode = industryCode
        self.operatingStatus = operatingStatus
    }

    public var effectiveDivisionCode: String { divisionCode ?? creditCode.divisionCode }

    /// The GB/T 4754 section (门类) letter: "C" is manufacturing (制造业).
    public var industrySection: String { String(industryCode.prefix(1)) }
}

public struct Staff: Sendable, Hashable, Codable {
    /// 专职质量管理人员.
    public var fullTimeQualityStaff: Int
    public var professionalTitles: [ProfessionalTitles]

    public init(fullTimeQualityStaff: Int = 0, professionalTitles: [ProfessionalTitles] = []) {
        self.fullTimeQualityStaff = fullTimeQualityStaff
        self.professionalTitles = professionalTitles
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fullTimeQualityStaff = try c.decodeIfPresent(Int.self, forKey: .fullTimeQualityStaff) ?? 0
        professionalTitles = try c.decodeIfPresent([ProfessionalTitles].self, forKey: .professionalTitles) ?? []
    }
}

/// How many people hold a professional title of one field and level (职称).
public struct ProfessionalTitles: Sendable, Hashable, Codable {
    public var field: TitleField
    public var level: TitleLevel
    public var count: Int

    public init(field: TitleField, level: TitleLevel, count: Int) {
        self.field = field
        self.level = level
        self.count = count
    }
}

/// 首席质量官.
public struct ChiefQualityOfficer: Sendable, Hashable, Codable {
    /// The enterprise has a CQO system and has appointed one (000 clause 2(2)).
    public var appointed: Bool
    /// The appointed CQO holds the CQO training certificate (002 indicator 10).
    public var trained: Bool

    public init(appointed: Bool = false, trained: Bool = false) {
        self.appointed = appointed
        self.trained = trained
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        appointed = try c.decodeIfPresent(Bool.self, forKey: .appointed) ?? false
        trained = try c.decodeIfPresent(Bool.self, forKey: .trained) ?? false
    }
}

/// A reviewer's finding on a clause that needs human judgement ("财务状况良好").
public struct Attestation: Sendable, Hashable, Codable {
    /// The rule's attestation key, e.g. `financialSoundness` (listed per programme in `docs/rules.md`).
    public var key: String
    public var finding: Finding
    /// Who made the finding (an account id or name).
    public var by: String
    public var on: CalendarDate
    public var note: String?

    public init(key: String, finding: Finding, by: String, on: CalendarDate, note: String? = nil) {
        self.key = key
        self.finding = finding
        self.by = by
        self.on = on
        self.note = note
    }
}
