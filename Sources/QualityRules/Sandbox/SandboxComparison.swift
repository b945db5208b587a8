import Foundation

/// Lines of a comparison: draft programmes against the in-force programmes they would replace.
public struct SandboxLine: Sendable, Hashable {
    public var label: LocalizedText
    public var draft: [String]
    public var base: [String]

    public init(label: LocalizedText, draft: [String], base: [String]) {
        self.label = label
        self.draft = draft
        self.base = base
    }
}

/// A draft policy compared with the one in force over the whole registry, on one day.
///
/// An enterprise "qualifies" for a line when the engine finds it eligible, or eligible but for clauses
/// awaiting a panel's finding, for any of the line's programmes. The award it could receive is the sum of
/// what those programmes offer it without a claim (a cap where an officer decides the amount). With a
/// quota, the exposure is the largest total the quota allows; with a budget, the impact is what is left.
public struct SandboxComparison: Sendable {
    public struct Side: Sendable, Hashable {
        public var qualifying = 0
        public var eligible = 0
        public var pendingFindings = 0
        public var award = Money.zero
        /// Within the annual quota (when the line's programme has one).
        public var quota: Int?
        public var awardWithinQuota: Money?
        /// The line's programmes are in force (or evaluated as if) on the day.
        public var inForce = true
    }

    public struct Line: Sendable {
        public var line: SandboxLine
        public var draft: Side
        public var base: Side
        public var newlyQualifying: Int
        public var noLongerQualifying: Int
        /// Enterprises that qualify on both sides but would receive a different award.
        public var awardChanged: Int
        /// False when every programme of the line tests only the place of registration and a panel's
        /// judgement: every enterprise of the region then "qualifies pending findings", so the figures say
        /// how many could apply, not how many would succeed.
        public var hasEvidence: Bool
        public var budget: Money?

        /// Budget minus the draft's exposure (within quota when there is one); negative when over.
        public var budgetLeft: Money? {
            budget.map { $0 - (draft.awardWithinQuota ?? draft.award) }
        }
    }

    public enum Change: String, Sendable, Codable {
        case newlyQualifying, noLongerQualifying, awardChanged
    }

    public struct Affected: Sendable, Hashable {
        /// The enterprise's index in the columns (the caller's order).
        public var index: Int
        public var creditCode: String
        public var line: Int
        public var change: Change
        public var baseVerdict: Verdict
        public var draftVerdict: Verdict
        public var baseAward: Money
        public var draftAward: Money
    }

    public var day: CalendarDate
    public var enterprises: Int
    public var lines: [Line]
    public var affected: [Affected]
    /// Enterprises qualifying for some draft line and no base line, and the reverse.
    public var newlyQualifying: Int
    public var noLongerQualifying: Int
    public var seconds: Double

    public var draftAward: Money { lines.reduce(.zero) { $0 + ($1.draft.awardWithinQuota ?? $1.draft.award) } }
    public var baseAward: Money { lines.reduce(.zero) { $0 + ($1.base.awardWithinQuota ?? $1.base.award) } }

