import Foundation
import Testing
@testable import QualityRules

@Suite struct CatalogTests {
    static let catalog = try! PolicyCatalog.bundled()

    @Test func bundledCatalogHasEverySeed() throws {
        #expect(Self.catalog.policies.map(\.seed) == ["000", "001", "002", "003", "004"])
        #expect(Self.catalog.programmes.count == 2 + 9 + 21)
    }

    @Test func inForceWindowsAsTheDocumentsSetThem() throws {
        let jm = try #require(Self.catalog.policy("jm-innovation-centre-2022"))
        #expect(jm.inForce == DayRange(start: CalendarDate(iso: "2022-03-01")!, end: CalendarDate(iso: "2025-02-28")!))
        let measures = try #require(Self.catalog.policy("sz-quality-brand-measures-2023"))
        #expect(measures.inForce == DayRange(start: CalendarDate(iso: "2023-06-20")!, end: CalendarDate(iso: "2028-06-19")!))
        #expect(measures.noDoubleBenefit != nil)
        let draft = try #require(Self.catalog.policy("sz-quality-brand-fund-draft"))
        #expect(draft.isDraft && draft.inForce == nil && draft.status(on: CalendarDate(iso: "2030-01-01")!) == .draft)
        #expect(Self.catalog.programmesInForce(on: CalendarDate(iso: "2024-06-01")!).map(\.policy.seed).allSatisfy { ["000", "002", "004"].contains($0) })
    }

    @Test func recognitionProgrammesCarryQuotasValidityAndBans() throws {
        let (_, backbone) = try #require(Self.catalog.programme("sz-backbone"))
        #expect(backbone.annualQuota?.perYear == 100 && backbone.titleValidityYears == 4 && backbone.reapplicationBanYears == nil)
        #expect(backbone.conditions.count >= 5 && backbone.exclusions.count >= 4)
        #expect(backbone.materials.count == 3 && backbone.procedure.map(\.id).first == "eligibilityReview")
        let (_, centre) = try #require(Self.catalog.programme("jm-innovation-centre"))
        #expect(centre.annualQuota?.perYear == 5 && centre.titleValidityYears == 3 && centre.reapplicationBanYears == 3)
        #expect(centre.rubric?.totalPoints == 100)
        #expect(centre.rubric?.groups.flatMap(\.indicators).count == 11)
        #expect(centre.award?.amount == .fixed(Money(yuan: 100_000)) && centre.award?.firstTimeOnly != nil)
        #expect(Set(centre.conditions.map(\.citation.clause.zh)).count == 9) // 第六条第（一）…（八）项 (the last in two parts)
    }

