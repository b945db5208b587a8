/// Runs a `RecordQuery` over an enterprise's facts.
///
/// Records dated after the anchor day never count: the facts are read as they stood on that day, so an
/// evaluation made for a past date gives the answer that was right then.
extension RecordQuery {
    public func matches(in facts: EnterpriseFacts, anchors: Anchors) -> [MatchedRecord] {
        switch self {
        case .certifications(let q): q.matches(facts, anchors)
        case .events(let q): q.matches(facts, anchors)
        case .patents(let q): q.matches(facts, anchors)
        case .standards(let q): q.matches(facts, anchors)
        case .secretariats(let q): q.matches(facts, anchors)
        case .trademarks(let q): q.matches(facts, anchors)
        case .awards(let q): q.matches(facts, anchors)
        case .labs(let q): q.matches(facts, anchors)
        case .projects(let q): q.matches(facts, anchors)
        }
    }
}

private func allows<T: Equatable>(_ list: [T]?, _ value: T) -> Bool { list.map { $0.contains(value) } ?? true }

/// Inside the look-back window if there is one, otherwise on or before the evaluation day.
private func inWindow(_ date: CalendarDate, _ lookBack: LookBack?, _ anchors: Anchors) -> Bool {
    if let lookBack { return anchors.window(lookBack).contains(date) }
    return date <= anchors.evaluationDate
}

private func firstOfYear(_ year: Int) -> CalendarDate {
    CalendarDate(year: min(max(year, 1), 9999), month: 1, day: 1)!
}

/// Year-only records (awards, projects): in a window when their year lies between the window's years.
private func inWindow(year: Int, _ lookBack: LookBack?, _ anchors: Anchors) -> Bool {
    guard let lookBack else { return year <= anchors.evaluationDate.year }
    let window = anchors.window(lookBack)
    return year >= window.start.year && year <= (window.end ?? window.start).year
}

extension CertificationQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        let day = anchors.day(validOn)
        return facts.certifications.filter { types.contains($0.type) && $0.isValid(on: day) }.map { c in
            let validity = c.validTo.map { LocalizedText(zh: "有效期至 \($0.iso)", en: "valid to \($0.iso)") }
                ?? LocalizedText(zh: "长期有效", en: "no expiry")
            return MatchedRecord(
                description: LocalizedText(zh: "\(c.type.label.zh)（证书 \(c.number)，\(validity.zh)）",
                                           en: "\(c.type.label.en) (certificate \(c.number), \(validity.en))"),
                date: c.validFrom, joint: false, matter: MatterKey.certificate(c.number))
        }
    }
}

extension EventQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.events.filter { e in
            kinds.contains(e.kind) && allows(areas, e.area) && allows(severities, e.severity)
                && allows(outcomes, e.outcome) && allows(levels, e.level) && inWindow(e.date, within, anchors)
        }
        .sorted { $0.date < $1.date }
        .map { e in
            let reference = e.reference.map { "，\($0)" } ?? ""
            let referenceEn = e.reference.map { ", \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(
                    zh: "\(e.date.iso) \(e.level.label.zh)\(e.kind.label.zh)（\(e.area.label.zh)，\(e.severity.label.zh)，\(e.outcome.label.zh)\(reference)）",
                    en: "\(e.kind.label.en) on \(e.date.iso) (\(e.level.label.en), \(e.area.label.en), \(e.severity.label.en), \(e.outcome.label.en)\(referenceEn))"),
                date: e.date, joint: false, matter: "event:\(e.kind.rawValue):\(e.date.iso)")
        }
    }
}

extension PatentQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.patents.filter { p in
            allows(kinds, p.kind) && allows(jurisdictions, p.jurisdiction) && inWindow(p.grantedOn, within, anchors)
        }
        .sorted { ($0.grantedOn, $0.number ?? "") < ($1.grantedOn, $1.number ?? "") }
        .map { p in
            let number = p.number.map { " \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(zh: "\(p.jurisdiction.label.zh)\(p.kind.label.zh)\(number)（\(p.grantedOn.iso) 授权）",
                                           en: "\(p.jurisdiction.label.en) \(p.kind.label.en)\(number) (granted \(p.grantedOn.iso))"),
                date: p.grantedOn, joint: false, matter: "patent:\(p.number ?? p.grantedOn.iso)")
        }
    }
}

extension StandardQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.standards.filter { s in
            allows(levels, s.level) && allows(roles, s.role) && inWindow(s.publishedOn, within, anchors)
        }
        .sorted { ($0.publishedOn, $0.number ?? "") < ($1.publishedOn, $1.number ?? "") }
        .map { s in
            let number = s.number.map { " \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(zh: "\(s.level.label.zh)\(number)（\(s.role.label.zh)，\(s.publishedOn.iso) 发布）",
                                           en: "\(s.level.label.en)\(number) (\(s.role.label.en), published \(s.publishedOn.iso))"),
                date: s.publishedOn, joint: false, matter: "standard:\(s.number ?? s.publishedOn.iso)")
        }
    }
}

