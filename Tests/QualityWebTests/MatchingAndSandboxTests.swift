import Fluent
import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Testing
import Vapor

/// Proactive matching and the policy sandbox over HTTP, on the demo city.
@Suite("Matching and sandbox pages")
struct MatchingAndSandboxTests {
    @Test("the city runs a match; officers see candidates with filters and exports; the enterprise sees what it may qualify for")
    func matching() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let city = TestClient(app)
            try await city.signIn("demo-city")
            // MUT
            let run = try await city.post("/matching/run", form: ["on": "2026-11-24"])
            // validation
            #expect(run.status == .seeOther)
            let overview = try await city.get("/matching")
            #expect(overview.body.contains("id=\"match-summary\""))
            #expect(overview.body.contains("sz-backbone"))
            let backbone = try await city.get("/matching/programmes/sz-backbone")
            #expect(backbone.status == .ok)
            #expect(backbone.body.contains("深圳市鹏程精密制造有限公司"))
            // The tax-short and the penalised enterprises are not candidates.
            #expect(!backbone.body.contains("深圳市星河云联电子科技有限公司"))
            #expect(!backbone.body.contains("深圳市安信检测技术股份有限公司"))
            let filtered = try await city.get("/matching/programmes/sz-backbone?q=%E9%B9%8F%E7%A8%8B")
            #expect(filtered.body.contains("深圳市鹏程精密制造有限公司"))
            let none = try await city.get("/matching/programmes/sz-backbone?district=%E7%BD%97%E6%B9%96%E5%8C%BA")
            #expect(none.body.contains(Strings.Matching.noCandidates.zh))
            let csv = try await city.get("/matching/programmes/sz-backbone/export/csv")
            #expect(csv.headers.contentType?.description.contains("text/csv") == true)
            #expect(csv.body.contains("深圳市鹏程精密制造有限公司"))
            #expect(csv.body.contains("统一社会信用代码"))
            let xlsx = try await city.get("/matching/programmes/sz-backbone/export/xlsx")
            #expect(xlsx.status == .ok && xlsx.body.hasPrefix("PK"))
            let carbon = try await city.get("/matching/programmes/sz2023-m03-carbon-footprint-label")
            #expect(carbon.body.contains("深圳市湾区绿能科技有限公司"))

            // A district officer sees their own district only; Pengjiang has no Shenzhen candidates.
            let district = TestClient(app)
            try await district.signIn("demo-district-pengjiang")
            let theirs = try await district.get("/matching/programmes/sz-backbone")
            #expect(!theirs.body.contains("深圳市鹏程精密制造有限公司"))
            #expect(try await district.post("/matching/run", form: ["on": "2026-11-24"]).status == .forbidden)

            // The enterprise sees the programme with the engine's explanation.
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let home = try await enterprise.get("/enterprise")
            #expect(home.body.contains("/enterprise/matches"))
            let mine = try await enterprise.get("/enterprise/matches")
            #expect(mine.body.contains("id=\"matches\""))
            #expect(mine.body.contains("深圳市质量强市骨干企业"))
            #expect(mine.body.contains("纳税总额 6,300 万元"))
            #expect(try await enterprise.get("/matching").status == .forbidden)
        }
    }

    @Test("a bad date is refused and nothing runs")
    func badDate() async throws {
        try await withTestApp(demo: true) { app in
            let city = TestClient(app)
            try await city.signIn("demo-city")
            let page = try await city.post("/matching/run", form: ["on": "2026-02-30"])
            #expect(page.status == .unprocessableEntity)
            #expect(try await MatchRun.query(on: app.db).count() == 0)
        }
    }

    @Test("a draft lowering 000's tax line shows the tax-short enterprise newly qualifying; the example compares 003 with 004")
    func sandbox() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let city = TestClient(app)
            try await city.signIn("demo-city")
            let created = try await city.post("/sandbox", form: ["name": "骨干企业纳税门槛下调", "base": "sz-backbone-2014", "against": ""])
            #expect(created.status == .seeOther)
            let draftPath = try #require(created.location)
            let form = try await city.get(draftPath)
            #expect(form.body.contains("p|sz-backbone|minimum|tax-three-years"))
            let factsBefore = try await Enterprise.query(on: app.db).sort(\.$creditCode).all().map(\.factsJSON)
            // MUT
            let saved = try await city.post(draftPath, form: ["p|sz-backbone|minimum|tax-three-years": "34000000.00"])
            let compared = try await city.get(draftPath + "/compare?on=2026-11-24")
            // validation
            #expect(saved.status == .seeOther)
            #expect(compared.status == .ok)
            #expect(compared.body.contains("sz-backbone.minimum.tax-three-years=34000000.00"))
            #expect(compared.body.contains(Strings.Sandbox.policyLevel(1, 0).zh))
            let taxShort = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "深圳市星河云联电子科技有限公司").first())
            #expect(compared.body.contains(taxShort.creditCode))
            let csv = try await city.get(draftPath + "/compare?on=2026-11-24&format=csv")
            #expect(csv.body.contains(taxShort.creditCode))
            // Nothing live changed.
            #expect(try await Enterprise.query(on: app.db).sort(\.$creditCode).all().map(\.factsJSON) == factsBefore)
            // A value that does not fit is refused with the reason.
            let refused = try await city.post(draftPath, form: ["p|sz-backbone|years|operating-five-years": "0"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"error\""))
            // The built-in example.
            let example = try await city.get("/sandbox/example?on=2026-11-24")
            #expect(example.status == .ok)
            #expect(example.body.contains("绿色及高端认证"))
            // Other roles cannot reach the sandbox.
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            #expect(try await enterprise.get("/sandbox").status == .forbidden)
        }
    }

    @Test("markup in a search, a district filter, a draft's name and a refused parameter comes back as text")
    func hostileInput() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let payload = HostileMarkupTests.payload
            let encoded = TestClient.encode(payload)
            let city = TestClient(app)
            try await city.signIn("demo-city")
            _ = try await city.post("/matching/run", form: ["on": "2026-11-24"])
            let created = try await city.post("/sandbox", form: ["name": payload, "base": "sz-backbone-2014", "against": ""])
            let draftPath = try #require(created.location)
            // MUT
            let pages = [
                try await city.get("/matching/programmes/sz-backbone?q=\(encoded)&district=\(encoded)&minScore=\(encoded)"),
                try await city.get("/sandbox"),
                try await city.get(draftPath),
                try await city.post(draftPath, form: ["p|sz-backbone|minimum|tax-three-years": payload]),
            ]
            // validation
            for page in pages {
                #expect(!page.body.contains("<x-injected") && !page.body.contains("<script>alert(1)"))
            }
            #expect(pages[0].body.contains("value=\"\(attr(payload))\""))
            #expect(pages[3].status == .unprocessableEntity)
        }
    }
}
