import QualityRules
import SyntheticCity

/// Random enterprises crowded on the edges the rules care about: registered exactly N years before the
/// day (and a day either side, and on 29 February), records on the first and last day of every window
/// and a day outside it, certificates expiring that day, ties of dates and numbers, duplicated tax years,
/// conflicting findings on the same day, titles revoked on the day a ban ends, grants for the very
/// matters the records name. Not realistic on purpose: every branch of every kernel gets exercised.
final class EdgeCaseFacts {
    var rng: SplitMix64
    let day: CalendarDate
    let deadlines: [CalendarDate]
    let programmes: [String]
    let policies: [String]

    init(seed: UInt64, day: CalendarDate, catalog: PolicyCatalog) {
        rng = SplitMix64(seed: seed)
        self.day = day
        deadlines = catalog.programmes.compactMap { $0.programme.call(on: day)?.deadline } + [day]
        programmes = catalog.programmes.map(\.programme.id)
        policies = catalog.policies.map(\.id)
    }

    func element<T>(_ list: [T]) -> T { list[rng.int(0...list.count - 1)] }
    func maybe<T>(_ p: Double, _ make: () -> T) -> T? { rng.chance(p) ? make() : nil }
    func some<T: CaseIterable>(_ type: T.Type) -> T { element(Array(T.allCases)) }

    /// A day near an edge: N years (and a day either side) before the evaluation day or a deadline, near
    /// a year boundary, or anywhere in the last decade.
    func edgeDay() -> CalendarDate {
        let anchor = rng.chance(0.7) ? day : element(deadlines)
        switch rng.int(0...6) {
        case 0: return anchor.adding(years: -rng.int(1...6)).adding(days: rng.int(-1...1))
        case 1: return anchor.adding(days: rng.int(-2...2))
        case 2: return CalendarDate(year: anchor.year - rng.int(0...6), month: element([1, 12]), day: element([1, 31]))!
        case 3: return CalendarDate(year: element([2016, 2020, 2024]), month: 2, day: 29)!
        case 4: return anchor.adding(days: rng.int(1...400))
        default: return anchor.adding(days: -rng.int(0...3700))
        }
    }

