import QualityRules

/// A reproducible synthetic city: enterprise `i` of a city with seed `s` is always the same facts, so a
/// benchmark figure can be rerun by anyone from its printed size and seed, and any enterprise can be
/// regenerated alone to check it against the single-evaluation path.
///
/// The distributions are shaped like a Guangdong registry: most enterprises are micro firms with no
/// certificate and little tax; one in four is a manufacturer; ISO 9001 is common among manufacturers,
/// everything rarer is rarer; penalties, complaints and spot checks fall on a few per cent; a handful hold
/// titles, grants and reviewer findings. Shenzhen and Jiangmen dominate, with some neighbours mixed in.
public struct SyntheticCity: Sendable {
    public let seed: UInt64
    public let count: Int
    /// The day the city's facts are "as of": records are dated before it.
    public let asOf: CalendarDate

    public init(seed: UInt64, count: Int, asOf: CalendarDate = CalendarDate(year: 2024, month: 6, day: 1)!) {
        self.seed = seed
        self.count = count
        self.asOf = asOf
    }

    public func enterprise(_ index: Int) -> EnterpriseFacts {
        var generator = EnterpriseGenerator(rng: SplitMix64(seed: seed, index: index), index: index, asOf: asOf)
        return generator.make()
    }

    /// The credit code of enterprise `index` (the same as in its facts).
    public func creditCode(_ index: Int) -> CreditCode { enterprise(index).registration.creditCode }
}

enum Size: Int {
    case micro, small, medium, large
}

struct EnterpriseGenerator {
    var rng: SplitMix64
    let index: Int
    let asOf: CalendarDate
    let year: Int

    init(rng: SplitMix64, index: Int, asOf: CalendarDate) {
        self.rng = rng
        self.index = index
        self.asOf = asOf
        self.year = asOf.year
    }

    mutating func day(withinYearsBefore years: Double, notBefore floor: CalendarDate? = nil) -> CalendarDate {
        let span = max(Int(years * 365.25), 1)
        var date = asOf.adding(days: -rng.int(1...span))
        if let floor, date < floor { date = floor }
        return date
    }

    mutating func make() -> EnterpriseFacts {
        let place = CityNames.places[rng.pick(weights: CityNames.placeWeights)]
        let manufacturing = rng.chance(place.city == "江门市" ? 0.42 : 0.26)
        let industry = manufacturing ? "C\(rng.int(13...43))\(rng.int(10...99))" : CityNames.otherIndustries[rng.int(0...CityNames.otherIndustries.count - 1)]
        let size = Size(rawValue: rng.pick(weights: manufacturing ? [0.62, 0.26, 0.09, 0.03] : [0.84, 0.12, 0.03, 0.01]))!
        let age = min(rng.logNormal(median: 6.5, sigma: 0.8) + Double(size.rawValue) * 3, 40)
        let registeredOn = asOf.adding(days: -max(Int(age * 365.25), 30))
        let body = CityNames.organisationCode(index)
        let code = CreditCode.withCheckDigit("91" + place.division + body)!
        let form: LegalForm = [.legalPerson, .branch, .nationalSystemBranch, .partnership, .soleProprietorship,
                               .individualBusiness, .other][rng.pick(weights: [0.78, 0.08, 0.01, 0.02, 0.02, 0.07, 0.02])]
        let status: OperatingStatus = [.active, .suspended, .revoked, .deregistered][rng.pick(weights: [0.9, 0.01, 0.03, 0.06])]
        var facts = EnterpriseFacts(registration: Registration(
            creditCode: code, name: CityNames.name(&rng, city: place.city, manufacturing: manufacturing),
            divisionCode: rng.chance(0.85) ? place.division : nil, city: place.city, district: place.district,
            registeredOn: registeredOn, legalForm: form, industryCode: industry, operatingStatus: status))
        let trading = status == .active || status == .suspended
        if trading { taxes(&facts, size: size, since: registeredOn) }
        certifications(&facts, size: size, manufacturing: manufacturing, since: registeredOn)
        events(&facts, size: size, manufacturing: manufacturing, since: registeredOn)
        intellectualProperty(&facts, size: size, manufacturing: manufacturing, since: registeredOn)
        quality(&facts, size: size, manufacturing: manufacturing, shenzhen: place.city == "深圳市")
        platformHistory(&facts, shenzhen: place.city == "深圳市")
        return facts
    }