    /// Runs both sides through the fast path. `draft` entries are evaluated as if in force (a consultation
    /// draft has no dates); `base` entries as the catalog has them.
    public init(draft: [PolicyCatalog.Entry], base: [PolicyCatalog.Entry], lines: [SandboxLine], budgets: [String: Money] = [:],
                on day: CalendarDate, columns: FactColumns, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let started = Date()
        let options = Matcher.Options(threads: threads)
        let draftResult = Matcher.run(MatchPlan(draft, on: day, columns: columns, evaluateDrafts: true), on: columns, options: options)
        let baseResult = Matcher.run(MatchPlan(base, on: day, columns: columns), on: columns, options: options)
        let count = columns.count
        var draftAny = [Bool](repeating: false, count: count)
        var baseAny = [Bool](repeating: false, count: count)
        var results: [Line] = []
        var affected: [Affected] = []
        for (lineIndex, line) in lines.enumerated() {
            let draftProgrammes = line.draft.compactMap { draftResult.programme($0) }
            let baseProgrammes = line.base.compactMap { baseResult.programme($0) }
            var draftSide = Side(), baseSide = Side()
            draftSide.inForce = draftProgrammes.contains { $0.programme.inForce }
            baseSide.inForce = baseProgrammes.contains { $0.programme.inForce }
            var newly = 0, noLonger = 0, changedAward = 0
            var draftScored: [(score: Int32, award: Int64)] = []
            var baseScored: [(score: Int32, award: Int64)] = []
            for inner in 0..<count {
                let (dq, dEligible, dAward, dVerdict, dScore) = Self.side(draftProgrammes, inner)
                let (bq, bEligible, bAward, bVerdict, bScore) = Self.side(baseProgrammes, inner)
                if dq {
                    draftSide.qualifying += 1
                    if dEligible { draftSide.eligible += 1 } else { draftSide.pendingFindings += 1 }
                    draftSide.award.fen += dAward
                    draftScored.append((dScore, dAward))
                    draftAny[inner] = true
                }
                if bq {
                    baseSide.qualifying += 1
                    if bEligible { baseSide.eligible += 1 } else { baseSide.pendingFindings += 1 }
                    baseSide.award.fen += bAward
                    baseScored.append((bScore, bAward))
                    baseAny[inner] = true
                }
                let change: Change? = dq && !bq ? .newlyQualifying : (!dq && bq ? .noLongerQualifying : (dq && bq && dAward != bAward ? .awardChanged : nil))
                guard let change else { continue }
                switch change {
                case .newlyQualifying: newly += 1
                case .noLongerQualifying: noLonger += 1
                case .awardChanged: changedAward += 1
                }
                let index = Int(columns.order[inner])
                affected.append(Affected(index: index, creditCode: columns.creditCode(index), line: lineIndex, change: change,
                                         baseVerdict: bVerdict, draftVerdict: dVerdict, baseAward: Money(fen: bAward),
                                         draftAward: Money(fen: dAward)))
            }
            if draftProgrammes.count == 1, let quota = Self.quota(draft, line.draft[0]) {
                draftSide.quota = quota
                draftSide.awardWithinQuota = Self.withinQuota(draftScored, quota)
            }
            if baseProgrammes.count == 1, let quota = Self.quota(base, line.base[0]) {
                baseSide.quota = quota
                baseSide.awardWithinQuota = Self.withinQuota(baseScored, quota)
            }
            let evidence = (draftProgrammes + baseProgrammes).contains { $0.programme.hasEvidence }
            let budget = line.draft.compactMap { budgets[$0] }.reduce(nil) { ($0 ?? .zero) + $1 }
            results.append(Line(line: line, draft: draftSide, base: baseSide, newlyQualifying: newly, noLongerQualifying: noLonger,
                                awardChanged: changedAward, hasEvidence: evidence, budget: budget))
        }
        self.day = day
        self.enterprises = count
        self.lines = results
        self.affected = affected.sorted { ($0.line, $0.change.rawValue, $0.creditCode) < ($1.line, $1.change.rawValue, $1.creditCode) }
        self.newlyQualifying = zip(draftAny, baseAny).filter { $0.0 && !$0.1 }.count
        self.noLongerQualifying = zip(draftAny, baseAny).filter { !$0.0 && $0.1 }.count
        self.seconds = Date().timeIntervalSince(started)
    }

    /// For one enterprise (internal index): qualifies, strictly eligible for some programme, the award,
    /// the best verdict and the best score over the line's programmes.
    static func side(_ programmes: [ProgrammeResult], _ inner: Int) -> (Bool, Bool, Int64, Verdict, Int32) {
        var qualifies = false, eligible = false
        var award: Int64 = 0
        var best: UInt8 = 3
        var score: Int32 = 0
        for programme in programmes {
            let code = programme.verdicts[inner]
            if verdictRank[Int(code)] < verdictRank[Int(best)] { best = code }
            guard code == 0 || code == 2 else { continue }
            qualifies = true
            if code == 0 { eligible = true }
            if let units = programme.awardUnits { award += programme.unitFen * Int64(units[inner]) }
            if let scores = programme.scores { score = max(score, scores[inner]) }
        }
        return (qualifies, eligible, award, Verdict.allCases[Int(best)], score)
    }

