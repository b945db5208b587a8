/// Applies one rule to one enterprise's facts. Pure: the result depends only on its arguments.
public struct RuleContext: Sendable {
    public var facts: EnterpriseFacts
    public var anchors: Anchors
    public var programmeID: String
    public var document: String

    public init(facts: EnterpriseFacts, anchors: Anchors, programmeID: String, document: String) {
        self.facts = facts
        self.anchors = anchors
        self.programmeID = programmeID
        self.document = document
    }
}

extension Rule {
    public func evaluate(_ context: RuleContext, role: RuleRole) -> RuleResult {
        let (outcome, explanation, attestation) = judge(context)
        return RuleResult(
            id: id, role: role, outcome: outcome, label: label,
            citation: CitationReference(document: context.document, citation: citation),
            explanation: Phrase.cited(explanation, citation), attestation: attestation)
    }

    private func judge(_ context: RuleContext) -> (Outcome, LocalizedText, Attestation?) {
        let facts = context.facts
        let registration = facts.registration
        let day = context.anchors.evaluationDate
        switch kind {
        case .registeredInRegion(let region):
            let code = registration.effectiveDivisionCode
            let met = region.divisionCodePrefixes.contains { code.hasPrefix($0) }
            return (met ? .met : .notMet, Phrase.region(code: code, region: region.name, met: met), nil)

        case .registeredForYears(let years):
            let since = registration.registeredOn
            let completes = since.adding(years: years)
            let met = completes <= day
            return (met ? .met : .notMet,
                    Phrase.registeredYears(since: since, years: years, completes: completes, on: day, met: met), nil)

        case .operatingStatus(let allowed):
            let status = registration.operatingStatus
            return (allowed.contains(status) ? .met : .notMet, Phrase.operatingStatus(status, allowed: allowed), nil)

        case .legalForm(let allowed):
            let form = registration.legalForm
            return (allowed.contains(form) ? .met : .notMet, Phrase.legalForm(form, allowed: allowed), nil)

        case .industry(let sections):
            let code = registration.industryCode
            let met = sections.contains(registration.industrySection)
            return (met ? .met : .notMet, Phrase.industry(code: code, sections: sections, met: met), nil)

        case .chiefQualityOfficer(let requireTrained):
            let cqo = facts.chiefQualityOfficer
            let met = cqo.appointed && (!requireTrained || cqo.trained)
            return (met ? .met : .notMet, Phrase.cqo(cqo, requireTrained: requireTrained), nil)

        case .taxTotal(let requirement):
            let applicationYear = day.year
            let years = Array((applicationYear - requirement.years)..<applicationYear)
            let missing = years.filter { facts.tax(year: $0) == nil }
            let total = years.reduce(Money.zero) { $0 + (facts.tax(year: $1) ?? .zero) }
            let met = total >= requirement.minimum
            return (met ? .met : .notMet,
                    Phrase.tax(total: total, minimum: requirement.minimum, years: years, missing: missing, met: met), nil)

        case .hasRecords(let query, let atLeast):
            let found = query.matches(in: facts, anchors: context.anchors)
            let met = found.count >= atLeast
            return (met ? .met : .notMet, Phrase.hasRecords(label, found: found, atLeast: atLeast), nil)

        case .noRecords(let query):
            let found = query.matches(in: facts, anchors: context.anchors)
            let window = query.lookBack.map { context.anchors.window($0) }
            return (found.isEmpty ? .met : .notMet,
                    Phrase.noRecords(label, found: found, window: window, anchors: context.anchors), nil)

        case .attestation(let key):
            guard let finding = facts.attestation(key) else {
                return (.needsFinding, Phrase.awaitingFinding(label, key: key), nil)
            }
            return (finding.finding == .met ? .met : .notMet, Phrase.attested(label, finding), finding)

        case .revocationBan(let ban):
            let programmes = ban.programmes.isEmpty ? [context.programmeID] : ban.programmes
            let blocking = facts.history.titles
                .filter { programmes.contains($0.programme) }
                .compactMap { title -> (TitleRecord, CalendarDate)? in
                    guard let revoked = title.revokedOn, revoked <= day else { return nil }
                    let ends = revoked.adding(years: ban.years)
                    return day < ends ? (title, ends) : nil
                }
                .sorted { $0.1 < $1.1 }
            if let (title, ends) = blocking.last {
                return (.notMet, Phrase.banned(title, years: ban.years, endsOn: ends), nil)
            }
            return (.met, Phrase.notBanned(years: ban.years), nil)
        }
    }
}