    mutating func taxes(_ facts: inout EnterpriseFacts, size: Size, since: CalendarDate) {
        let median: Double = [15_000, 250_000, 2_500_000, 16_000_000][size.rawValue]
        let level = rng.logNormal(median: median, sigma: 0.9)
        for y in (year - 4)..<year where y >= since.year && !rng.chance(0.04) {
            let yuan = max(level * rng.logNormal(median: 1, sigma: 0.25), 0)
            facts.taxes.append(TaxYear(year: y, amount: Money(yuan: Int64(yuan))))
        }
    }

    mutating func certifications(_ facts: inout EnterpriseFacts, size: Size, manufacturing: Bool, since: CalendarDate) {
        let scale = [0.25, 1.0, 2.2, 3.0][size.rawValue]
        var serial = 0
        func add(_ type: CertificationType, _ p: Double, _ g: inout EnterpriseGenerator) {
            guard g.rng.chance(min(p * scale, 0.95)) else { return }
            let from = g.day(withinYearsBefore: 4.5, notBefore: since)
            let to: CalendarDate? = g.rng.chance(0.05) ? nil : from.adding(years: 3).adding(days: -1)
            serial += 1
            facts.certifications.append(Certification(
                type: type, number: "\(CityNames.certificatePrefix(type))\(from.year)\(g.index)\(serial)",
                issuer: nil, validFrom: from, validTo: to))
        }
        add(.iso9001, manufacturing ? 0.30 : 0.06, &self)
        if manufacturing {
            add(.iatf16949, 0.03, &self)
            add(.measurementManagementSystem, 0.04, &self)
            add(.metrologyAssuranceLevel2, 0.015, &self)
            add(.metrologyCertificationLevel3, 0.02, &self)
            add(.exportCertification, 0.05, &self)
            add(.highTechEnterprise, 0.07, &self)
            add(.greenProduct, 0.006, &self)
        } else {
            add(.highTechEnterprise, 0.02, &self)
            add(.iso22000, 0.004, &self)
        }
        if !facts.certifications.isEmpty {
            add(.iso14001, 0.35, &self)
            add(.iso45001, 0.25, &self)
            add(.intellectualPropertyManagement, 0.05, &self)
            add(.socialResponsibility, 0.02, &self)
        }
        add(.gbaCarbonFootprintLabel, 0.0015, &self)
        add(.highEndQuality, 0.001, &self)
        add(.accreditation, 0.0015, &self)
    }

    mutating func events(_ facts: inout EnterpriseFacts, size: Size, manufacturing: Bool, since: CalendarDate) {
        let exposure = [0.6, 1.0, 1.6, 2.2][size.rawValue]
        if rng.chance(0.045 * exposure) {
            for _ in 0..<rng.geometric(mean: 1.3) {
                let area: EventArea = [.quality, .productionSafety, .environment, .marketOrder, .intellectualProperty, .labour, .other][
                    rng.pick(weights: [0.25, 0.12, 0.12, 0.35, 0.06, 0.05, 0.05])]
                facts.events.append(Event(date: day(withinYearsBefore: 6, notBefore: since), kind: .penalty, area: area,
                                          severity: [.minor, .general, .serious, .major][rng.pick(weights: [0.3, 0.55, 0.12, 0.03])],
                                          outcome: .decided, level: [.municipal, .district, .provincial][rng.pick(weights: [0.5, 0.45, 0.05])],
                                          reference: "市监罚〔\(rng.int(2018...year))〕\(rng.int(1...9999))号"))
            }
        }
        if rng.chance(0.006 * exposure) {
            facts.events.append(Event(date: day(withinYearsBefore: 5, notBefore: since), kind: .accident,
                                      area: [.quality, .productionSafety, .environment][rng.pick(weights: [0.3, 0.5, 0.2])],
                                      severity: [.general, .serious, .major][rng.pick(weights: [0.6, 0.3, 0.1])], outcome: .decided,
                                      level: .municipal))
        }
        if rng.chance(0.03 * exposure) {
            facts.events.append(Event(date: day(withinYearsBefore: 4, notBefore: since), kind: .complaint,
                                      area: [.quality, .serviceQuality, .labour][rng.pick(weights: [0.5, 0.35, 0.15])],
                                      severity: [.minor, .general, .major][rng.pick(weights: [0.5, 0.44, 0.06])],
                                      outcome: [.substantiated, .unsubstantiated, .pending][rng.pick(weights: [0.4, 0.5, 0.1])],
                                      level: .district))
        }
        if manufacturing && rng.chance(0.35 * exposure) {
            for y in (year - 4)...year where rng.chance(0.75) {
                guard let date = CalendarDate(year: y, month: rng.int(1...12), day: rng.int(1...28)), date < asOf, date >= since else { continue }
                facts.events.append(Event(date: date, kind: .spotCheck, area: .quality,
                                          severity: rng.chance(0.2) ? .serious : .general,
                                          outcome: rng.chance(0.05) ? .failed : .passed,
                                          level: [.national, .provincial, .municipal, .district][rng.pick(weights: [0.1, 0.3, 0.45, 0.15])]))
            }
        }
        if manufacturing && rng.chance(0.05) {
            facts.events.append(Event(date: day(withinYearsBefore: 3, notBefore: since), kind: .commissionedTest, area: .quality,
                                      outcome: .passed, level: rng.chance(0.7) ? .provincial : .municipal))
        }
        if rng.chance(0.008) {
            facts.events.append(Event(date: day(withinYearsBefore: 5, notBefore: since), kind: .violationRecord, area: .other,
                                      outcome: .decided, level: .municipal))
        }
    }