    func make(index: Int) -> EnterpriseFacts {
        let divisions = ["440305", "440306", "440703", "440781", "440106", "4403", "44", "", "440300"]
        let body = "MA" + String(index, radix: 10).leftPadded(to: 7)
        let codeDivision = element(["440305", "440703", "440106"])
        let code = CreditCode.withCheckDigit("91" + codeDivision + body)!
        var registeredOn = edgeDay()
        if rng.chance(0.5) { registeredOn = day.adding(years: -element([3, 5])).adding(days: rng.int(-1...1)) }
        if rng.chance(0.05) { registeredOn = CalendarDate(year: day.year - 5, month: 2, day: element([28, 29].filter { CalendarDate(year: day.year - 5, month: 2, day: $0) != nil }))! }
        var facts = EnterpriseFacts(registration: Registration(
            creditCode: code, name: "边界企业\(index)", divisionCode: rng.chance(0.7) ? element(divisions) : nil,
            registeredOn: registeredOn, legalForm: some(LegalForm.self),
            industryCode: element(["C3981", "C", "C13", "F5261", "c3981", "M7320", "G"]), operatingStatus: rng.chance(0.8) ? .active : some(OperatingStatus.self)))
        facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: rng.chance(0.6), trained: rng.chance(0.5))
        for _ in 0..<rng.int(0...5) {
            let year = day.year - rng.int(0...5)
            facts.taxes.append(TaxYear(year: year, amount: Money(wan: Int64(element([0, 1, 1_166, 1_167, 1_200, 3_500, 12_000])))))
        }
        let certificateTypes: [CertificationType] = [.iso9001, .iatf16949, .measurementManagementSystem, .metrologyAssuranceLevel2,
                                                     .metrologyCertificationLevel3, .highTechEnterprise, .iso14001, .iso45001,
                                                     .socialResponsibility, .intellectualPropertyManagement, .exportCertification,
                                                     .greenProduct, .gbaCarbonFootprintLabel, .highEndQuality, .accreditation, .organicProduct]
        for n in 0..<rng.int(0...5) {
            let from = edgeDay()
            facts.certifications.append(Certification(type: element(certificateTypes), number: rng.chance(0.2) ? "DUP" : "C\(index)-\(n)",
                                                      validFrom: from, validTo: rng.chance(0.2) ? nil : element([day, day.adding(days: -1), from.adding(years: 3), edgeDay()])))
        }
        for _ in 0..<rng.int(0...6) {
            facts.events.append(Event(date: edgeDay(), kind: some(EventKind.self), area: some(EventArea.self), severity: some(Severity.self),
                                      outcome: some(EventOutcome.self), level: some(AdministrativeLevel.self),
                                      reference: maybe(0.5) { "R\(index)" }))
        }
        for _ in 0..<rng.int(0...4) {
            facts.patents.append(Patent(number: maybe(0.7) { "P\(rng.int(1...3))" }, kind: some(PatentKind.self),
                                        jurisdiction: some(Jurisdiction.self), grantedOn: edgeDay()))
        }
        for _ in 0..<rng.int(0...3) {
            facts.standards.append(DraftedStandard(number: maybe(0.6) { "S\(rng.int(1...2))" }, level: some(StandardLevel.self),
                                                   role: some(DraftingRole.self), publishedOn: edgeDay()))
        }
        for _ in 0..<rng.int(0...3) {
            facts.secretariats.append(Secretariat(committee: maybe(0.6) { "TC\(rng.int(1...2))" }, level: some(AdministrativeLevel.self),
                                                  joint: rng.chance(0.5), since: maybe(0.7) { edgeDay() }, until: maybe(0.3) { edgeDay() }))
        }
        for _ in 0..<rng.int(0...3) {
            facts.trademarks.append(Trademark(number: maybe(0.6) { "T\(rng.int(1...2))" }, jurisdiction: some(Jurisdiction.self),
                                              registeredOn: edgeDay()))
        }
        for _ in 0..<rng.int(0...4) {
            let year = day.year - rng.int(-1...7)
            facts.awards.append(AwardRecord(kind: some(AwardKind.self), name: maybe(0.3) { "奖" }, level: some(AdministrativeLevel.self),
                                            year: year, date: maybe(0.5) { rng.chance(0.5) ? day.adding(days: rng.int(-1...1)) : CalendarDate(year: year, month: 6, day: 1)! }))
        }
        for _ in 0..<rng.int(0...2) {
            facts.labs.append(Lab(name: maybe(0.5) { "L" }, independent: rng.chance(0.5), cnas: rng.chance(0.5)))
        }
        for _ in 0..<rng.int(0...3) {
            facts.projects.append(Project(name: maybe(0.5) { "项目\(rng.int(1...2))" }, level: some(AdministrativeLevel.self),
                                          kind: some(ProjectKind.self), year: day.year - rng.int(-1...7)))
        }
        facts.staff = Staff(fullTimeQualityStaff: rng.int(0...4), professionalTitles: (0..<rng.int(0...3)).map { _ in
            ProfessionalTitles(field: some(TitleField.self), level: some(TitleLevel.self), count: rng.int(0...5))
        })
        facts.practices = ManagementPractice.allCases.filter { _ in rng.chance(0.4) }
        let keys = ["qualityAchievement", "financialSoundness", "socialReputation", "soundSystems", "leadershipCommitment",
                    "technicalCapability", "metrologyAssurance", "innovationLeader", "economicPerformance", "industryChainDemonstration",
                    "selectedOnMerit", "typicalDigitalProject", "recognisedPlatform", "metrologyMatter", "qualityServiceProject",
                    "connectivityEffect", "nqiIndustryService", "keyQualityTechnology", "qiCollaborativeService",
                    "excellenceMaturity", "highValueBrand"] + ManagementPractice.allCases.map(\.rawValue)
        let findingDay = day.adding(days: -rng.int(0...30))
        for _ in 0..<(rng.chance(0.5) ? rng.int(1...8) : 0) {
            facts.attestations.append(Attestation(key: element(keys), finding: some(Finding.self),
                                                  by: element(["a", "b"]), on: rng.chance(0.5) ? findingDay : edgeDay()))
        }
        history(&facts)
        if rng.chance(0.15) {
            // A sparse enterprise: registration and taxes only (stored apart in the columns).
            facts = EnterpriseFacts(registration: facts.registration, taxes: facts.taxes)
        }
        return facts
    }

    /// Titles and grants, often for the very matters the enterprise's records name.
    func history(_ facts: inout EnterpriseFacts) {
        for _ in 0..<(rng.chance(0.3) ? rng.int(1...3) : 0) {
            let granted = edgeDay()
            let revoked: CalendarDate? = rng.chance(0.6) ? element([day.adding(years: -3), day.adding(years: -3).adding(days: 1), day, edgeDay()]) : nil
            facts.history.titles.append(TitleRecord(programme: element(programmes), grantedOn: granted, validTo: nil,
                                                    revokedOn: revoked, revocationReason: revoked == nil ? nil : "x"))
        }
        guard rng.chance(0.4) else { return }
        var matters = facts.certifications.map { MatterKey.certificate($0.number) }
            + facts.awards.map { MatterKey.award($0.kind, year: $0.year) }
            + programmes.map { "programme:\($0):\(day.year)" } + ["project:x"]
        if matters.isEmpty { matters = ["project:x"] }
        for _ in 0..<rng.int(1...4) {
            let date = rng.chance(0.6) ? CalendarDate(year: day.year, month: element([1, day.month]), day: 1)! : edgeDay()
            facts.history.grants.append(GrantRecord(programme: element(programmes), policy: element(policies), matter: element(matters),
                                                    date: date, amount: Money(wan: 10)))
        }
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
