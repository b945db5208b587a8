import Foundation
import QualityRules

/// The policy calculator: a visitor describes an enterprise in a few answers, the platform turns them into
/// `EnterpriseFacts` and asks the same `Evaluator` the applications go through which programmes fit, and why.
struct PolicyCalculator: Sendable {
    let catalog: PolicyCatalog

    struct Input: Sendable, Equatable {
        var division = ""
        var years = ""
        var legalForm = LegalForm.legalPerson.rawValue
        var industry = "C"
        var taxWan = ""
        var cqo = false
        var cqoTrained = false
        var certifications: [String] = []
        var awards: [String] = []
        var penalty = false
        var majorAccident = false
        var majorComplaint = false
        var failedSpotCheck = false
        var on = ""

        var isEmpty: Bool { division.isEmpty && years.isEmpty && taxWan.isEmpty }
    }

    /// Certifications a visitor may tick, the ones the programmes ask about.
    static let certificationChoices: [CertificationType] = [
        .iso9001, .iatf16949, .iso13485, .iso22000, .iso14001, .iso45001, .measurementManagementSystem,
        .intellectualPropertyManagement, .highTechEnterprise, .gbaCarbonFootprintLabel, .greenProduct, .organicProduct, .accreditation,
    ]

    /// Awards won in the last year a visitor may tick.
    static let awardChoices: [AwardKind] = [
        .chinaQualityAward, .chinaQualityAwardNomination, .guangdongQualityAward, .guangdongQualityAwardNomination,
        .shenzhenMayorQualityAward, .governmentQualityAward, .shenzhenPremium, .chinaPremium, .nationalQualityBrandDemoZone,
        .internationalQcConference, .internationalQualityInnovationCompetition, .nationalQualityInnovationExchange,
    ]

    /// GB/T 4754-2017 sections (门类).
    static let industries: [(code: String, label: LocalizedText)] = [
        ("C", LocalizedText(zh: "制造业", en: "Manufacturing")), ("I", LocalizedText(zh: "信息传输、软件和信息技术服务业", en: "Information and software services")),
        ("M", LocalizedText(zh: "科学研究和技术服务业", en: "Research and technical services")), ("E", LocalizedText(zh: "建筑业", en: "Construction")),
        ("F", LocalizedText(zh: "批发和零售业", en: "Wholesale and retail")), ("G", LocalizedText(zh: "交通运输、仓储和邮政业", en: "Transport and logistics")),
        ("J", LocalizedText(zh: "金融业", en: "Finance")), ("D", LocalizedText(zh: "电力、热力、燃气及水生产和供应业", en: "Utilities")),
        ("H", LocalizedText(zh: "住宿和餐饮业", en: "Hotels and catering")), ("A", LocalizedText(zh: "农、林、牧、渔业", en: "Agriculture")),
        ("L", LocalizedText(zh: "租赁和商务服务业", en: "Leasing and business services")), ("Q", LocalizedText(zh: "卫生和社会工作", en: "Health and social work")),
    ]

    static let otherRegion = "110000"

    /// A fictitious but valid credit code, so the facts pass the same validation as a real enterprise's.
    static func creditCode(division: String) -> CreditCode {
        CreditCode.withCheckDigit("91" + division + "MA5CALC00") ?? CreditCode.withCheckDigit("91440300MA5CALC00")!
    }