    mutating func intellectualProperty(_ facts: inout EnterpriseFacts, size: Size, manufacturing: Bool, since: CalendarDate) {
        let innovative = manufacturing || facts.registration.industryCode.hasPrefix("M") || facts.registration.industryCode.hasPrefix("I")
        if innovative && rng.chance([0.08, 0.3, 0.55, 0.8][size.rawValue]) {
            for n in 0..<rng.geometric(mean: [2, 4, 9, 20][size.rawValue]) {
                let kind: PatentKind = [.invention, .utilityModel, .design][rng.pick(weights: [0.3, 0.5, 0.2])]
                let foreign = kind == .invention && rng.chance(0.06)
                let granted = day(withinYearsBefore: 10, notBefore: since)
                facts.patents.append(Patent(number: "ZL\(granted.year)\(index)\(n)", kind: kind,
                                            jurisdiction: foreign ? .foreign : .domestic, grantedOn: granted))
            }
        }
        if rng.chance([0.12, 0.3, 0.5, 0.7][size.rawValue]) {
            for n in 0..<rng.geometric(mean: 1.4) {
                facts.trademarks.append(Trademark(number: "TM\(index)\(n)", jurisdiction: rng.chance(0.06) ? .foreign : .domestic,
                                                  registeredOn: day(withinYearsBefore: 12, notBefore: since)))
            }
        }
        if manufacturing && rng.chance([0.002, 0.02, 0.08, 0.25][size.rawValue]) {
            for n in 0..<rng.geometric(mean: 1.6) {
                facts.standards.append(DraftedStandard(
                    number: "STD-\(index)-\(n)", level: [.national, .industry, .local, .group][rng.pick(weights: [0.25, 0.25, 0.2, 0.3])],
                    role: [.lead, .participant, .assistant][rng.pick(weights: [0.2, 0.7, 0.1])],
                    publishedOn: day(withinYearsBefore: 8, notBefore: since)))
            }
            if rng.chance(0.05) {
                facts.secretariats.append(Secretariat(committee: "TC\(index % 500)", level: rng.chance(0.3) ? .national : .provincial,
                                                      joint: rng.chance(0.3), since: day(withinYearsBefore: 8, notBefore: since),
                                                      until: rng.chance(0.2) ? day(withinYearsBefore: 1) : nil))
            }
        }
        if manufacturing && rng.chance([0.005, 0.03, 0.1, 0.25][size.rawValue]) {
            facts.projects.append(Project(name: "质量攻关项目\(index)", level: [.national, .provincial, .municipal, .district][rng.pick(weights: [0.1, 0.25, 0.45, 0.2])],
                                          kind: rng.chance(0.7) ? .scienceTechnology : .qualityImprovement, year: year - rng.int(0...7)))
        }
    }

