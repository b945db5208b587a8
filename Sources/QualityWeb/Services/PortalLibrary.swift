import Foundation
import QualityRules

/// The policy library: every policy of the catalogue with its clauses (the citations its rules rest on, quoted
/// from the document), its programmes' plain-language summaries, and a search over all of it.
struct PolicyLibrary: Sendable {
    let catalog: PolicyCatalog

    struct Clause: Sendable, Equatable {
        var clause: LocalizedText
        var text: String
        /// What the platform reads from it: rule labels, "application window", "quota"…
        var uses: [LocalizedText]
    }

    struct Entry: Sendable {
        var policy: Policy
        var status: PolicyStatus
        var clauses: [Clause]
    }

    func entries(on day: CalendarDate) -> [Entry] {
        catalog.policies.map { Entry(policy: $0, status: $0.status(on: day), clauses: Self.clauses(of: $0)) }
    }

    /// The clauses of a policy in the order the platform meets them, each once, with what uses it.
    static func clauses(of policy: Policy) -> [Clause] {
        var order: [String] = []
        var byKey: [String: Clause] = [:]
        func add(_ citation: Citation?, _ use: LocalizedText) {
            guard let citation, !citation.text.isEmpty else { return }
            let key = citation.clause.zh + "|" + citation.text
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = Clause(clause: citation.clause, text: citation.text, uses: [])
            }
            if !byKey[key]!.uses.contains(use) { byKey[key]!.uses.append(use) }
        }
        for programme in policy.programmes {
            add(programme.citation, programme.title)
            for rule in programme.conditions + programme.exclusions { add(rule.citation, rule.label) }
            add(programme.annualQuota?.citation, Strings.Portal.quotaUse)
            add(programme.titleValidity?.citation, Strings.Portal.validityUse)
            add(programme.award?.citation, Strings.Portal.awardUse(programme.title))
            add(programme.award?.firstTimeOnly, Strings.Portal.firstTimeUse)
            add(programme.award?.rankAndThreshold?.citation, Strings.Portal.rankUse)
            for material in programme.materials { add(material.citation, material.name) }
            for stage in programme.procedure { add(stage.citation, stage.name) }
            for call in programme.calls { add(call.citation, Strings.Portal.windowUse) }
            for indicator in programme.rubric?.groups.flatMap(\.indicators) ?? [] { add(indicator.citation, indicator.name) }
            add(programme.supervision?.annualReport?.citation, Strings.Portal.annualReportUse)
            add(programme.supervision?.reReview?.citation, Strings.Portal.reReviewUse)
        }
        add(policy.noDoubleBenefit, Strings.Portal.noDoubleBenefitUse)
        for indicator in policy.indicators { add(indicator.citation, indicator.name) }
        return order.compactMap { byKey[$0] }
    }

    struct Hit: Sendable {
        var entry: Entry
        var programmes: [Programme]
        var clauses: [Clause]
        var titleMatches: Bool
    }

    /// Policies, programmes and clauses whose words contain the query (in either language), case aside.
    func search(_ raw: String, on day: CalendarDate) -> [Hit] {
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !query.isEmpty else { return [] }
        func matches(_ texts: String?...) -> Bool { texts.contains { $0?.lowercased().contains(query) ?? false } }
        return entries(on: day).compactMap { entry in
            let policy = entry.policy
            let titleMatches = matches(policy.title.zh, policy.title.en, policy.documentNumber, policy.issuer.zh, policy.issuer.en)
            let programmes = policy.programmes.filter { p in matches(p.title.zh, p.title.en, p.summary.zh, p.summary.en, p.id) }
            let clauses = entry.clauses.filter { c in
                matches(c.clause.zh, c.clause.en, c.text) || c.uses.contains { matches($0.zh, $0.en) }
            }
            guard titleMatches || !programmes.isEmpty || !clauses.isEmpty else { return nil }
            return Hit(entry: entry, programmes: programmes, clauses: clauses, titleMatches: titleMatches)
        }
    }
}
