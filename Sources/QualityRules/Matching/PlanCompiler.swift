/// Turns programmes into kernels, sharing every predicate, aggregate and rule kernel that repeats.
struct PlanCompiler {
    let columns: FactColumns
    let date: CalendarDate
    private(set) var predicates: [RecordPredicate] = []
    private var predicateIndex: [RecordPredicate: Int] = [:]
    private(set) var taxWindows: [YearSpan] = []
    private(set) var spotChecks: [SpotCheckAggregate] = []
    private(set) var ladders: [LadderAggregate] = []
    private(set) var kernels: [RuleKernel] = []
    private var kernelIndex: [RuleKernel: Int] = [:]

    init(columns: FactColumns, date: CalendarDate) {
        self.columns = columns
        self.date = date
    }

    mutating func compile(_ programme: Programme, of policy: Policy, evaluateDrafts: Bool) -> CompiledProgramme {
        let anchors = Evaluator.anchors(for: programme, on: date, deadline: nil)
        let status = policy.status(on: date)
        var rules: [(id: String, kernel: Int)] = []
        for rule in programme.conditions + programme.exclusions {
            rules.append((rule.id, kernel(for: rule.kind, programmeID: programme.id, anchors: anchors)))
        }
        let evidence = programme.conditions.contains { rule in
            switch rule.kind {
            case .registeredForYears, .chiefQualityOfficer, .taxTotal, .hasRecords: true
            default: false
            }
        }
        return CompiledProgramme(
            id: programme.id, policyID: policy.id, kind: programme.kind,
            inForce: status == .inForce || (status == .draft && evaluateDrafts), hasEvidence: evidence, rules: rules,
            rubric: programme.rubric.map { rubric($0, anchors: anchors) },
            award: programme.award.map { award($0, programme: programme, policy: policy, anchors: anchors) })
    }

    // MARK: - Shared pieces

    mutating func predicate(_ query: RecordQuery, anchors: Anchors, joint: Bool? = nil) -> Int {
        let compiled = RecordPredicate(query, anchors: anchors, joint: joint)
        if let index = predicateIndex[compiled] { return index }
        predicates.append(compiled)
        predicateIndex[compiled] = predicates.count - 1
        return predicates.count - 1
    }

    private mutating func slot(_ kernel: RuleKernel) -> Int {
        if let index = kernelIndex[kernel] { return index }
        kernels.append(kernel)
        kernelIndex[kernel] = kernels.count - 1
        return kernels.count - 1
    }

    private mutating func taxWindow(_ span: YearSpan) -> Int {
        if let index = taxWindows.firstIndex(of: span) { return index }
        taxWindows.append(span)
        return taxWindows.count - 1
    }

    private func mask<T: CaseIterable & Equatable>(_ list: [T]) -> UInt64 {
        list.reduce(0) { $0 | (1 << UInt64(ordinal($1))) }
    }

    // MARK: - Rules

    private mutating func kernel(for kind: RuleKind, programmeID: String, anchors: Anchors) -> Int {
        let day = anchors.evaluationDate
        switch kind {
        case .registeredInRegion(let region):
            return slot(.region(columns.regions.strings.map { code in region.divisionCodePrefixes.contains { code.hasPrefix($0) } }))
        case .registeredForYears(let years):
            return slot(.registeredBy(lastDay: DayThreshold.lastDay(adding: years, atMost: day)))
        case .operatingStatus(let allowed):
            return slot(.operatingStatus(mask: mask(allowed)))
        case .legalForm(let allowed):
            return slot(.legalForm(mask: mask(allowed)))
        case .industry(let sections):
            return slot(.section(columns.sections.strings.map { sections.contains($0) }))
        case .chiefQualityOfficer(let requireTrained):
            return slot(.chiefQualityOfficer(requireTrained: requireTrained))
        case .taxTotal(let requirement):
            let year = Int32(clamping: day.year)
            let window = taxWindow(YearSpan(first: year - Int32(requirement.years), last: year - 1))
            return slot(.taxTotal(window: window, minimum: requirement.minimum.fen))
        case .hasRecords(let query, let atLeast):
            return slot(.atLeast(predicate: predicate(query, anchors: anchors), count: atLeast))
        case .noRecords(let query):
            return slot(.none(predicate: predicate(query, anchors: anchors)))
        case .attestation(let key):
            return slot(.attestation(key: columns.attestationKeys.id(key)))
        case .revocationBan(let ban):
            let names = ban.programmes.isEmpty ? [programmeID] : ban.programmes
            return slot(.revocationBan(programmes: names.compactMap { columns.identifiers.id($0) }.sorted(),
                                       lastClear: DayThreshold.lastDay(adding: ban.years, atMost: day),
                                       day: QualityRules.day(day)))
        }
    }

    // MARK: - Rubric

