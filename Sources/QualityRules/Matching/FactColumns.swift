/// Many enterprises' facts as a struct of arrays: the input of the matching fast path.
///
/// Every value a rule can test is a small integer here: enumerations by their position in `allCases`,
/// days by `CalendarDate.dayNumber`, strings (division codes, industry sections, attestation keys,
/// programme ids, funded matters) by an id from an `Interner`. Records (certificates, events, patents …)
/// sit in one `RecordTable` per collection, grouped by enterprise (`offsets[i] ..< offsets[i + 1]`).
///
/// Built with `FactColumns.Builder` from `EnterpriseFacts` — never from anything else, so the columns
/// can only say what the engine's own input says.
///
/// Inside, enterprises with nothing but a registration and taxes ("sparse": most of a city's registry)
/// are stored after all the others, so whole chunks of them skip the record kernels and the rubric.
/// Every public index is the caller's: the order the enterprises were appended in.
public final class FactColumns: @unchecked Sendable {
    public let count: Int
    /// Internal index of the first sparse enterprise.
    let sparseStart: Int
    /// Internal index → the caller's index, and back.
    let order: ColumnBuffer<Int32>
    let position: ColumnBuffer<Int32>

    // One value per enterprise.
    /// 18 ASCII bytes per enterprise: the unified social credit code, to name a row of the result.
    let creditCodes: ColumnBuffer<UInt8>
    let region: ColumnBuffer<Int32>
    let registeredOn: ColumnBuffer<Int32>
    let operatingStatus: ColumnBuffer<UInt8>
    let legalForm: ColumnBuffer<UInt8>
    let section: ColumnBuffer<Int32>
    /// Bit 0: a CQO is appointed; bit 1: the CQO is trained.
    let chiefQualityOfficer: ColumnBuffer<UInt8>
    let qualityStaff: ColumnBuffer<Int32>
    /// Bit n: `ManagementPractice.allCases[n]` is declared.
    let practices: ColumnBuffer<UInt16>

    /// The record collections, indexed by `RecordSource.rawValue`.
    let records: [RecordTable]
    let taxes: TaxTable
    let titles: ProfessionalTitleTable
    let attestations: AttestationTable
    let history: HistoryTable

    /// Division codes (effective: the registration's, else characters 3–8 of the credit code).
    public let regions: Interner
    /// GB/T 4754 section letters, as `Registration.industrySection` reads them.
    public let sections: Interner
    let attestationKeys: Interner
    /// Programme and policy ids named by titles and grants.
    let identifiers: Interner
    /// Matter keys of grants (`MatterKey`), and the matters of the records of enterprises that hold grants.
    let matters: Interner

    init(count: Int, sparseStart: Int, order: ColumnBuffer<Int32>, position: ColumnBuffer<Int32>, creditCodes: ColumnBuffer<UInt8>, region: ColumnBuffer<Int32>, registeredOn: ColumnBuffer<Int32>,
         operatingStatus: ColumnBuffer<UInt8>, legalForm: ColumnBuffer<UInt8>, section: ColumnBuffer<Int32>,
         chiefQualityOfficer: ColumnBuffer<UInt8>, qualityStaff: ColumnBuffer<Int32>, practices: ColumnBuffer<UInt16>,
         records: [RecordTable], taxes: TaxTable, titles: ProfessionalTitleTable, attestations: AttestationTable,
         history: HistoryTable, regions: Interner, sections: Interner, attestationKeys: Interner,
         identifiers: Interner, matters: Interner) {
        self.count = count
        self.sparseStart = sparseStart
        self.order = order
        self.position = position
        self.creditCodes = creditCodes
        self.region = region
        self.registeredOn = registeredOn
        self.operatingStatus = operatingStatus
        self.legalForm = legalForm
        self.section = section
        self.chiefQualityOfficer = chiefQualityOfficer
        self.qualityStaff = qualityStaff
        self.practices = practices
        self.records = records
        self.taxes = taxes
        self.titles = titles
        self.attestations = attestations
        self.history = history
        self.regions = regions
        self.sections = sections
        self.attestationKeys = attestationKeys
        self.identifiers = identifiers
        self.matters = matters
    }

    /// The credit code of enterprise `index`, as given in its facts.
    public func creditCode(_ index: Int) -> String {
        let inner = Int(position[index])
        return String(decoding: UnsafeBufferPointer(start: creditCodes.base + inner * 18, count: 18), as: UTF8.self)
    }

    /// Enterprises with records, titles, findings or a quality profile (the rest are sparse).
    public var detailedCount: Int { sparseStart }

    /// Bytes held by the columns (allocations, not counting the small interners).
    public var bytes: Int {
        let scalars = order.bytes + position.bytes + creditCodes.bytes + region.bytes + registeredOn.bytes + operatingStatus.bytes + legalForm.bytes
            + section.bytes + chiefQualityOfficer.bytes + qualityStaff.bytes + practices.bytes
        return scalars + records.reduce(0) { $0 + $1.bytes } + taxes.bytes + titles.bytes + attestations.bytes + history.bytes
    }

    /// How many records each collection holds, for the benchmark's report.
    public var recordCounts: [(name: String, count: Int)] {
        RecordSource.allCases.map { ($0.name, records[$0.rawValue].count) }
            + [("taxes", taxes.count), ("professionalTitles", titles.count), ("attestations", attestations.count),
               ("titles", history.titleCount), ("grants", history.grantCount)]
    }
}

