import Foundation
import QualityRules
import Testing

/// The sandbox on a small, hand-made registry whose answers are known.
@Suite struct SandboxTests {
    static let catalog = try! PolicyCatalog.bundled()
    static let day = CalendarDate(iso: "2024-06-01")!

    /// A Shenzhen backbone candidate with a given three-year tax (万元), or a Shenzhen holder of certificates.
    static func enterprise(_ n: Int, taxWan: [Int64] = [], certificates: [CertificationType] = [], age: Int = 10) -> EnterpriseFacts {
        let code = CreditCode.withCheckDigit("91440305MA5TB\(String(format: "%04d", n))")!
        var facts = EnterpriseFacts(registration: Registration(
            creditCode: code, name: "沙盘企业\(n)", registeredOn: day.adding(years: -age), legalForm: .legalPerson, industryCode: "C3981"))
        facts.chiefQualityOfficer = ChiefQualityOfficer(appointed: true, trained: true)
        facts.taxes = taxWan.enumerated().map { TaxYear(year: 2021 + $0.offset, amount: Money(wan: $0.element)) }
        facts.certifications = ([.iso9001] + certificates).enumerated().map {
            Certification(type: $0.element, number: "C\(n)-\($0.offset)", validFrom: day.adding(years: -1), validTo: day.adding(years: 2))
        }
        return facts
    }

    static func columns(_ enterprises: [EnterpriseFacts]) -> FactColumns {
        let builder = FactColumns.Builder()
        enterprises.forEach(builder.append)
        return builder.build()
    }

    static func backbone(_ changes: [SandboxChange]) throws -> (SandboxDraftPolicy, Policy) {
        let base = try #require(catalog.policy("sz-backbone-2014"))
        return (try SandboxDraftPolicy(base: base, changes: changes), base)
    }

    @Test("lowering 000's tax line from ¥35M to ¥30M makes exactly the enterprises between the two newly qualify")
    func lowerThreshold() throws {
        // setup: 34.99M (short), 32M (short), 29M (short under both), 36M (qualifies under both)
        let registry = [Self.enterprise(1, taxWan: [1_100, 1_200, 1_199]), Self.enterprise(2, taxWan: [1_000, 1_000, 1_200]),
                        Self.enterprise(3, taxWan: [900, 1_000, 1_000]), Self.enterprise(4, taxWan: [1_200, 1_200, 1_200])]
        let (draft, base) = try Self.backbone([SandboxChange(target: "sz-backbone", field: .minimum, rule: "tax-three-years", value: "3000万")])
        // MUT
        let result = SandboxComparison(draft: try PolicyCatalog(policies: [draft.policy]).programmes,
                                       base: try PolicyCatalog(policies: [base]).programmes,
                                       lines: SandboxComparison.sameProgrammes(draft.policy, base), on: Self.day, columns: Self.columns(registry))
        // validation
        let line = try #require(result.lines.first)
        #expect(line.base.qualifying == 1)
        #expect(line.draft.qualifying == 3)
        #expect(line.newlyQualifying == 2 && line.noLongerQualifying == 0)
        #expect(Set(result.affected.map(\.creditCode)) == Set([registry[0], registry[1]].map(\.registration.creditCode.value)))
        #expect(result.affected.allSatisfy { $0.change == .newlyQualifying && $0.baseVerdict == .notEligible && $0.draftVerdict == .needsReviewerFindings })
        #expect(draft.policy.version == "2014.1+sandbox")
    }