    private mutating func rubric(_ rubric: Rubric, anchors: Anchors) -> CompiledRubric {
        CompiledRubric(total: rubric.totalPoints.hundredths, groups: rubric.groups.map { group in
            CompiledRubric.Group(points: group.points.hundredths, indicators: group.indicators.map { indicator in
                CompiledRubric.Indicator(points: indicator.points.hundredths, parts: indicator.parts.map { part in
                    CompiledRubric.Part(cap: part.cap?.hundredths, highest: part.mode == .highest,
                                        items: part.items.map { item($0, anchors: anchors) })
                })
            })
        })
    }

    private mutating func item(_ item: RubricItem, anchors: Anchors) -> CompiledRubric.Item {
        let points = item.points.hundredths
        switch item.measure {
        case .records(let query, let counting, let jointHalf):
            let perRecord = counting == .perRecord
            if jointHalf, case .secretariats = query {
                return .records(sole: predicate(query, anchors: anchors, joint: false),
                                joint: predicate(query, anchors: anchors, joint: true),
                                points: points, jointPoints: item.points.halved.hundredths, perRecord: perRecord)
            }
            return .records(sole: predicate(query, anchors: anchors), joint: nil, points: points, jointPoints: points,
                            perRecord: perRecord)
        case .practice(let practice):
            return .practice(bit: 1 << UInt16(ordinal(practice)), key: columns.attestationKeys.id(practice.rawValue), points: points)
        case .qualityStaff(let atLeast):
            return .qualityStaff(atLeast: Int32(clamping: atLeast), points: points)
        case .trainedChiefQualityOfficer:
            return .trainedChiefQualityOfficer(points: points)
        case .titleLadder(let fields, let minimumLevel, let from):
            let aggregate = LadderAggregate(fields: mask(fields), minimumLevel: ordinal(minimumLevel))
            if !ladders.contains(aggregate) { ladders.append(aggregate) }
            return .ladder(aggregate: ladders.firstIndex(of: aggregate)!, from: Int64(from), points: points)
        case .cleanSpotChecks(let years, let levels):
            let year = Int32(clamping: anchors.evaluationDate.year)
            let aggregate = SpotCheckAggregate(firstYear: year - Int32(years), years: years, levels: mask(levels),
                                               evaluationDay: day(anchors.evaluationDate))
            if !spotChecks.contains(aggregate) { spotChecks.append(aggregate) }
            return .spotChecks(aggregate: spotChecks.firstIndex(of: aggregate)!, years: years, points: points)
        case .attestation(let key):
            return .attestation(key: columns.attestationKeys.id(key), points: points)
        }
    }

    // MARK: - Award

    private mutating func award(_ rule: AwardRule, programme: Programme, policy: Policy, anchors: Anchors) -> CompiledAward {
        var qualifyingQuery: RecordQuery?
        var perItem = false
        var perItemHasQuery = false
        var perYearLimit: Int?
        if case .perItem(let item) = rule.amount {
            perItem = true
            perYearLimit = item.perYearLimit
            if let items = item.items {
                perItemHasQuery = true
                qualifyingQuery = items
            }
        }
        if !perItemHasQuery {
            for condition in programme.conditions {
                if case .hasRecords(let query, _) = condition.kind {
                    qualifyingQuery = query
                    break
                }
            }
        }
        let amount: CompiledAward.Amount
        switch rule.amount {
        case .honour, .asRegulated: amount = .none
        case .fixed(let money): amount = .fixed(money.fen)
        case .upTo(let range): amount = .cap(range.maximum.fen)
        case .perItem(let item):
            switch item.each {
            case .fixed(let money): amount = .perItemFixed(money.fen)
            case .upTo(let money): amount = .perItemCap(money.fen)
            }
        case .tiers(let tiers): amount = .cap(tiers.map(\.amount.maximum.fen).max() ?? 0)
        }
        var nilDateDay = day(anchors.evaluationDate)
        if case .secretariats(let q) = qualifyingQuery { nilDateDay = day(anchors.day(q.heldOn)) }
        let source = qualifyingQuery.map { query -> RecordSource in
            switch query {
            case .certifications: .certifications
            case .events: .events
            case .patents: .patents
            case .standards: .standards
            case .secretariats: .secretariats
            case .trademarks: .trademarks
            case .awards: .awards
            case .labs: .labs
            case .projects: .projects
            }
        }
        return CompiledAward(
            amount: amount, isGrant: programme.kind == .grant,
            qualifying: qualifyingQuery.map { predicate($0, anchors: anchors) }, qualifyingSource: source,
            perItem: perItem, perItemHasQuery: perItemHasQuery, perYearLimit: perYearLimit,
            firstTimeOnly: rule.firstTimeOnly != nil, rankAndThreshold: rule.rankAndThreshold != nil,
            noDoubleBenefit: policy.noDoubleBenefit != nil && programme.kind == .grant,
            programme: columns.identifiers.id(programme.id), policy: columns.identifiers.id(policy.id),
            fallbackMatter: columns.matters.id("programme:\(programme.id):\(anchors.evaluationDate.year)"),
            evaluationDay: day(anchors.evaluationDate), evaluationYear: Int32(clamping: anchors.evaluationDate.year),
            anchorDay: nilDateDay)
    }
}