    /// Best verdict first: eligible (0), awaiting findings (2), not eligible (1), not in force (3).
    static let verdictRank: [UInt8] = [0, 2, 1, 3]

    static func quota(_ entries: [PolicyCatalog.Entry], _ id: String) -> Int? {
        entries.first { $0.programme.id == id }?.programme.annualQuota?.perYear
    }

    /// The largest award total the quota allows: the best scores first, then the largest awards.
    static func withinQuota(_ scored: [(score: Int32, award: Int64)], _ quota: Int) -> Money {
        let chosen = scored.sorted { ($0.score, $0.award) > ($1.score, $1.award) }.prefix(quota)
        return Money(fen: chosen.reduce(0) { $0 + $1.award })
    }
}

extension SandboxComparison {
    /// Seed 003 (the consultation draft) against seed 004 (in force): each draft item with the measure it
    /// would replace, by what the drafting note and the measures fund.
    public static let seedExampleLines: [SandboxLine] = [
        SandboxLine(label: LocalizedText(zh: "行业（产业链）质量提升", en: "Industry (chain) quality improvement"),
                    draft: ["szdraft-p01-industry-quality"], base: ["sz2023-m01-industry-chain-quality"]),
        SandboxLine(label: LocalizedText(zh: "质量技术攻关与创新", en: "Quality technology and innovation"),
                    draft: ["szdraft-p02-quality-innovation"], base: ["sz2023-m04-quality-tech-project"]),
        SandboxLine(label: LocalizedText(zh: "绿色及高端认证（草案扩至绿色产品等）", en: "Green and high-end certification (the draft adds green products and more)"),
                    draft: ["szdraft-p03-green-certification"], base: ["sz2023-m03-carbon-footprint-label"]),
        SandboxLine(label: LocalizedText(zh: "国际认可（草案新增）", en: "International accreditation (new in the draft)"),
                    draft: ["szdraft-p04-international-accreditation"], base: []),
        SandboxLine(label: LocalizedText(zh: "计量", en: "Metrology"),
                    draft: ["szdraft-p05-advanced-metrology"], base: ["sz2023-m07-industrial-metrology"]),
        SandboxLine(label: LocalizedText(zh: "质量基础设施服务", en: "Quality infrastructure services"),
                    draft: ["szdraft-p06-qi-collaborative-service"], base: ["sz2023-m08-qi-one-stop-service", "sz2023-m08-gba-qi-connectivity"]),
        SandboxLine(label: LocalizedText(zh: "质量品牌荣誉", en: "Quality and brand honours"),
                    draft: ["szdraft-p07-quality-brand-benchmark"],
                    base: ["sz2023-m09-china-quality-award", "sz2023-m09-china-quality-award-nomination", "sz2023-m09-guangdong-quality-award",
                           "sz2023-m09-guangdong-quality-award-nomination", "sz2023-m09-shenzhen-mayor-quality-award",
                           "sz2023-m11-shenzhen-premium", "sz2023-m11-china-premium"]),
        SandboxLine(label: LocalizedText(zh: "卓越绩效", en: "Performance excellence"),
                    draft: ["szdraft-p08-high-quality-demonstration"], base: ["sz2023-m10-excellence-performance"]),
        SandboxLine(label: LocalizedText(zh: "品牌", en: "Brand"),
                    draft: ["szdraft-p09-high-value-brand"], base: ["sz2023-m12-brand-cultivation", "sz2023-m13-brand-promotion"]),
        SandboxLine(label: LocalizedText(zh: "措施其余项目（草案未列）", en: "Other measures (not in the draft)"),
                    draft: [], base: ["sz2023-m02-quality-brand-demo-zone", "sz2023-m04-quality-innovation-honour",
                                      "sz2023-m05-testing-digital-upgrade", "sz2023-m05-enterprise-qm-digital", "sz2023-m06-qi-platforms"]),
    ]

    /// One line per programme, the draft's against the same id in the base (a copied policy).
    public static func sameProgrammes(_ draft: Policy, _ base: Policy) -> [SandboxLine] {
        draft.programmes.map { programme in
            SandboxLine(label: programme.title, draft: [programme.id],
                        base: base.programmes.contains { $0.id == programme.id } ? [programme.id] : [])
        }
    }
}
