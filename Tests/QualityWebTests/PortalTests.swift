import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("The public portal: the policy library, the calculator, the home page")
struct PortalTests {
    static let catalog = try! PolicyCatalog.bundled()

    /// Text as Plot writes it into a page.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test("the library lists every policy and every programme; each policy page quotes every clause the rules rest on")
    func library() async throws {
        try await withTestApp { app in
            // MUT
            let client = TestClient(app)
            let list = try await client.get("/policies")
            // validation
            #expect(list.status == .ok)
            for policy in Self.catalog.policies {
                #expect(list.body.contains(Self.html(policy.title.zh)), "\(policy.id) missing from the library")
                for programme in policy.programmes {
                    #expect(list.body.contains(Self.html(programme.title.zh)), "\(programme.id) missing from the library")
                }
                let page = try await client.get("/policies/\(policy.id)")
                #expect(page.status == .ok)
                for programme in policy.programmes {
                    #expect(page.body.contains(Self.html(programme.summary.zh)), "\(programme.id): no plain-language summary")
                    for rule in programme.allRules {
                        #expect(page.body.contains(Self.html(rule.citation.text)), "\(programme.id)/\(rule.id): clause not quoted")
                    }
                }
            }
            #expect(try await client.get("/policies/nonesuch").status == .notFound)
            let english = try await client.get("/policies?lang=en")
            #expect(english.body.contains(Self.html(Self.catalog.policies[0].title.en)))
        }
    }

    @Test("the library search finds programmes and clauses by their words, in either language")
    func search() async throws {
        try await withTestApp { app in
            // MUT
            let client = TestClient(app)
            let carbon = try await client.get("/policies?q=" + TestClient.encode("碳足迹"))
            let tax = try await client.get("/policies?q=" + TestClient.encode("三年纳税总额"))
            let english = try await client.get("/policies?q=Spot+Check&lang=en")
            let nothing = try await client.get("/policies?q=" + TestClient.encode("火星移民"))
            // validation
            let results = { (page: TestClient.Page) in page.body.components(separatedBy: "id=\"results\"").last?.components(separatedBy: "</section>").first ?? "" }
            #expect(results(carbon).contains("sz2023-m03-carbon-footprint-label"))
            #expect(!results(carbon).contains("/policies/sz-backbone-2014\""))
            #expect(results(tax).contains("/policies/sz-backbone-2014"))
            #expect(results(english).contains("/policies/sz-backbone-2014") && results(english).contains("/policies/jm-innovation-centre-2022"))
            #expect(nothing.body.contains("没有找到相关内容"))
        }
    }