    /// The answers as facts, or the problems with them (field → message).
    func facts(_ input: Input, today: CalendarDate) -> Result<(EnterpriseFacts, CalendarDate), AppError> {
        var problems: [String: LocalizedText] = [:]
        let day = input.on.isEmpty ? today : CalendarDate(iso: input.on)
        if day == nil { problems["on"] = Strings.Form.badDate }
        let division = input.division.trimmingCharacters(in: .whitespaces)
        let known = Regions.allDistricts.map(\.district.divisionCode) + [Self.otherRegion]
        if !known.contains(division) { problems["division"] = Strings.Portal.chooseRegion }
        let years = Int(input.years.trimmingCharacters(in: .whitespaces))
        if years.map({ !(0...200).contains($0) }) ?? true { problems["years"] = Strings.Portal.badYears }
        let legalForm = LegalForm(rawValue: input.legalForm)
        if legalForm == nil { problems["legalForm"] = Strings.Portal.chooseOne }
        if !Self.industries.contains(where: { $0.code == input.industry }) { problems["industry"] = Strings.Portal.chooseOne }
        var tax = Money.zero
        if !input.taxWan.trimmingCharacters(in: .whitespaces).isEmpty {
            switch Money.parse(yuan: input.taxWan) {
            case .success(let yuan) where yuan.fen <= Int64.max / 10_000: tax = Money(fen: yuan.fen * 10_000)
            case .success: problems["taxWan"] = Money.ParseError.tooLarge.message
            case .failure(let error): problems["taxWan"] = error.message
            }
        }
        guard problems.isEmpty, let day, let years, let legalForm else {
            return .failure(AppError.invalid(Strings.Portal.fixAnswers, fields: problems))
        }
        let district = Regions.allDistricts.first { $0.district.divisionCode == division }
        var facts = EnterpriseFacts(registration: Registration(
            creditCode: Self.creditCode(division: division), name: context(Strings.Portal.visitorEnterprise), divisionCode: division,
            city: district?.city, district: district?.district.name, registeredOn: day.adding(years: -years),
            legalForm: legalForm, industryCode: input.industry, operatingStatus: .active))
        facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: input.cqo || input.cqoTrained, trained: input.cqoTrained)
        // The three-year total, split over the three calendar years before this one; the fen left over go to
        // the latest year, so the total is exact.
        let share = tax.fen / 3
        facts.taxes = (1...3).map { back in
            TaxYear(year: day.year - back, amount: Money(fen: back == 1 ? tax.fen - 2 * share : share))
        }
        let valid = (from: day.adding(years: -1), to: day.adding(years: 2))
        facts.certifications = input.certifications.compactMap(CertificationType.init(rawValue:)).enumerated().map { index, type in
            Certification(type: type, number: "CALC-\(type.rawValue)-\(index + 1)", validFrom: valid.from, validTo: valid.to)
        }
        let awardDay = day.adding(months: -3)
        facts.awards = input.awards.compactMap(AwardKind.init(rawValue:)).map { kind in
            AwardRecord(kind: kind, level: Self.level(of: kind), year: awardDay.year, date: awardDay)
        }
        let recent = day.adding(months: -6)
        if input.penalty {
            facts.events.append(Event(date: recent, kind: .penalty, area: .quality, severity: .general, outcome: .decided, level: .municipal))
        }
        if input.majorAccident {
            facts.events.append(Event(date: recent, kind: .accident, area: .quality, severity: .major, outcome: .decided, level: .municipal))
        }
        if input.majorComplaint {
            facts.events.append(Event(date: recent, kind: .complaint, area: .quality, severity: .major, outcome: .substantiated, level: .municipal))
        }
        if input.failedSpotCheck {
            facts.events.append(Event(date: recent, kind: .spotCheck, area: .quality, severity: .serious, outcome: .failed, level: .provincial))
        }
        return .success((facts, day))
    }

    private func context(_ text: LocalizedText) -> String { text.zh }

    static func level(of kind: AwardKind) -> AdministrativeLevel {
        switch kind {
        case .chinaQualityAward, .chinaQualityAwardNomination, .chinaPremium, .nationalQualityBrandDemoZone,
             .nationalQualityInnovationExchange, .metrologyDemonstration: .national
        case .guangdongQualityAward, .guangdongQualityAwardNomination: .provincial
        case .internationalQcConference, .internationalQualityInnovationCompetition: .international
        case .shenzhenMayorQualityAward, .governmentQualityAward, .shenzhenPremium, .other: .municipal
        }
    }

    enum Fit: Int, Sendable, Comparable {
        case fits, maybe, doesNotFit, notInForce

        static func < (lhs: Fit, rhs: Fit) -> Bool { lhs.rawValue < rhs.rawValue }

        init(_ verdict: Verdict) {
            switch verdict {
            case .eligible: self = .fits
            case .needsReviewerFindings: self = .maybe
            case .notEligible: self = .doesNotFit
            case .policyNotInForce: self = .notInForce
            }
        }
    }

    struct Answer: Sendable {
        var programme: Programme
        var policy: Policy
        var fit: Fit
        var evaluation: Evaluation
        var failed: [RuleResult] { evaluation.allResults.filter { $0.outcome == .notMet } }
        var open: [RuleResult] { evaluation.allResults.filter { $0.outcome == .needsFinding } }
        var met: [RuleResult] { evaluation.allResults.filter { $0.outcome == .met } }
    }

    /// Every programme, best fits first, each with the engine's evaluation.
    func answers(for facts: EnterpriseFacts, on day: CalendarDate) -> [Answer] {
        let evaluator = Evaluator(catalog: catalog)
        return catalog.programmes.map { entry in
            let evaluation = evaluator.evaluate(entry.programme, of: entry.policy, facts: facts, on: day)
            return Answer(programme: entry.programme, policy: entry.policy, fit: Fit(evaluation.verdict), evaluation: evaluation)
        }
        .enumerated().sorted { ($0.element.fit, $0.offset) < ($1.element.fit, $1.offset) }.map(\.element)
    }
}
