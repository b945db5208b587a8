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
    /// Read by a rubric or an award, so counted for every enterprise; the others only decide rules and
    /// are counted only for enterprises still in the running (see `ChunkEvaluator.prepare`).
    let sharedPredicates: [Bool]
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
        var shared = [Bool](repeating: false, count: compiler.predicates.count)
        for programme in programmes {
            if let index = programme.award?.qualifying { shared[index] = true }
            for group in programme.rubric?.groups ?? [] {
                for item in group.indicators.flatMap(\.parts).flatMap(\.items) {
                    if case .records(let sole, let joint, _, _, _) = item {
                        shared[sole] = true
                        if let joint { shared[joint] = true }
                    }
                }
            }
        }
        self.sharedPredicates = shared
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
    /// At least 1 (the rubric decoder's range): a sparse enterprise never earns it.
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

/// Up to 64 predicates on one collection, counted in one pass over its records: per field, the predicates each value satisfies; per distinct
/// pair of date bounds, the predicates using it. A record matches the AND of those bit sets.
struct PredicateBank: Sendable {
    /// Five tables of 32 entries (f0…f4 ordinals).
    let tables: [UInt64]
    let windows: [(lo: RecordPredicate.Bounds, hi: RecordPredicate.Bounds, bits: UInt64)]
    /// Bit → index into the plan's predicates (and the rows of the count buffer).
    let targets: [Int]

    /// Banks of at most 64 predicates of one source.
    static func banks(_ predicates: [(index: Int, predicate: RecordPredicate)]) -> [PredicateBank] {
        stride(from: 0, to: predicates.count, by: 64).map { PredicateBank(Array(predicates[$0..<min($0 + 64, predicates.count)])) }
    }

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

    /// Every item scores nothing for an enterprise with no records, practices, staff or findings, so a
    /// chunk of sparse enterprises scores 0 without looking (true of every rubric the seeds have).
    var zeroWhenSparse: Bool {
        groups.allSatisfy { group in
            group.indicators.allSatisfy { indicator in
                indicator.parts.allSatisfy { part in
                    part.items.allSatisfy { item in
                        switch item {
                        case .records, .practice, .trainedChiefQualityOfficer, .attestation: true
                        case .qualityStaff(let atLeast, _): atLeast > 0
                        case .ladder(_, let from, _): from > 0
                        case .spotChecks(_, let years, _): years > 0
                        }
                    }
                }
            }
        }
    }

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
        case spotChecks(aggregate: Int, years: Int, points: Int)
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