    static func answerClass(_ body: String, programme: String) -> String? {
        guard let range = body.range(of: "id=\"answer-\(programme)\"") else { return nil }
        let before = body[..<range.lowerBound]
        guard let start = before.range(of: "class=\"card answer ", options: .backwards) else { return nil }
        return String(body[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The card of one programme's answer.
    static func answer(_ body: String, programme: String) -> String {
        body.components(separatedBy: "id=\"answer-\(programme)\"").dropFirst().first?.components(separatedBy: "</article>").first ?? ""
    }

    @Test("the calculator runs the visitor's answers through the engine and says which programmes fit and why")
    func calculator() async throws {
        try await withTestApp { app in
            // setup
            let client = TestClient(app)
            let strong = "/calculator?division=440305&years=12&legalForm=legalPerson&industry=C&taxWan=3600&cqo=on"
                + "&certifications%5B%5D=iso9001&certifications%5B%5D=gbaCarbonFootprintLabel"
            // MUT
            let fits = try await client.get(strong)
            let shortOfTax = try await client.get(strong.replacingOccurrences(of: "taxWan=3600", with: "taxWan=3499.99"))
            let penalised = try await client.get(strong + "&penalty=on")
            let jiangmen = try await client.get(strong.replacingOccurrences(of: "division=440305", with: "division=440703"))
            let young = try await client.get(strong.replacingOccurrences(of: "years=12", with: "years=4"))
            let exactlyFive = try await client.get(strong.replacingOccurrences(of: "years=12", with: "years=5"))
            let refused = try await client.get("/calculator?division=440305&years=abc&taxWan=-5")
            let empty = try await client.get("/calculator")
            // validation
            #expect(fits.status == .ok)
            #expect(Self.answerClass(fits.body, programme: "sz-backbone") == "fit-1", "000 needs the reviewers' findings only")
            #expect(fits.body.contains("待评审认定"))
            #expect(Self.answerClass(fits.body, programme: "sz2023-m03-carbon-footprint-label").map { ["fit-0", "fit-1"].contains($0) } == true)
            #expect(Self.answerClass(shortOfTax.body, programme: "sz-backbone") == "fit-2")
            #expect(shortOfTax.body.contains("3,499.99 万元") || shortOfTax.body.contains("34,999,900"))
            #expect(Self.answerClass(penalised.body, programme: "sz-backbone") == "fit-2")
            let card = Self.answer(penalised.body, programme: "sz-backbone")
            #expect(card.contains("✗") && card.contains("行政处罚"), "the reason is given")
            #expect(Self.answerClass(jiangmen.body, programme: "sz-backbone") == "fit-2")
            #expect(Self.answerClass(young.body, programme: "sz-backbone") == "fit-2")
            #expect(Self.answerClass(exactlyFive.body, programme: "sz-backbone") == "fit-1", "five years is 5年以上")
            #expect(fits.body.contains("id=\"fit-3\""), "002 (expired) and 003 (draft) are listed as not in force")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("0–200") && refused.body.contains("金额不能为负数"))
            #expect(empty.status == .ok && !empty.body.contains("id=\"results\""))
        }
    }

    @Test("a signed-in enterprise can check itself on its recorded facts, credit file included")
    func calculatorForMyEnterprise() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let client = TestClient(app)
            try await client.signIn("demo-enterprise-sz")
            // MUT
            let page = try await client.get("/calculator?mine=1")
            let anonymous = try await TestClient(app).get("/calculator?mine=1")
            // validation
            #expect(page.status == .ok)
            #expect(page.body.contains("深圳市鹏程精密制造有限公司"))
            #expect(Self.answerClass(page.body, programme: "sz-backbone") == "fit-1")
            #expect(!anonymous.body.contains("id=\"results\""))
        }
    }

    @Test("the home page is the portal's entry: calculator, library, credit query, verification, notices, targets")
    func home() async throws {
        try await withTestApp(demo: true) { app in
            // MUT
            let page = try await TestClient(app).get("/")
            // validation
            for path in ["/calculator", "/policies", "/credit", "/verify", "/notices", "/targets", "/calls"] {
                #expect(page.body.contains("href=\"\(path)\""), "no link to \(path)")
            }
            #expect(page.body.contains("action=\"/credit\"") && page.body.contains("action=\"/policies\""))
            #expect(page.body.contains("name=\"viewport\""))
        }
    }

    @Test("markup typed into the portal's fields, names and queries comes back as text, on every page of issue 9")
    func hostileInput() async throws {
        try await withTestApp(demo: true) { app in
            // setup: the payload in an enterprise's name and contact, a credit record, a new department, every query
            let payload = HostileMarkupTests.payload
            let encoded = TestClient.encode(payload)
            let name = try #require(DemoEnterprises.specs.first { $0.profile == .backboneStrong }).name
            let enterprise = try #require(try await Enterprise.query(on: app.db).filter(\.$name == name).first())
            enterprise.name = "鹏程\(payload)"
            enterprise.contactName = payload
            try await enterprise.update(on: app.db)
            let city = TestClient(app)
            try await city.signIn("demo-city")
            let recorded = try await city.post("/credit/\(enterprise.creditCode)/records", form: [
                "kind": "spotCheck", "occurredOn": "2026-11-01", "area": "quality", "severity": "general", "outcome": "failed",
                "level": "municipal", "reference": payload, "summary": payload, "privateNote": payload, "isPublic": "on"])
            #expect(recorded.status == .seeOther)
            let refusedRecord = try await city.post("/credit/\(enterprise.creditCode)/records", form: [
                "kind": "penalty", "occurredOn": payload, "reference": payload, "summary": payload])
            // (a unit is at most 40 characters, so it gets the payload's first 40)
            let added = try await city.post("/admin/targets", form: [
                "key": "hostile-indicator", "nameZH": payload, "nameEN": payload, "unitZH": "个", "unitEN": String(payload.prefix(40)), "target": "5",
                "direction": "atLeast", "firstYear": "2011", "targetYear": "2015", "plan": payload,
                "newDepartmentZH": "部门\(payload)", "newDepartmentEN": payload])
            #expect(added.status == .seeOther)
            let refusedIndicator = try await city.post("/admin/targets", form: ["key": payload, "nameZH": payload, "target": payload, "plan": payload])
            let indicator = try #require(try await CityIndicator.query(on: app.db).filter(\.$key == "energy-per-gdp").first())
            var pages: [(String, String)] = [("refused record", refusedRecord.body), ("refused indicator", refusedIndicator.body)]
            let industry = TestClient(app)
            try await industry.signIn("demo-department-industry")
            let refusedValue = try await industry.post("/targets/indicators/\(indicator.id!)/reports", form: ["value": payload, "note": payload])
            pages.append(("refused value", refusedValue.body))
            // MUT
            let visits: [(String?, [String])] = [
                (nil, ["/", "/credit?q=" + TestClient.encode("鹏程"), "/credit?q=" + encoded, "/credit/\(enterprise.creditCode)",
                       "/policies?q=" + encoded, "/calculator?division=440305&years=" + encoded + "&taxWan=" + encoded + "&on=" + encoded,
                       "/calculator?division=440305&years=3&industry=C&legalForm=legalPerson", "/targets", "/targets/annual/2015"]),
                ("demo-city", ["/credit/\(enterprise.creditCode)", "/admin/targets", "/targets"]),
                ("demo-department-msa", ["/targets/report"]),
                ("demo-enterprise-sz", ["/credit/\(enterprise.creditCode)", "/calculator?mine=1"]),
            ]
            for (username, paths) in visits {
                let client = TestClient(app)
                if let username { try await client.signIn(username) }
                for path in paths {
                    let page = try await client.get(path)
                    pages.append(("\(username ?? "public") \(path)", page.body))
                }
            }
            // validation
            var shownEscaped = 0
            for (name, body) in pages {
                #expect(!body.contains("<x-injected") && !body.contains("<script>alert(1)"), "markup injected on \(name)")
                if body.contains("&lt;x-injected") || body.contains("&quot;&#39;&gt;&lt;x-injected") { shownEscaped += 1 }
            }
            #expect(shownEscaped >= 10, "the payload showed on only \(shownEscaped) pages")
        }
    }
}