    @Test func grantAmountsAsTheMeasuresStateThem() throws {
        func amount(_ id: String) -> AwardAmount? { Self.catalog.programme(id)?.1.award?.amount }
        #expect(amount("sz2023-m01-industry-chain-quality") == .fixed(Money(wan: 300)))
        #expect(amount("sz2023-m09-china-quality-award") == .fixed(Money(wan: 300)))
        #expect(amount("sz2023-m09-guangdong-quality-award-nomination") == .fixed(Money(wan: 10)))
        #expect(amount("sz2023-m09-shenzhen-mayor-quality-award") == .upTo(MoneyRange(minimum: nil, maximum: Money(wan: 200))))
        #expect(amount("sz2023-m13-brand-promotion") == .upTo(MoneyRange(minimum: nil, maximum: Money(wan: 80))))
        guard case .perItem(let green)? = amount("szdraft-p03-green-certification"),
              case .perItem(let accreditation)? = amount("szdraft-p04-international-accreditation"),
              case .perItem(let service)? = amount("szdraft-p06-qi-collaborative-service") else {
            Issue.record("003 items 3, 4 and 6 are per item")
            return
        }
        #expect(green.each == .upTo(Money(wan: 5)) && green.perYearLimit == 3)
        #expect(accreditation.each == .upTo(Money(wan: 30)) && accreditation.perYearLimit == 2)
        #expect(service.each == .fixed(Money(wan: 20)) && service.perYearLimit == 2)
        guard case .tiers(let tiers)? = amount("sz2023-m08-gba-qi-connectivity") else { Issue.record("item 8 is tiered"); return }
        #expect(tiers.map(\.amount) == [.fixed(Money(wan: 200)), .fixed(Money(wan: 100)), .fixed(Money(wan: 50))])
        let firstTime = Self.catalog.programmes.filter { $0.programme.award?.firstTimeOnly != nil }.map(\.programme.id)
        #expect(firstTime.filter { $0.hasPrefix("sz2023-") } == [
            "sz2023-m09-china-quality-award", "sz2023-m09-china-quality-award-nomination", "sz2023-m09-guangdong-quality-award",
            "sz2023-m09-guangdong-quality-award-nomination", "sz2023-m09-shenzhen-mayor-quality-award", "sz2023-m10-excellence-performance",
            "sz2023-m11-shenzhen-premium", "sz2023-m11-china-premium"])
    }

    @Test func the2015TargetsOf001() throws {
        let indicators = Dictionary(uniqueKeysWithValues: Self.catalog.indicators.map { ($0.id, $0) })
        let expected: [(String, String, TargetDirection)] = [
            ("certified-industrial-enterprises", "3000", .atLeast), ("products-to-international-standards", "85", .atLeast),
            ("market-spot-check-pass-rate", "92", .atLeast), ("national-tracking-spot-check-pass-rate", "92", .atLeast),
            ("invention-patents-granted", "12000", .atLeast), ("industrial-wastewater-compliance", "95", .atLeast),
            ("drinking-water-source-compliance", "98", .atLeast), ("air-quality-grade-two-days", "98", .atLeast),
            ("urban-sewage-treatment-rate", "80", .atLeast), ("energy-per-gdp", "0.47", .atMost), ("water-per-gdp", "19.4", .atMost),
            ("geographical-indication-products", "5", .atLeast), ("provincial-brand-products", "260", .atLeast),
            ("products-adopting-international-standards", "150", .atLeast), ("technical-committees-in-shenzhen", "30", .atLeast),
            ("standards-drafted", "1500", .atLeast), ("national-inspection-centres", "5", .atLeast), ("public-testing-platforms", "5", .atLeast),
            ("government-quality-award-brand", "1", .atLeast), ("benchmark-enterprises", "10", .atLeast),
            ("enterprises-supported-yearly", "100", .atLeast), ("excellence-self-assessment-enterprises", "1000", .atLeast),
            ("excellence-managers-trained", "10000", .atLeast),
        ]
        for (id, target, direction) in expected {
            let indicator = try #require(indicators[id], "\(id)")
            #expect(indicator.target == target && indicator.direction == direction, "\(id)")
            #expect(!indicator.departments.isEmpty)
        }
        #expect(indicators["energy-per-gdp"]?.isMet(by: "0.46") == true)
        #expect(indicators["energy-per-gdp"]?.isMet(by: "0.471") == false)
        #expect(indicators["market-spot-check-pass-rate"]?.isMet(by: "92.0") == true)
        #expect(indicators["market-spot-check-pass-rate"]?.isMet(by: "91.99") == false)
        #expect(indicators["products-adopting-international-standards"]?.perYear == true)
    }

    /// Every citation quotes its seed: each fragment between "……" appears in the seed text (whitespace and
    /// punctuation width aside). Runs where the shared seeds are beside the repository.
    @Test func citationsQuoteTheSeedDocuments() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repository.deletingLastPathComponent().appendingPathComponent("shared/seeds"), URL(fileURLWithPath: "/work/shared/seeds")]
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        func normalized(_ text: String) -> String {
            let table: [Character: Character] = ["(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "!": "！"]
            return String(text.filter { !$0.isWhitespace }.map { table[$0] ?? $0 })
        }
        for policy in Self.catalog.policies {
            let file = try #require(files.first { $0.hasPrefix(policy.seed + "_") })
            let seed = normalized(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            var citations: [Citation] = []
            for p in policy.programmes {
                citations.append(p.citation)
                citations += p.allRules.map(\.citation)
                let optional: [Citation?] = [p.award?.citation, p.award?.firstTimeOnly, p.award?.rankAndThreshold?.citation,
                                             p.annualQuota?.citation, p.titleValidity?.citation]
                citations += optional.compactMap { $0 }
                citations += p.rubric?.groups.flatMap(\.indicators).map(\.citation) ?? []
            }
            citations += policy.indicators.map(\.citation)
            for citation in citations where citation.clause.zh != "标题及序言" && citation.clause.zh != "第一章 总则（适用范围）" {
                for fragment in citation.text.components(separatedBy: "……") where !fragment.isEmpty {
                    let body = normalized(fragment).trimmingCharacters(in: CharacterSet(charactersIn: "。；，"))
                    #expect(seed.contains(body), "\(policy.seed) \(citation.clause.zh): \(fragment)")
                }
            }
        }
    }
}