    @Test("a quota caps the award total; a budget says what is left; a later start date takes the draft out of force")
    func quotaBudgetAndDates() throws {
        // setup: 002-style fixed award on a copy of 004 item 9's China Premium with three winners
        let base = try #require(Self.catalog.policy("sz-quality-brand-measures-2023"))
        var registry: [EnterpriseFacts] = []
        for n in 1...3 {
            var facts = Self.enterprise(10 + n)
            facts.awards = [AwardRecord(kind: .chinaPremium, level: .national, year: 2023)]
            registry.append(facts)
        }
        let columns = Self.columns(registry)
        let changes = [SandboxChange(target: "sz2023-m11-china-premium", field: .amount, value: "30万"),
                       SandboxChange(target: "sz2023-m11-china-premium", field: .quota, value: "2"),
                       SandboxChange(target: "sz2023-m11-china-premium", field: .budget, value: "50万")]
        let draft = try SandboxDraftPolicy(base: base, changes: changes)
        // MUT
        let result = SandboxComparison(draft: try PolicyCatalog(policies: [draft.policy]).programmes,
                                       base: try PolicyCatalog(policies: [base]).programmes,
                                       lines: SandboxComparison.sameProgrammes(draft.policy, base), budgets: draft.budgets,
                                       on: Self.day, columns: columns)
        // validation
        let line = try #require(result.lines.first { $0.line.draft == ["sz2023-m11-china-premium"] })
        #expect(line.base.award == Money(wan: 150))
        #expect(line.draft.award == Money(wan: 90))
        #expect(line.draft.quota == 2 && line.draft.awardWithinQuota == Money(wan: 60))
        #expect(line.budgetLeft == Money(wan: -10))
        #expect(line.awardChanged == 3)
        // MUT: the draft starts after the day
        let later = try SandboxDraftPolicy(base: base, changes: [SandboxChange(target: base.id, field: .inForceFrom, value: "2025-01-01")])
        let notYet = SandboxComparison(draft: try PolicyCatalog(policies: [later.policy]).programmes,
                                       base: try PolicyCatalog(policies: [base]).programmes,
                                       lines: SandboxComparison.sameProgrammes(later.policy, base), on: Self.day, columns: columns)
        // validation
        let premium = try #require(notYet.lines.first { $0.line.draft == ["sz2023-m11-china-premium"] })
        #expect(!premium.draft.inForce)
        #expect(premium.noLongerQualifying == 3)
        #expect(notYet.noLongerQualifying >= 3)
    }

    @Test("seed 003 against 004: the draft's green-product grant is new, the carbon label is funded by both")
    func seedExample() throws {
        // setup
        let registry = [Self.enterprise(21, certificates: [.greenProduct]), Self.enterprise(22, certificates: [.gbaCarbonFootprintLabel]),
                        Self.enterprise(23)]
        let draft = try #require(Self.catalog.policy("sz-quality-brand-fund-draft"))
        let base = try #require(Self.catalog.policy("sz-quality-brand-measures-2023"))
        // MUT
        let result = SandboxComparison(draft: try PolicyCatalog(policies: [draft]).programmes, base: try PolicyCatalog(policies: [base]).programmes,
                                       lines: SandboxComparison.seedExampleLines, on: Self.day, columns: Self.columns(registry))
        // validation
        let certification = try #require(result.lines.first { $0.line.draft == ["szdraft-p03-green-certification"] })
        #expect(certification.draft.qualifying == 2)
        #expect(certification.base.qualifying == 1)
        #expect(certification.newlyQualifying == 1)
        #expect(certification.draft.award == Money(wan: 10))      // up to ¥50,000 per certificate, two certificates
        #expect(certification.base.award == Money(wan: 10))       // up to ¥100,000 for the carbon label
        #expect(certification.hasEvidence)
        // Every id the example names exists, and every 003 and 004 programme is on some line.
        let named = Set(SandboxComparison.seedExampleLines.flatMap { $0.draft + $0.base })
        let all = Set((draft.programmes + base.programmes).map(\.id))
        #expect(named == all)
    }

    @Test("a change that does not fit is refused with the reason")
    func refusals() throws {
        let base = try #require(Self.catalog.policy("sz-backbone-2014"))
        #expect(throws: SandboxError.self) {
            try SandboxDraftPolicy(base: base, changes: [SandboxChange(target: "sz-backbone", field: .minimum, rule: "operating-five-years", value: "1")])
        }
        #expect(throws: SandboxError.self) {
            try SandboxDraftPolicy(base: base, changes: [SandboxChange(target: "sz-backbone", field: .years, rule: "operating-five-years", value: "0")])
        }
        #expect(throws: SandboxError.self) {
            try SandboxDraftPolicy(base: base, changes: [SandboxChange(target: "nope", field: .quota, value: "3")])
        }
        let change = try #require(SandboxChange(argument: "sz-backbone.years.operating-five-years=3"))
        #expect(change == SandboxChange(target: "sz-backbone", field: .years, rule: "operating-five-years", value: "3"))
        let three = try SandboxDraftPolicy(base: base, changes: [change])
        #expect(three.policy.programmes[0].conditions.first { $0.id == "operating-five-years" }?.kind == .registeredForYears(3))
    }
}