/// The record collections a `RecordQuery` can name, in the order of `RecordQuery.sources`.
public enum RecordSource: Int, CaseIterable, Sendable {
    case certifications, events, patents, standards, secretariats, trademarks, awards, labs, projects

    var name: String { RecordQuery.sources[rawValue] }
}

/// One collection of records for every enterprise, in a shape shared by all collections so one predicate
/// loop serves them all. What each slot holds:
///
/// | source | f0 | f1 | f2 | f3 | f4 | lo | hi |
/// | --- | --- | --- | --- | --- | --- | --- | --- |
/// | certifications | type | | | | | validFrom | validTo (max: none) |
/// | events | kind | area | severity | outcome | level | date | year |
/// | patents | kind | jurisdiction | | | | grantedOn | |
/// | standards | level | role | | | | publishedOn | |
/// | secretariats | level | joint | | | | since (min: none) | until (max: none) |
/// | trademarks | jurisdiction | | | | | registeredOn | |
/// | awards | kind | level | | | | year | date (min: none) |
/// | labs | independent | cnas | | | | | |
/// | projects | level | kind | | | | year | |
final class RecordTable: @unchecked Sendable {
    let offsets = ColumnBuffer<Int32>()
    /// The (internal) enterprise of each record, so kernels walk records without walking enterprises.
    let owner = ColumnBuffer<Int32>()
    let f0 = ColumnBuffer<UInt8>()
    let f1 = ColumnBuffer<UInt8>()
    let f2 = ColumnBuffer<UInt8>()
    let f3 = ColumnBuffer<UInt8>()
    let f4 = ColumnBuffer<UInt8>()
    let lo = ColumnBuffer<Int32>()
    let hi = ColumnBuffer<Int32>()
    /// For records of enterprises that hold grants only: the record's matter id (or -1 when no grant names
    /// it) and its position in the order the engine lists matches in. Rare, so kept sparse.
    var extras: [Int32: RecordExtra] = [:]

    init() { offsets.append(0) }

    var count: Int { lo.count }

    func append(_ owner: Int32, _ f0: UInt8, _ f1: UInt8 = 0, _ f2: UInt8 = 0, _ f3: UInt8 = 0, _ f4: UInt8 = 0, lo: Int32, hi: Int32 = 0) {
        self.owner.append(owner)
        self.f0.append(f0)
        self.f1.append(f1)
        self.f2.append(f2)
        self.f3.append(f3)
        self.f4.append(f4)
        self.lo.append(lo)
        self.hi.append(hi)
    }

    func closeEnterprise() { offsets.append(Int32(lo.count)) }

    func trim() {
        for column in [f0, f1, f2, f3, f4] { column.trim() }
        lo.trim()
        hi.trim()
        owner.trim()
        offsets.trim()
    }

    var bytes: Int { offsets.bytes + owner.bytes + f0.bytes * 5 + lo.bytes + hi.bytes }
}

struct RecordExtra: Sendable {
    var matter: Int32
    var rank: Int32
}

/// Tax paid per calendar year.
final class TaxTable: @unchecked Sendable {
    let offsets = ColumnBuffer<Int32>()
    let year = ColumnBuffer<Int32>()
    let amount = ColumnBuffer<Int64>()
    init() { offsets.append(0) }
    var count: Int { year.count }
    var bytes: Int { offsets.bytes + year.bytes + amount.bytes }
}

/// Staff holding professional titles, by field and level.
final class ProfessionalTitleTable: @unchecked Sendable {
    let offsets = ColumnBuffer<Int32>()
    let owner = ColumnBuffer<Int32>()
    let field = ColumnBuffer<UInt8>()
    let level = ColumnBuffer<UInt8>()
    let people = ColumnBuffer<Int64>()
    init() { offsets.append(0) }
    var count: Int { field.count }
    var bytes: Int { offsets.bytes + owner.bytes + field.bytes + level.bytes + people.bytes }
}

/// Reviewer findings, one per key: the finding `EnterpriseFacts.attestation(_:)` returns for it.
final class AttestationTable: @unchecked Sendable {
    let offsets = ColumnBuffer<Int32>()
    let key = ColumnBuffer<Int32>()
    /// 1: met, 2: not met.
    let finding = ColumnBuffer<UInt8>()
    init() { offsets.append(0) }
    var count: Int { key.count }
    var bytes: Int { offsets.bytes + key.bytes + finding.bytes }
}

/// Titles held and grants received (the platform's own history).
final class HistoryTable: @unchecked Sendable {
    let titleOffsets = ColumnBuffer<Int32>()
    let titleProgramme = ColumnBuffer<Int32>()
    let titleGranted = ColumnBuffer<Int32>()
    /// `Int32.max` when the title was never revoked.
    let titleRevoked = ColumnBuffer<Int32>()
    let grantOffsets = ColumnBuffer<Int32>()
    let grantProgramme = ColumnBuffer<Int32>()
    let grantPolicy = ColumnBuffer<Int32>()
    let grantMatter = ColumnBuffer<Int32>()
    let grantDate = ColumnBuffer<Int32>()
    let grantYear = ColumnBuffer<Int32>()

    init() {
        titleOffsets.append(0)
        grantOffsets.append(0)
    }

    var titleCount: Int { titleProgramme.count }
    var grantCount: Int { grantProgramme.count }
    var bytes: Int {
        titleOffsets.bytes + titleProgramme.bytes * 3 + grantOffsets.bytes + grantProgramme.bytes * 5
    }
}