    mutating func quality(_ facts: inout EnterpriseFacts, size: Size, manufacturing: Bool, shenzhen: Bool) {
        let established = !facts.certifications.isEmpty
        if rng.chance(established ? [0.03, 0.1, 0.3, 0.6][size.rawValue] : 0.002) {
            facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: true, trained: rng.chance(0.55))
        }
        if manufacturing && size != .micro {
            facts.staff.fullTimeQualityStaff = rng.int(0...[0, 3, 8, 20][size.rawValue])
            if rng.chance(0.5) {
                facts.staff.professionalTitles = [ProfessionalTitles(field: .quality, level: .intermediate, count: rng.int(1...6))]
                if rng.chance(0.4) {
                    facts.staff.professionalTitles.append(ProfessionalTitles(field: .metrology, level: rng.chance(0.3) ? .senior : .junior,
                                                                             count: rng.int(1...3)))
                }
            }
            if rng.chance(0.4) {
                facts.labs.append(Lab(name: "检验室", independent: rng.chance(0.65), cnas: rng.chance(0.2)))
            }
        }
        if established {
            facts.practices = ManagementPractice.allCases.filter { _ in rng.chance(0.45) }
        }
        var awards: [AwardRecord] = []
        if rng.chance(established ? 0.02 : 0.001) {
            awards.append(AwardRecord(kind: .governmentQualityAward, name: "政府质量奖",
                                      level: rng.chance(0.6) ? .district : .municipal, year: year - rng.int(1...8)))
        }
        if established && rng.chance(0.002) {
            let kind: AwardKind = [.guangdongQualityAward, .guangdongQualityAwardNomination, .chinaQualityAwardNomination,
                                   .chinaQualityAward, .shenzhenMayorQualityAward][rng.pick(weights: [0.3, 0.35, 0.2, 0.05, 0.1])]
            let level: AdministrativeLevel = kind == .shenzhenMayorQualityAward ? .municipal : (kind == .guangdongQualityAward || kind == .guangdongQualityAwardNomination ? .provincial : .national)
            let y = year - rng.int(0...4)
            awards.append(AwardRecord(kind: kind, level: level, year: y,
                                      date: rng.chance(0.7) ? CalendarDate(year: y, month: rng.int(1...12), day: rng.int(1...28)) : nil))
        }
        if shenzhen && rng.chance(established ? 0.01 : 0.0005) {
            awards.append(AwardRecord(kind: .shenzhenPremium, level: .municipal, year: year - rng.int(0...3)))
        }
        if rng.chance(0.0005) {
            awards.append(AwardRecord(kind: [.internationalQcConference, .internationalQualityInnovationCompetition, .nationalQualityInnovationExchange][rng.int(0...2)],
                                      level: .international, year: year - rng.int(0...2)))
        }
        if rng.chance(0.0002) { awards.append(AwardRecord(kind: .chinaPremium, level: .national, year: year - rng.int(0...2))) }
        if rng.chance(0.00005) { awards.append(AwardRecord(kind: .nationalQualityBrandDemoZone, level: .national, year: year - 1)) }
        facts.awards = awards
    }

    /// Reviewer findings, titles and grants: what the platform itself recorded, for a few.
    mutating func platformHistory(_ facts: inout EnterpriseFacts, shenzhen: Bool) {
        if rng.chance(0.003) {
            let keys = ["qualityAchievement", "financialSoundness", "socialReputation", "soundSystems", "economicPerformance",
                        "qmsEffective", "selectedOnMerit", "technicalCapability"]
            for _ in 0..<rng.int(1...3) {
                facts.attestations.append(Attestation(key: keys[rng.int(0...keys.count - 1)], finding: rng.chance(0.8) ? .met : .notMet,
                                                      by: "reviewer-\(rng.int(1...40))", on: day(withinYearsBefore: 2)))
            }
        }
        if rng.chance(0.0008) {
            let programme = shenzhen ? "sz-backbone" : "jm-innovation-centre"
            let granted = day(withinYearsBefore: 6)
            let revoked = rng.chance(0.3) ? granted.adding(days: rng.int(100...900)) : nil
            facts.history.titles.append(TitleRecord(programme: programme, grantedOn: granted, validTo: granted.adding(years: 3),
                                                    revokedOn: revoked.flatMap { $0 < asOf ? $0 : nil },
                                                    revocationReason: revoked == nil ? nil : "未按要求报送材料"))
        }
        if shenzhen && rng.chance(0.002) {
            // A grant for one of its own matters, or for something it no longer shows.
            if let award = facts.awards.first {
                facts.history.grants.append(GrantRecord(
                    programme: "sz2023-m11-shenzhen-premium", policy: "sz-quality-brand-measures-2023",
                    matter: MatterKey.award(award.kind, year: award.year), date: day(withinYearsBefore: 1), amount: Money(wan: 20)))
            } else if let certificate = facts.certifications.first {
                facts.history.grants.append(GrantRecord(
                    programme: "sz2023-m03-carbon-footprint-label", policy: "sz-quality-brand-measures-2023",
                    matter: MatterKey.certificate(certificate.number), date: day(withinYearsBefore: 1), amount: Money(wan: 10)))
            } else {
                facts.history.grants.append(GrantRecord(
                    programme: "sz2023-m04-quality-tech-project", policy: "sz-quality-brand-measures-2023",
                    matter: MatterKey.project("QT-\(index)"), date: day(withinYearsBefore: 2), amount: Money(wan: 20)))
            }
        }
    }
}
