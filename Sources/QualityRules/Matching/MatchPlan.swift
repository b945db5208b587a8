/// Programmes compiled for one day against one set of columns: every rule a column kernel, every record
/// query a predicate counted once per enterprise, every rubric item a sum of counts and flags.
///
/// Compiling is where the rules' parameters become data for the kernels: a region's prefixes become a
/// table over the interned division codes, "5 years or more" a last qualifying day, "近三年" a window of
/// day numbers. Nothing in the kernels knows a rule's meaning beyond what is compiled here, and
/// `Evaluator.evaluate` stays the reference the plan must agree with.
public struct MatchPlan: Sendable {
    public let date: CalendarDate
    public let programmes: [CompiledProgramme]
    let predicates: [RecordPredicate]
    let sources: [SourcePlan]
    let taxWindows: [YearSpan]
    let spotChecks: [SpotCheckAggregate]
    let ladders: [LadderAggregate]
    let kernels: [RuleKernel]
    let columnsIdentity: ObjectIdentifier

    /// Compiles `entries` (a catalog's, or a sandbox's drafts) for `date` against `columns`.
    public init(_ entries: [PolicyCatalog.Entry], on date: CalendarDate, columns: FactColumns,
                evaluateDrafts: Bool = false) {
        var compiler = PlanCompiler(columns: columns, date: date)
        let programmes = entries.map { compiler.compile($0.programme, of: $0.policy, evaluateDrafts: evaluateDrafts) }
        self.date = date
        self.programmes = programmes
        self.predicates = compiler.predicates
        self.sources = RecordSource.allCases.map { source in
            SourcePlan(source: source, predicates: compiler.predicates.enumerated().filter { $0.element.source == source }
                .map { (index: $0.offset, predicate: $0.element) })
        }
        self.taxWindows = compiler.taxWindows
        self.spotChecks = compiler.spotChecks
        self.ladders = compiler.ladders
        self.kernels = compiler.kernels
        self.columnsIdentity = ObjectIdentifier(columns)
    }

    public func programme(_ id: String) -> CompiledProgramme? { programmes.first { $0.id == id } }
}

/// One programme as the kernels run it.
public struct CompiledProgramme: Sendable {
    public let id: String
    public let policyID: String
    public let kind: ProgrammeKind
    public let inForce: Bool
    /// The engine can say something about an enterprise before it applies: some condition looks at its
    /// records, taxes, age or management (not only where it is registered and a panel's judgement).
    /// Programmes without one (004 items 1, 5, 6, 7, 8, 12, 13) leave every enterprise of the city
    /// "awaiting a finding", so matching lists no candidates for them.
    public let hasEvidence: Bool
    /// Conditions then exclusions, in the programme's order: rule id and the kernel slot computing it.
    let rules: [(id: String, kernel: Int)]
    let rubric: CompiledRubric?
    let award: CompiledAward?

    public var hasRubric: Bool { rubric != nil }
    public var ruleIDs: [String] { rules.map(\.id) }
}

/// Years `[first, last]` of a tax total, summed per enterprise.
struct YearSpan: Hashable, Sendable {
    var first: Int32
    var last: Int32
}

/// "连续三年…抽查中合格": a passed check in each year of the span and no failed spot check in it.
struct SpotCheckAggregate: Hashable, Sendable {
    var firstYear: Int32
    var years: Int
    var levels: UInt64
    var evaluationDay: Int32
}

/// People with titles of these fields at or above a level.
struct LadderAggregate: Hashable, Sendable {
    var fields: UInt64
    var minimumLevel: UInt8
}

/// The predicates of one record collection, in banks of 64 that one pass over the records counts at once.
struct SourcePlan: Sendable {
    let source: RecordSource
    let banks: [PredicateBank]

    init(source: RecordSource, predicates: [(index: Int, predicate: RecordPredicate)]) {
        self.source = source
        var banks: [PredicateBank] = []
        var start = 0
        while start < predicates.count {
            let slice = Array(predicates[start..<min(start + 64, predicates.count)])
            banks.append(PredicateBank(slice))
            start += 64
        }
        self.banks = banks
    }
}

/// Up to 64 predicates on one collection: per field, the predicates each value satisfies; per distinct
/// pair of date bounds, the predicates using it. A record matches the AND of those bit sets.
struct PredicateBank: Sendable {
    /// Five tables of 32 entries (f0…f4 ordinals).
    let tables: [UInt64]
    let windows: [(lo: RecordPredicate.Bounds, hi: RecordPredicate.Bounds, bits: UInt64)]
    /// Bit → index into the plan's predicates (and the rows of the count buffer).
    let targets: [Int]

