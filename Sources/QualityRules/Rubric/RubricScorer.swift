/// Scores a rubric. Caps apply bottom-up: item → part cap ("累计不超过") → indicator points → group.
extension Rubric {
    public func score(_ facts: EnterpriseFacts, anchors: Anchors, document: String) -> RubricResult {
        let groups = groups.map { group in
            let indicators = group.indicators.map { $0.score(facts, anchors: anchors, document: document) }
            let sum = indicators.reduce(Points.zero) { $0 + $1.score }
            return GroupScore(id: group.id, name: group.name, score: Swift.min(sum, group.points),
                              maximum: group.points, indicators: indicators)
        }
        let total = groups.reduce(Points.zero) { $0 + $1.score }
        return RubricResult(title: title, citation: CitationReference(document: document, citation: citation),
                            score: Swift.min(total, totalPoints), maximum: totalPoints, groups: groups)
    }
}

extension Indicator {
    func score(_ facts: EnterpriseFacts, anchors: Anchors, document: String) -> IndicatorScore {
        let parts = parts.map { $0.score(facts, anchors: anchors) }
        let score = Swift.min(parts.reduce(Points.zero) { $0 + $1.score }, points)
        // Before any cap, so the explanation can show what "累计不超过" took away.
        let raw = parts.reduce(Points.zero) { $0 + $1.raw }
        let clause = citation.clause
        let explanation = raw > score
            ? LocalizedText(zh: "\(name.zh)：合计 \(raw) 分，按上限计 \(score) 分（\(clause.zh)）",
                            en: "\(name.en): \(raw) points in all, capped at \(score) (\(clause.en))")
            : LocalizedText(zh: "\(name.zh)：\(score) 分（满分 \(points) 分，\(clause.zh)）",
                            en: "\(name.en): \(score) of \(points) points (\(clause.en))")
        return IndicatorScore(id: id, name: name, score: score, maximum: points,
                              citation: CitationReference(document: document, citation: citation),
                              parts: parts, explanation: explanation)
    }
}

extension RubricPart {
    func score(_ facts: EnterpriseFacts, anchors: Anchors) -> PartScore {
        var items = items.map { $0.score(facts, anchors: anchors) }
        let raw: Points
        switch mode {
        case .sum:
            raw = items.reduce(Points.zero) { $0 + $1.points }
        case .highest:
            // Only the best item counts; on a tie the first listed (the higher level) is the one shown.
            let best = items.indices.max { a, b in
                items[a].points < items[b].points || (items[a].points == items[b].points && a > b)
            }
            raw = best.map { items[$0].points } ?? .zero
            for index in items.indices where index != best { items[index].counted = false }
        }
        let score = cap.map { Swift.min(raw, $0) } ?? raw
        return PartScore(id: id, label: label, mode: mode, raw: raw, cap: cap, score: score, items: items)
    }
}

extension RubricItem {
    func score(_ facts: EnterpriseFacts, anchors: Anchors) -> ItemScore {
        let (earned, why, needsFinding) = evaluate(facts, anchors: anchors)
        return ItemScore(id: id, label: label, points: earned, counted: true, needsFinding: needsFinding, explanation: why)
    }

    private func evaluate(_ facts: EnterpriseFacts, anchors: Anchors) -> (Points, LocalizedText, Bool) {
        switch measure {
        case .records(let query, let counting, let jointHalf):
            let found = query.matches(in: facts, anchors: anchors)
            let value: (MatchedRecord) -> Points = { jointHalf && $0.joint ? points.halved : points }
            let earned: Points
            switch counting {
            case .perRecord: earned = found.reduce(Points.zero) { $0 + value($1) }
            case .once: earned = found.map(value).max() ?? .zero
            }
            return (earned, RubricPhrase.records(label, found: found, earned: earned, counting: counting,
                                                 points: points, jointHalf: jointHalf), false)

        case .practice(let practice):
            if let finding = facts.attestation(practice.rawValue) {
                let earned = finding.finding == .met ? points : .zero
                return (earned, RubricPhrase.attested(label, finding, earned: earned), false)
            }
            let declared = facts.practices.contains(practice)
            return (declared ? points : .zero, RubricPhrase.declared(label, declared: declared, points: points), false)

        case .qualityStaff(let atLeast):
            let count = facts.staff.fullTimeQualityStaff
            let earned = count >= atLeast ? points : .zero
            return (earned, RubricPhrase.staff(count: count, atLeast: atLeast, earned: earned), false)

        case .trainedChiefQualityOfficer:
            let cqo = facts.chiefQualityOfficer
            let earned = cqo.appointed && cqo.trained ? points : .zero
            return (earned, RubricPhrase.cqo(cqo, earned: earned), false)

        case .titleLadder(let fields, let minimumLevel, let from):
            let count = facts.staff.professionalTitles
                .filter { fields.contains($0.field) && $0.level >= minimumLevel }
                .reduce(0) { $0 + $1.count }
            let earned = count >= from ? points * (count - from + 1) : .zero
            return (earned, RubricPhrase.titles(count: count, from: from, earned: earned, level: minimumLevel), false)

        case .cleanSpotChecks(let years, let levels):
            let applicationYear = anchors.evaluationDate.year
            let span = Array((applicationYear - years)..<applicationYear)
            let relevant = facts.events.filter { span.contains($0.date.year) && $0.date <= anchors.evaluationDate }
            let failed = relevant.filter { $0.kind == .spotCheck && $0.outcome == .failed }
            let passedYears = Set(relevant.filter { e in
                e.outcome == .passed && ((e.kind == .spotCheck && levels.contains(e.level))
                    || (e.kind == .commissionedTest && e.level <= .provincial))
            }.map(\.date.year))
            let missing = span.filter { !passedYears.contains($0) }
            let earned = failed.isEmpty && missing.isEmpty ? points : .zero
            return (earned, RubricPhrase.spotChecks(span: span, failed: failed, missing: missing, earned: earned), false)

        case .attestation(let key):
            guard let finding = facts.attestation(key) else {
                return (.zero, RubricPhrase.awaiting(label, key: key), true)
            }
            let earned = finding.finding == .met ? points : .zero
            return (earned, RubricPhrase.attested(label, finding, earned: earned), false)
        }
    }
}

extension AdministrativeLevel: Comparable {
    /// International first: "at provincial level or above" is `level <= .provincial`.
    public static func < (lhs: AdministrativeLevel, rhs: AdministrativeLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
