import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The rules engine as the money module asks it: which items can be funded, what the enterprise's grant
/// history is (from the database, so first-time, per-year and double-benefit checks see every grant,
/// including those imported from before the platform), and what a claim is worth.
struct GrantEngine: Sendable {
    let catalog: PolicyCatalog

    private static let bundled: PolicyCatalog? = try? PolicyCatalog.bundled()

    /// The catalogue the app was started with (tests may start it with another assessor: then the bundled one).
    static func from(_ assessor: any ApplicationAssessor) throws -> GrantEngine {
        if let engine = assessor as? EngineAssessor { return GrantEngine(catalog: engine.catalog) }
        guard let catalog = bundled else { throw AppError(.internalServerError, code: "internal", Strings.Funds.engineMissing) }
        return GrantEngine(catalog: catalog)
    }

    /// Programmes that pay an amount: the grant items (004 1–13 except 6, which defers to other rules;
    /// 003's items only when `drafts`).
    func fundedProgrammes(drafts: Bool) -> [PolicyCatalog.Entry] {
        catalog.programmes.filter { entry in
            guard entry.programme.kind == .grant, let award = entry.programme.award else { return false }
            if entry.policy.isDraft && !drafts { return false }
            switch award.amount {
            case .honour, .asRegulated: return false
            default: return true
            }
        }
    }

    /// What a fund may pay for: the funded items, and recognitions that carry a fixed grant (002's ¥100,000).
    func payingProgrammes(drafts: Bool) -> [PolicyCatalog.Entry] {
        catalog.programmes.filter { entry in
            if entry.policy.isDraft && !drafts { return false }
            switch (entry.programme.kind, entry.programme.award?.amount) {
            case (.recognition, .fixed(let money)?): return money.fen > 0
            case (.grant, .fixed?), (.grant, .upTo?), (.grant, .perItem?), (.grant, .tiers?): return true
            default: return false
            }
        }
    }

    func programme(_ id: String) -> (Policy, Programme)? { catalog.programme(id) }

    static func facts(of enterprise: Enterprise) throws -> EnterpriseFacts {
        switch EnterpriseFacts.validate(data: Data(enterprise.factsJSON.utf8)) {
        case .success(let facts): return facts
        case .failure: throw AppError.invalid(Strings.Funds.factsInvalid)
        }
    }

    /// Titles and grants of the enterprise as the database knows them, with what its facts declare. A title
    /// being granted right now (`excludingTitle`) is not its own "earlier" title.
    static func history(enterpriseID: UUID, declared: History, excludingTitle: UUID? = nil, excludingGrant: UUID? = nil,
                        on database: any Database) async throws -> History {
        var history = declared
        let titles = try await Title.query(on: database).filter(\.$enterprise.$id == enterpriseID).all()
        for title in titles where title.id != excludingTitle {
            history.titles.append(TitleRecord(
                programme: title.programmeID, grantedOn: title.grantedOn, validTo: title.validUntil,
                revokedOn: title.status == .revoked ? title.endedOn : nil, revocationReason: title.status == .revoked ? title.endedReason : nil,
                terminatedOn: title.status == .terminated ? title.endedOn : nil))
        }
        let matters = try await GrantMatter.query(on: database).filter(\.$enterprise.$id == enterpriseID).all()
        let known = Set(history.grants.map { "\($0.programme)|\($0.matter)" })
        for matter in matters where matter.grantID == nil || matter.grantID != excludingGrant {
            let record = matter.record
            if !known.contains("\(record.programme)|\(record.matter)") { history.grants.append(record) }
        }
        return history
    }

    /// The matters an application funds: those the enterprise names (which must qualify), else every
    /// qualifying record not yet funded (per-item awards), else the latest qualifying record, else the
    /// programme itself for the year.
    func matters(for programme: Programme, facts: EnterpriseFacts, history: History, on day: CalendarDate,
                 requested: [String]) throws -> [String] {
        let anchors = Evaluator.anchors(for: programme, on: day, deadline: nil)
        var qualifying: [MatchedRecord] = []
        var perItemQuery = false
        if case .perItem(let perItem) = programme.award?.amount {
            if let items = perItem.items {
                qualifying = items.matches(in: facts, anchors: anchors)
                perItemQuery = true
            } else {
                // Items are projects the enterprise names (003 item 6).
                let names = requested.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !names.isEmpty else { throw AppError.invalid(Strings.Funds.fixFields, fields: ["matters": Strings.Funds.nameProjects]) }
                return names.map { $0.hasPrefix("project:") ? $0 : MatterKey.project($0) }
            }
        } else {
            for rule in programme.conditions {
                if case .hasRecords(let query, _) = rule.kind {
                    qualifying = query.matches(in: facts, anchors: anchors)
                    break
                }
            }
        }
        let funded = Set(history.grants.map(\.matter))
        let wanted = requested.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !wanted.isEmpty {
            let known = Set(qualifying.map(\.matter))
            let unknown = wanted.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw AppError.invalid(Strings.Funds.fixFields, fields: ["matters": Strings.Funds.unknownMatters(unknown, known: qualifying)])
            }
            var seen: Set<String> = []
            return wanted.filter { seen.insert($0).inserted }
        }
        if perItemQuery {
            let open = qualifying.filter { !funded.contains($0.matter) }.map(\.matter)
            guard !open.isEmpty else { throw AppError.invalid(Strings.Funds.fixFields, fields: ["matters": Strings.Funds.nothingToFund]) }
            return open
        }
        if let latest = qualifying.max(by: { $0.date < $1.date }) { return [latest.matter] }
        return ["programme:\(programme.id):\(day.year)"]
    }

    /// Evaluates a grant: the facts with the database's history and the officer's findings, the claim with
    /// its matters.
    func evaluate(programmeID: String, facts: EnterpriseFacts, history: History, matters: [String], claim: GrantClaim,
                  findings: [String: Bool], by officer: String, on day: CalendarDate, drafts: Bool) throws -> Evaluation {
        var facts = facts
        facts.history = history
        for (key, met) in findings.sorted(by: { $0.key < $1.key }) {
            facts.attestations.append(Attestation(key: key, finding: met ? .met : .notMet, by: officer, on: day))
        }
        var claim = claim
        claim.matters = matters
        do {
            return try Evaluator(catalog: catalog).evaluate(programme: programmeID, facts: facts, on: day,
                                                            options: .init(claim: claim, evaluateDrafts: drafts))
        } catch {
            throw AppError.invalid(Strings.Funds.fixFields, fields: ["programmeID": error.message])
        }
    }

    /// The attestation keys of a programme's clauses (the findings an officer records before approving).
    func attestationKeys(of programmeID: String) -> [(key: String, label: LocalizedText)] {
        guard let (_, programme) = catalog.programme(programmeID) else { return [] }
        var seen: Set<String> = []
        return programme.allRules.compactMap { rule in
            guard case .attestation(let key) = rule.kind, seen.insert(key).inserted else { return nil }
            return (key, rule.label)
        }
    }
}

extension Evaluation {
    /// The engine's own summary of the rules that stop a grant, each with its explanation.
    var refusals: [String: LocalizedText] {
        var result: [String: LocalizedText] = [:]
        for item in allResults where item.outcome != .met {
            let prefix = item.outcome == .needsFinding ? Strings.Funds.needsFindingPrefix : Strings.Funds.notMetPrefix
            result[item.id] = LocalizedText(zh: "\(prefix.zh)\(item.label.zh)：\(item.explanation.zh)",
                                            en: "\(prefix.en)\(item.label.en): \(item.explanation.en)")
        }
        return result
    }
}
