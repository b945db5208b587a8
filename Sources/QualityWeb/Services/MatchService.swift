import Fluent
import FluentSQL
import Foundation
import QualityRules
import QualityStorage

/// Proactive matching (免申即享): every enterprise × every programme open on a day, through the fast
/// path, with the results stored so enterprises and officers can read them without waiting.
public struct MatchService: Sendable {
    public let database: any Database
    public let catalog: PolicyCatalog
    /// Names the database for the facts cache (its settings' description).
    public let scope: String

    public init(database: any Database, catalog: PolicyCatalog, scope: String) {
        self.database = database
        self.catalog = catalog
        self.scope = scope
    }

    public struct Outcome: Sendable {
        public var run: MatchRun
        public var summary: MatchSummary
        public var result: MatchResult
        public var loaded: LoadedFacts
    }

    public enum Failure: Error, Sendable {
        case unknownProgrammes([String])
    }

    /// The programmes a run covers: those named, or every programme whose policy is in force on `day`.
    public func entries(on day: CalendarDate, programmes: [String]?) throws(Failure) -> [PolicyCatalog.Entry] {
        guard let programmes, !programmes.isEmpty else { return catalog.programmesInForce(on: day) }
        let unknown = programmes.filter { catalog.programme($0) == nil }
        guard unknown.isEmpty else { throw .unknownProgrammes(unknown) }
        return catalog.programmes.filter { programmes.contains($0.programme.id) }
    }

    /// Loads every enterprise's facts, matches them, and stores the run with its candidates.
    public func run(on day: CalendarDate, programmes: [String]? = nil, actor: String, now: Date,
                    progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Outcome {
        let entries = try entries(on: day, programmes: programmes)
        let started = Date()
        let loaded = try await RegistryFactsCache.shared.facts(database, scope: scope, progress: progress)
        let matchStart = Date()
        let plan = MatchPlan(entries, on: day, columns: loaded.columns)
        let result = Matcher.run(plan, on: loaded.columns)
        let matchSeconds = Date().timeIntervalSince(matchStart)
        var summaries: [MatchSummary.Programme] = []
        var candidates: [(programme: ProgrammeResult, index: Int)] = []
        for (entry, programme) in zip(entries, result.programmes) {
            let tally = programme.tally()
            var eligibleAward: Int64 = 0
            var pendingAward: Int64 = 0
            let found = programme.indices(where: [.eligible, .needsReviewerFindings])
            for index in found {
                let fen = programme.award(index)?.fen ?? 0
                if programme.verdict(index) == .eligible { eligibleAward += fen } else { pendingAward += fen }
            }
            let kept = programme.programme.hasEvidence ? found : []
            candidates += kept.map { (programme, $0) }
            let version = entry.policy.ruleVersion
            summaries.append(MatchSummary.Programme(
                id: entry.programme.id, policyID: entry.policy.id, ruleVersion: "\(version.policyID)@\(version.version)#\(version.contentHash)",
                inForce: programme.programme.inForce, hasEvidence: programme.programme.hasEvidence,
                eligible: tally[.eligible] ?? 0, needsFindings: tally[.needsReviewerFindings] ?? 0,
                notEligible: tally[.notEligible] ?? 0, notInForce: tally[.policyNotInForce] ?? 0,
                eligibleAwardFen: eligibleAward, pendingAwardFen: pendingAward, candidatesStored: kept.count))
        }
        let summary = MatchSummary(programmes: summaries, matchMilliseconds: matchSeconds * 1000,
                                   loadMilliseconds: matchStart.timeIntervalSince(started) * 1000)
        let run = MatchRun(onDate: day, startedAt: now, finishedAt: now.addingTimeInterval(Date().timeIntervalSince(started)),
                           enterpriseCount: loaded.columns.count, summary: summary, actor: actor)
        try await store(run, candidates: candidates, ids: loaded.enterpriseIDs)
        return Outcome(run: run, summary: summary, result: result, loaded: loaded)
    }

    private func store(_ run: MatchRun, candidates: [(programme: ProgrammeResult, index: Int)], ids: [UUID]) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let wanted = Array(Set(candidates.map { ids[$0.index] }))
        var places: [UUID: (String, String, String, String)] = [:]
        for start in stride(from: 0, to: wanted.count, by: 900) {
            let chunk = Array(wanted[start..<min(start + 900, wanted.count)])
            for row in try await sql.select().columns("id", "credit_code", "name", "city", "district").from(Enterprise.schema)
                .where("id", .in, chunk).all() {
                places[try row.decode(column: "id", as: UUID.self)] = (
                    try row.decode(column: "credit_code", as: String.self), try row.decode(column: "name", as: String.self),
                    try row.decode(column: "city", as: String.self), try row.decode(column: "district", as: String.self))
            }
        }
        let rows = candidates.compactMap { candidate -> [any SQLExpression]? in
            let id = ids[candidate.index]
            guard let place = places[id] else { return nil }
            let programme = candidate.programme
            return [SQLBind(UUID()), SQLBind(run.id!), SQLBind(programme.id), SQLBind(id), SQLBind(place.0), SQLBind(place.1),
                    SQLBind(place.2), SQLBind(place.3), SQLBind(programme.verdict(candidate.index).rawValue),
                    programme.score(candidate.index).map { SQLBind($0.hundredths) } ?? SQLLiteral.null,
                    programme.award(candidate.index).map { SQLBind($0.fen) } ?? SQLLiteral.null]
        }
        let runToStore = run
        try await database.transaction { tx in
            try await runToStore.create(on: tx)
            guard let sql = tx as? any SQLDatabase else { return }
            for start in stride(from: 0, to: rows.count, by: 2000) {
                let insert = sql.insert(into: MatchCandidate.schema)
                    .columns("id", "run_id", "programme_id", "enterprise_id", "credit_code", "enterprise_name", "city", "district",
                             "verdict", "score", "award_fen")
                for row in rows[start..<min(start + 2000, rows.count)] { insert.values(row) }
                try await insert.run()
            }
        }
    }

