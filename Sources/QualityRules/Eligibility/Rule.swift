/// One condition or exclusion of a programme, with the clause it comes from.
///
/// A clause of the document may become several rules ("在深圳市登记注册…5年以上…具有法人资格" is three
/// tests), each citing the same clause, so each result can say exactly what passed and what did not.
public struct Rule: Sendable, Hashable, Identifiable {
    public var id: String
    /// What the rule requires, phrased as a requirement: "近三年无行政处罚" / "No penalty in the last three years".
    public var label: LocalizedText
    public var citation: Citation
    public var kind: RuleKind

    public init(id: String, label: LocalizedText, citation: Citation, kind: RuleKind) {
        self.id = id
        self.label = label
        self.citation = citation
        self.kind = kind
    }
}

/// The closed vocabulary of conditions. Adding a kind is a code change on purpose: each kind must be
/// explainable, testable and compilable to columns; everything else (thresholds, lists, windows) is data.
public enum RuleKind: Sendable, Hashable {
    /// Registered in a region: the division code starts with one of these prefixes ("4403" Shenzhen).
    case registeredInRegion(RegionRequirement)
    /// Registered at least this many years before the evaluation day ("5年以上" includes exactly five).
    case registeredForYears(Int)
    case operatingStatus([OperatingStatus])
    case legalForm([LegalForm])
    /// GB/T 4754 sections (门类): "C" is manufacturing.
    case industry([String])
    /// A chief quality officer system with an appointed CQO (and, if asked, a trained one).
    case chiefQualityOfficer(requireTrained: Bool)
    /// Tax paid in the calendar years before the application year adds up to at least the minimum.
    case taxTotal(TaxRequirement)
    /// At least `atLeast` records match.
    case hasRecords(RecordQuery, atLeast: Int)
    /// No record matches (an exclusion: "近三年无…").
    case noRecords(RecordQuery)
    /// Needs human judgement: settled only by a reviewer's attestation under this key.
    case attestation(key: String)
    /// No revoked title of these programmes within the ban ("取消资格，且三年内不得重新申请").
    case revocationBan(RevocationBan)

    public static let names = ["registeredInRegion", "registeredForYears", "operatingStatus", "legalForm",
                               "industry", "chiefQualityOfficer", "taxTotal", "hasRecords", "noRecords",
                               "attestation", "revocationBan"]
}

public struct RegionRequirement: Sendable, Hashable {
    public var divisionCodePrefixes: [String]
    public var name: LocalizedText
}

public struct TaxRequirement: Sendable, Hashable {
    /// How many calendar years before the application year are added up ("三年纳税总额": 3).
    public var years: Int
    public var minimum: Money
}

public struct RevocationBan: Sendable, Hashable {
    public var years: Int
    /// Programme ids whose revocation counts; empty means the programme the rule belongs to.
    public var programmes: [String]
}

/// A rule's outcome. "met" always means the requirement is satisfied: for an exclusion, that the barring
/// circumstance is absent.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case met
    case notMet
    /// Needs a reviewer's finding (or, for a grant, a decision only an officer can supply).
    case needsFinding
}

public enum RuleRole: String, Sendable, Codable {
    case condition, exclusion, constraint
}

/// One line of an evaluation: what was tested, against which clause, with what result and why.
public struct RuleResult: Sendable, Hashable, Codable {
    public var id: String
    public var role: RuleRole
    public var outcome: Outcome
    public var label: LocalizedText
    public var citation: CitationReference
    /// Cites the clause and shows the numbers: "近三年纳税总额 2,800 万元，低于 3,500 万元（第二条第四项）".
    public var explanation: LocalizedText
    /// For attestations: the finding that settled it.
    public var attestation: Attestation?

    public init(id: String, role: RuleRole, outcome: Outcome, label: LocalizedText, citation: CitationReference,
                explanation: LocalizedText, attestation: Attestation? = nil) {
        self.id = id
        self.role = role
        self.outcome = outcome
        self.label = label
        self.citation = citation
        self.explanation = explanation
        self.attestation = attestation
    }
}
