/// Works out a programme's award and the grant constraints for one enterprise and one (optional) claim.
struct AwardEvaluation {
    let programme: Programme
    let policy: Policy
    let facts: EnterpriseFacts
    let anchors: Anchors
    let claim: GrantClaim?

    var day: CalendarDate { anchors.evaluationDate }
    var document: String { policy.citationLabel }

    func reference(_ citation: Citation) -> CitationReference { CitationReference(document: document, citation: citation) }

    /// Records that qualify the enterprise: those of the per-item query, or of the first `hasRecords` condition.
    var qualifyingRecords: [MatchedRecord] {
        if case .perItem(let perItem) = programme.award?.amount, let items = perItem.items {
            return items.matches(in: facts, anchors: anchors)
        }
        for rule in programme.conditions {
            if case .hasRecords(let query, _) = rule.kind { return query.matches(in: facts, anchors: anchors) }
        }
        return []
    }

    /// The matters this evaluation would fund (see `MatterKey`).
    func matters(items: [MatchedRecord]) -> [String] {
        if let claimed = claim?.matters, !claimed.isEmpty { return claimed }
        if case .perItem = programme.award?.amount { return items.map(\.matter) }
        if let latest = qualifyingRecords.max(by: { $0.date < $1.date }) { return [latest.matter] }
        return ["programme:\(programme.id):\(day.year)"]
    }

    func constraint(_ id: String, _ label: LocalizedText, _ citation: Citation, _ check: ConstraintCheck) -> RuleResult {
        RuleResult(id: id, role: .constraint, outcome: check.outcome, label: label, citation: reference(citation),
                   explanation: Phrase.cited(check.explanation, citation))
    }

    func evaluate() -> (AwardResult?, [RuleResult]) {
        guard let rule = programme.award else { return (nil, []) }
        var constraints: [RuleResult] = []
        var withheld = false
        var withheldReason: LocalizedText?
        let isGrant = programme.kind == .grant

        // Per-item awards count items not yet funded under this programme.
        var items: [MatchedRecord] = []
        if case .perItem(let perItem) = rule.amount, perItem.items != nil {
            let funded = Set(facts.history.grants.filter { $0.programme == programme.id }.map(\.matter))
            items = qualifyingRecords.filter { !funded.contains($0.matter) }
            if let claimed = claim?.matters {
                let unknown = claimed.filter { key in !qualifyingRecords.contains { $0.matter == key } }
                constraints.append(constraint("claimed-items", AwardPhrase.claimedLabel, rule.citation,
                                              AwardPhrase.claimedItems(unknown: unknown)))
                items = qualifyingRecords.filter { claimed.contains($0.matter) }
            } else if items.isEmpty, !qualifyingRecords.isEmpty, case .perItem(let perItem) = rule.amount {
                // Everything that qualifies has been funded already: nothing to offer, say so.
                constraints.append(constraint("unfunded-items", AwardPhrase.unfundedLabel(perItem.unit), rule.citation,
                                              AwardPhrase.allFunded(perItem.unit, count: qualifyingRecords.count)))
            }
        }
        let matters = matters(items: items)
        var count = items.count
        if case .perItem(let perItem) = rule.amount, perItem.items == nil { count = claim?.matters?.count ?? 1 }

        if case .perItem(let perItem) = rule.amount, let limit = perItem.perYearLimit {
            if claim?.matters == nil {
                // Matching without a claim: offer what still fits in this year's limit.
                let prior = facts.history.grants.filter { $0.programme == programme.id && $0.date.year == day.year }.count
                count = min(count, max(limit - prior, 0))
            }
            constraints.append(constraint("per-year-limit", AwardPhrase.perYearLabel(limit), rule.citation,
                GrantConstraints.perYearLimit(limit: limit, programme: programme.id, year: day.year,
                                              history: facts.history.grants, requested: max(count, 1))))
        }

        if let firstTime = rule.firstTimeOnly {
            let check = GrantConstraints.firstTime(programme: programme.id, history: facts.history,
                                                   qualifying: isGrant ? qualifyingRecords : [], before: day)
            if isGrant {
                constraints.append(constraint("first-time-only", AwardPhrase.firstTimeLabel, firstTime, check))
            } else if check.outcome == .notMet {
                withheld = true
                withheldReason = Phrase.cited(check.explanation, firstTime)
            }
        }

        if let rank = rule.rankAndThreshold {
            constraints.append(constraint("rank-and-threshold", AwardPhrase.rankLabel(rank), rank.citation,
                GrantConstraints.rankAndThreshold(rank, score: claim?.score, maximumScore: claim?.maximumScore, rank: claim?.rank)))
        }

        if let noDouble = policy.noDoubleBenefit, isGrant {
            constraints.append(constraint("no-double-benefit", AwardPhrase.doubleLabel, noDouble,
                GrantConstraints.noDoubleBenefit(matters: matters, policy: policy.id, history: facts.history.grants)))
        }

        var result = amount(rule, count: count, items: items, constraints: &constraints)
        if withheld {
            result.amount = .zero
            result.cap = nil
            result.needsOfficerDecision = false
            result.withheld = true
            if let withheldReason { result.explanation = withheldReason }
        }
        return (result, constraints)
    }