    /// The latest run (for a day, if given).
    public func latestRun(on day: CalendarDate? = nil) async throws -> MatchRun? {
        let query = MatchRun.query(on: database).sort(\.$finishedAt, .descending)
        if let day { query.filter(\.$onDate == day.iso) }
        return try await query.first()
    }

    public struct CandidateFilter: Sendable {
        public var verdict: Verdict?
        public var city: String?
        public var district: String?
        public var minimumScore: Int?
        public var search: String?

        public init(verdict: Verdict? = nil, city: String? = nil, district: String? = nil, minimumScore: Int? = nil, search: String? = nil) {
            self.verdict = verdict
            self.city = city
            self.district = district
            self.minimumScore = minimumScore
            self.search = search
        }
    }

    /// A run's candidates for a programme, best score first, then by name.
    public func candidates(run: UUID, programme: String, filter: CandidateFilter, limit: Int?, offset: Int = 0) async throws -> (rows: [MatchCandidate], total: Int) {
        func query() -> QueryBuilder<MatchCandidate> {
            let q = MatchCandidate.query(on: database).filter(\.$runID == run).filter(\.$programmeID == programme)
            if let verdict = filter.verdict { q.filter(\.$verdict == verdict.rawValue) }
            if let city = filter.city, !city.isEmpty { q.filter(\.$city == city) }
            if let district = filter.district, !district.isEmpty { q.filter(\.$district == district) }
            if let minimum = filter.minimumScore { q.filter(\.$score >= minimum) }
            if let search = filter.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
                q.group(.or) { $0.filter(\.$enterpriseName ~~ search).filter(\.$creditCode == search.uppercased()) }
            }
            return q
        }
        let total = try await query().count()
        let page = query().sort(\.$score, .descending).sort(\.$enterpriseName).sort(\.$creditCode)
        if let limit { page.range(offset..<(offset + limit)) }
        return (try await page.all(), total)
    }

    /// The latest run's candidacies of one enterprise.
    public func candidacies(enterprise: UUID) async throws -> (run: MatchRun, rows: [MatchCandidate])? {
        guard let run = try await latestRun() else { return nil }
        let rows = try await MatchCandidate.query(on: database).filter(\.$runID == run.id!).filter(\.$enterpriseID == enterprise)
            .sort(\.$programmeID).all()
        return (run, rows)
    }
}

/// The registry's facts as columns, kept between runs while no enterprise has changed: a sandbox
/// comparison or a second match on another day need not read a million documents again.
public actor RegistryFactsCache {
    public static let shared = RegistryFactsCache()

    private var cached: (key: String, facts: LoadedFacts)?

    public func facts(_ database: any Database, scope: String,
                      progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> LoadedFacts {
        let key = scope + "|" + (try await fingerprint(database))
        if let cached, cached.key == key { return cached.facts }
        let loaded = try await FactsLoader.load(from: database, progress: progress)
        cached = (key, loaded)
        return loaded
    }

    public func clear() { cached = nil }

    /// Count, latest change and the sum of fact versions: any import, edit or new enterprise changes it.
    private func fingerprint(_ database: any Database) async throws -> String {
        guard let sql = database as? any SQLDatabase else { return UUID().uuidString }
        let row = try await sql.raw("SELECT COUNT(*) AS n, SUM(facts_version) AS v, MAX(updated_at) AS t FROM enterprises").first()
        let count = (try? row?.decode(column: "n", as: Int.self)) ?? 0
        let versions = (try? row?.decode(column: "v", as: Int.self)) ?? 0
        let latest = (try? row?.decode(column: "t", as: Date.self)).map { "\($0.timeIntervalSince1970)" }
            ?? (try? row?.decode(column: "t", as: Double.self)).map { "\($0)" }
            ?? (try? row?.decode(column: "t", as: String.self)) ?? ""
        return "\(count)-\(versions)-\(latest)"
    }
}