    init(_ predicates: [(index: Int, predicate: RecordPredicate)]) {
        var tables = [UInt64](repeating: 0, count: 5 * 32)
        var windows: [(lo: RecordPredicate.Bounds, hi: RecordPredicate.Bounds, bits: UInt64)] = []
        for (bit, entry) in predicates.enumerated() {
            let flag = UInt64(1) << UInt64(bit)
            for field in 0..<5 {
                for value in 0..<32 where (entry.predicate.allowed[field] >> UInt64(value)) & 1 == 1 {
                    tables[field * 32 + value] |= flag
                }
            }
            if let existing = windows.firstIndex(where: { $0.lo == entry.predicate.lo && $0.hi == entry.predicate.hi }) {
                windows[existing].bits |= flag
            } else {
                windows.append((entry.predicate.lo, entry.predicate.hi, flag))
            }
        }
        self.tables = tables
        self.windows = windows
        self.targets = predicates.map(\.index)
    }
}

/// A condition or exclusion as a column kernel. Equal kernels (004's twenty "registered in Shenzhen")
/// share one slot and are computed once per enterprise.
enum RuleKernel: Hashable, Sendable {
    /// Met when `table[region id]`.
    case region([Bool])
    /// Met when `registeredOn <= lastDay`.
    case registeredBy(lastDay: Int32)
    case operatingStatus(mask: UInt64)
    case legalForm(mask: UInt64)
    case section([Bool])
    case chiefQualityOfficer(requireTrained: Bool)
    case taxTotal(window: Int, minimum: Int64)
    case atLeast(predicate: Int, count: Int)
    case none(predicate: Int)
    /// Nil when no enterprise has a finding under the key: every one needs it.
    case attestation(key: Int32?)
    /// Not met when a title of these programmes was revoked on a day in `(lastClear, day]`.
    case revocationBan(programmes: [Int32], lastClear: Int32, day: Int32)
}

struct CompiledRubric: Sendable {
    var total: Int
    var groups: [Group]

    struct Group: Sendable {
        var points: Int
        var indicators: [Indicator]
    }

    struct Indicator: Sendable {
        var points: Int
        var parts: [Part]
    }

    struct Part: Sendable {
        var cap: Int?
        var highest: Bool
        var items: [Item]
    }

    /// An item's earned points, in hundredths.
    enum Item: Sendable {
        /// `points` per sole record and `jointPoints` per joint one (`perRecord`), or the best of them once.
        case records(sole: Int, joint: Int?, points: Int, jointPoints: Int, perRecord: Bool)
        case practice(bit: UInt16, key: Int32?, points: Int)
        case qualityStaff(atLeast: Int32, points: Int)
        case trainedChiefQualityOfficer(points: Int)
        case ladder(aggregate: Int, from: Int64, points: Int)
        case spotChecks(aggregate: Int, points: Int)
        case attestation(key: Int32?, points: Int)
    }
}

/// The award rule and grant constraints, for matching without a claim (`AwardEvaluation` with `claim == nil`).
struct CompiledAward: Sendable {
    enum Amount: Sendable {
        case none
        case fixed(Int64)
        case cap(Int64)
        case perItemFixed(Int64)
        case perItemCap(Int64)
    }

    var amount: Amount
    var isGrant: Bool

    /// The amount one unit of the award is worth (see `ProgrammeResult.awardUnits`).
    var unitFen: Int64 {
        switch amount {
        case .none: 0
        case .fixed(let fen), .cap(let fen), .perItemFixed(let fen), .perItemCap(let fen): fen
        }
    }
    /// The predicate whose matches qualify (the per-item query, else the first `hasRecords` condition's).
    var qualifying: Int?
    var qualifyingSource: RecordSource?
    var perItem: Bool
    var perItemHasQuery: Bool
    var perYearLimit: Int?
    var firstTimeOnly: Bool
    var rankAndThreshold: Bool
    var noDoubleBenefit: Bool
    /// Ids in the columns' interners; nil when no enterprise's history names them.
    var programme: Int32?
    var policy: Int32?
    /// The matter "programme:<id>:<year>" used when nothing qualifies, if any grant names it.
    var fallbackMatter: Int32?
    var evaluationDay: Int32
    var evaluationYear: Int32
    /// For `secretariats` and `labs`, the day a match is dated when it carries none.
    var anchorDay: Int32
}