    private func amount(_ rule: AwardRule, count: Int, items: [MatchedRecord],
                        constraints: inout [RuleResult]) -> AwardResult {
        var result = AwardResult(kind: rule.amount.name, amount: nil, cap: nil, minimum: nil, items: nil, tier: nil,
                                 needsOfficerDecision: false, withheld: false, explanation: LocalizedText(zh: "", en: ""),
                                 benefits: rule.benefits, citation: reference(rule.citation))
        func decide(_ range: MoneyRange) {
            result.cap = range.maximum
            result.minimum = range.minimum
            if let officer = claim?.officerAmount {
                let check = GrantConstraints.officerAmount(officer, reason: claim?.reason, range: range)
                constraints.append(constraint("officer-amount", AwardPhrase.officerLabel, rule.citation, check))
                if check.outcome == .met { result.amount = officer }
            } else {
                result.needsOfficerDecision = true
            }
        }
        switch rule.amount {
        case .honour:
            result.explanation = AwardPhrase.honour(rule.benefits)
        case .fixed(let money):
            result.amount = money
            result.explanation = AwardPhrase.fixed(money)
        case .upTo(let range):
            decide(range)
            result.explanation = AwardPhrase.upTo(range, decided: result.amount)
        case .perItem(let perItem):
            result.items = items.isEmpty ? claim?.matters : items.map(\.matter)
            switch perItem.each {
            case .fixed(let money):
                result.amount = Money(fen: money.fen * Int64(count))
            case .upTo(let money):
                decide(MoneyRange(minimum: nil, maximum: Money(fen: money.fen * Int64(count))))
            }
            result.explanation = AwardPhrase.perItem(perItem, count: count, amount: result.amount, cap: result.cap)
        case .tiers(let tiers):
            if let key = claim?.tier, let tier = tiers.first(where: { $0.key == key }) {
                result.tier = key
                switch tier.amount {
                case .fixed(let money): result.amount = money
                case .upTo(let range): decide(range)
                }
                result.explanation = AwardPhrase.tier(tier, amount: result.amount, cap: result.cap)
            } else {
                if let key = claim?.tier {
                    constraints.append(constraint("tier", AwardPhrase.tierLabel, rule.citation,
                                                  AwardPhrase.unknownTier(key, tiers)))
                }
                result.needsOfficerDecision = true
                result.cap = tiers.map(\.amount.maximum).max()
                result.explanation = AwardPhrase.tiers(tiers)
            }
        case .asRegulated:
            result.explanation = AwardPhrase.asRegulated
        }
        result.explanation = Phrase.cited(result.explanation, rule.citation)
        return result
    }
}

extension AwardAmount {
    var name: String {
        switch self {
        case .honour: "honour"
        case .fixed: "fixed"
        case .upTo: "upTo"
        case .perItem: "perItem"
        case .tiers: "tiers"
        case .asRegulated: "asRegulated"
        }
    }
}

extension TierAmount {
    var maximum: Money {
        switch self {
        case .fixed(let money): money
        case .upTo(let range): range.maximum
        }
    }
}
