import Foundation
import QualityRules

/// Facts for the demo enterprises, dated relative to the day the demo is loaded, so that every verdict the
/// engine can give shows up somewhere: eligible but awaiting a reviewer's findings, short of the tax line,
/// inside a look-back window, too young, a strong and a modest rubric score, a grant matter to claim.
enum DemoFacts {
    static func facts(for spec: DemoEnterprises.Spec, creditCode: CreditCode, today: CalendarDate) -> String {
        var facts = EnterpriseFacts(registration: Registration(
            creditCode: creditCode, name: spec.name, city: spec.city, district: spec.district,
            registeredOn: today.adding(years: -12), legalForm: .legalPerson,
            industryCode: spec.city == "江门市" ? "C3831" : "C3981"))
        let year = today.year
        switch spec.profile {
        case .backboneStrong:
            shenzhenBackbone(&facts, today: today, taxes: [1_800, 2_100, 2_400])
        case .backboneTaxShort:
            // ¥34,990,000 over three years: ¥10,000 short of the ¥35,000,000 line.
            shenzhenBackbone(&facts, today: today, taxes: [1_100, 1_200, 1_199])
        case .backbonePenalised:
            shenzhenBackbone(&facts, today: today, taxes: [3_000, 3_200, 3_500])
            facts.events.append(Event(date: today.adding(months: -14), kind: .penalty, area: .marketOrder, severity: .general,
                                      outcome: .decided, level: .municipal, reference: "深市监罚〔演示〕18号",
                                      note: "虚假宣传（演示数据）"))
        case .backboneTooYoung:
            shenzhenBackbone(&facts, today: today, taxes: [2_000, 2_500, 3_000])
            facts.registration.registeredOn = today.adding(years: -4)
        case .grantAwardee:
            shenzhenBackbone(&facts, today: today, taxes: [1_300, 1_400, 1_500])
            facts.awards = [AwardRecord(kind: .guangdongQualityAward, name: "广东省政府质量奖", level: .provincial, year: year - 1,
                                        date: CalendarDate(year: year - 1, month: 12, day: 18))]
        case .grantCarbonLabel:
            shenzhenBackbone(&facts, today: today, taxes: [600, 700, 800])
            facts.certifications += [
                Certification(type: .gbaCarbonFootprintLabel, number: "GBA-CFL-\(year)-0117", issuer: "演示认证机构",
                              validFrom: today.adding(months: -5), validTo: today.adding(years: 3)),
                Certification(type: .gbaCarbonFootprintLabel, number: "GBA-CFL-\(year)-0118", issuer: "演示认证机构",
                              validFrom: today.adding(months: -4), validTo: today.adding(years: 3)),
            ]
        case .centreStrong:
            jiangmenManufacturer(&facts, today: today, strong: true)
        case .centreModest:
            jiangmenManufacturer(&facts, today: today, strong: false)
        case .centreSpotCheckFailed:
            jiangmenManufacturer(&facts, today: today, strong: false)
            facts.events.append(Event(date: today.adding(months: -5), kind: .spotCheck, area: .quality, severity: .general,
                                      outcome: .failed, level: .provincial, reference: "粤市监抽〔演示〕", note: "标签标识不合格（演示数据）"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(facts)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// A Shenzhen enterprise with a quality system and a CQO; taxes in 万元 for the three years before this one.
    private static func shenzhenBackbone(_ facts: inout EnterpriseFacts, today: CalendarDate, taxes: [Int64]) {
        facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: true, trained: true)
        facts.certifications = [
            Certification(type: .iso9001, number: "CN-QMS-\(today.year - 2)-0451", issuer: "演示认证机构",
                          validFrom: today.adding(years: -2), validTo: today.adding(years: 1)),
        ]
        facts.taxes = taxes.enumerated().map { TaxYear(year: today.year - taxes.count + $0.offset, amount: Money(wan: $0.element)) }
        facts.patents = (0..<6).map { Patent(number: "ZL20\(15 + $0)1000\($0)", kind: .invention, jurisdiction: .domestic,
                                               grantedOn: today.adding(years: -1 - $0)) }
        facts.events = [
            Event(date: today.adding(months: -8), kind: .spotCheck, area: .quality, outcome: .passed, level: .municipal),
        ]
    }

    /// A Jiangmen manufacturer, scored on 002's rubric.
    private static func jiangmenManufacturer(_ facts: inout EnterpriseFacts, today: CalendarDate, strong: Bool) {
        facts.registration.registeredOn = today.adding(years: strong ? -16 : -7)
        facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: true, trained: strong)
        let valid = (from: today.adding(years: -2), to: today.adding(years: 1))
        var certificates: [(CertificationType, String)] = [(.iso9001, "QMS"), (.measurementManagementSystem, "MMS")]
        if strong {
            certificates += [(.highTechEnterprise, "GR"), (.iso14001, "EMS"), (.socialResponsibility, "SA"), (.iso45001, "OHS"),
                             (.intellectualPropertyManagement, "IPM"), (.exportCertification, "CE")]
        } else {
            certificates += [(.iso14001, "EMS")]
        }
        facts.certifications = certificates.map {
            Certification(type: $0.0, number: "\($0.1)-\(today.year - 2)-08", issuer: "演示认证机构", validFrom: valid.from, validTo: valid.to)
        }
        facts.taxes = (1...3).map { TaxYear(year: today.year - $0, amount: Money(wan: strong ? 1_500 : 400)) }
        facts.standards = strong ? [
            DraftedStandard(number: "GB/T 4\(today.year % 100)01-\(today.year - 2)", level: .national, role: .participant, publishedOn: today.adding(years: -2)),
            DraftedStandard(number: "T/JMQA 012-\(today.year - 1)", level: .group, role: .lead, publishedOn: today.adding(years: -1)),
        ] : [DraftedStandard(number: "DB4407/T 35-\(today.year - 3)", level: .local, role: .participant, publishedOn: today.adding(years: -3))]
        facts.secretariats = strong ? [Secretariat(committee: "SAC/TC 46/SC 2", level: .provincial, joint: true, since: today.adding(years: -6))] : []
        facts.patents = (0..<(strong ? 5 : 1)).map { Patent(number: "ZL20\(16 + $0)2000\($0)", kind: .invention, jurisdiction: .domestic, grantedOn: today.adding(years: -1 - $0)) }
            + (0..<(strong ? 3 : 2)).map { Patent(number: "ZL20\(18 + $0)3000\($0)", kind: .utilityModel, jurisdiction: .domestic, grantedOn: today.adding(years: -1 - $0)) }
        facts.trademarks = [Trademark(number: "第 8812\(strong ? 3 : 4) 号", jurisdiction: .domestic, registeredOn: today.adding(years: -9))]
            + (strong ? [Trademark(number: "EUTM 01788", jurisdiction: .foreign, registeredOn: today.adding(years: -4))] : [])
        facts.awards = strong ? [AwardRecord(kind: .governmentQualityAward, name: "江门市政府质量奖", level: .municipal, year: today.year - 3)] : []
        facts.labs = [Lab(name: "检测中心", independent: true, cnas: strong)]
        facts.projects = strong ? [Project(name: "高效电机质量攻关", level: .municipal, kind: .scienceTechnology, year: today.year - 2)] : []
        facts.staff = Staff(fullTimeQualityStaff: strong ? 3 : 1, professionalTitles: [
            ProfessionalTitles(field: .quality, level: .intermediate, count: strong ? 4 : 2),
            ProfessionalTitles(field: .metrology, level: .senior, count: strong ? 2 : 0),
        ])
        facts.practices = strong ? ManagementPractice.allCases : [.qualityOrganization, .qmsOperating, .processRecords, .qmsEffective]
        facts.events = (1...3).map { Event(date: today.adding(years: -$0), kind: .spotCheck, area: .quality, outcome: .passed, level: .provincial) }
    }
}