extension SecretariatQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        let day = anchors.day(heldOn)
        return facts.secretariats.filter { s in
            allows(levels, s.level) && (s.since.map { $0 <= day } ?? true) && (s.until.map { $0 >= day } ?? true)
        }.map { s in
            let committee = s.committee.map { " \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(
                    zh: "\(s.level.label.zh) TC/SC 秘书处\(committee)\(s.joint ? "（联合承担）" : "")",
                    en: "\(s.level.label.en) TC/SC secretariat\(committee)\(s.joint ? " (held jointly)" : "")"),
                date: s.since ?? day, joint: s.joint, matter: "secretariat:\(s.committee ?? s.level.rawValue)")
        }
    }
}

extension TrademarkQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        let day = anchors.day(anchor)
        return facts.trademarks.filter { m in
            guard allows(jurisdictions, m.jurisdiction), m.registeredOn <= day else { return false }
            guard let years = registeredAtLeastYears else { return true }
            return m.registeredOn.adding(years: years) <= day
        }
        .sorted { ($0.registeredOn, $0.number ?? "") < ($1.registeredOn, $1.number ?? "") }
        .map { m in
            let number = m.number.map { " \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(zh: "\(m.jurisdiction.label.zh)注册商标\(number)（\(m.registeredOn.iso) 注册）",
                                           en: "\(m.jurisdiction.label.en) trademark\(number) (registered \(m.registeredOn.iso))"),
                date: m.registeredOn, joint: false, matter: "trademark:\(m.number ?? m.registeredOn.iso)")
        }
    }
}

extension AwardQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.awards.filter { a in
            allows(kinds, a.kind) && allows(levels, a.level) && inWindow(year: a.year, within, anchors)
                && (a.date.map { $0 <= anchors.evaluationDate } ?? true)
        }
        .sorted { ($0.year, $0.kind.rawValue) < ($1.year, $1.kind.rawValue) }
        .map { a in
            let name = a.name.map { "“\($0)”" } ?? ""
            return MatchedRecord(
                description: LocalizedText(zh: "\(a.year) 年\(a.level.label.zh)\(a.kind.label.zh)\(name)",
                                           en: "\(a.kind.label.en)\(a.name.map { " '\($0)'" } ?? "") (\(a.level.label.en), \(a.year))"),
                date: a.date ?? firstOfYear(a.year), joint: false, matter: MatterKey.award(a.kind, year: a.year))
        }
    }
}

extension LabQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.labs.filter { l in
            (independent.map { $0 == l.independent } ?? true) && (cnas.map { $0 == l.cnas } ?? true)
        }.map { l in
            let name = l.name.map { " \($0)" } ?? ""
            return MatchedRecord(
                description: LocalizedText(
                    zh: "\(l.independent ? "独立检验室" : "检验室")\(name)\(l.cnas ? "（CNAS 认可）" : "")",
                    en: "\(l.independent ? "independent lab" : "lab")\(name)\(l.cnas ? " (CNAS accredited)" : "")"),
                date: anchors.evaluationDate, joint: false, matter: "lab:\(l.name ?? "")")
        }
    }
}

extension ProjectQuery {
    func matches(_ facts: EnterpriseFacts, _ anchors: Anchors) -> [MatchedRecord] {
        facts.projects.filter { p in
            allows(levels, p.level) && allows(kinds, p.kind) && inWindow(year: p.year, within, anchors)
        }
        .sorted { ($0.year, $0.name ?? "") < ($1.year, $1.name ?? "") }
        .map { p in
            let name = p.name.map { "“\($0)”" } ?? ""
            return MatchedRecord(
                description: LocalizedText(zh: "\(p.year) 年\(p.level.label.zh)\(p.kind.label.zh)\(name)",
                                           en: "\(p.level.label.en) \(p.kind.label.en)\(p.name.map { " '\($0)'" } ?? "") (\(p.year))"),
                date: firstOfYear(p.year), joint: false, matter: "project:\(p.year):\(p.name ?? p.kind.rawValue)")
        }
    }
}

/// How a funded matter is named, so that the same certificate or award funded under two policies is seen
/// as the same matter (004 item 14). The web app uses the same keys when it records a grant.
public enum MatterKey {
    public static func certificate(_ number: String) -> String { "certificate:\(number)" }
    public static func award(_ kind: AwardKind, year: Int) -> String { "award:\(kind.rawValue):\(year)" }
    public static func project(_ identifier: String) -> String { "project:\(identifier)" }
}
