import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// The money over the JSON API, every reply checked against `openapi.yaml`; and the demo city's money.
@Suite("Grants through the JSON API")
struct FundAPITests {
    struct Recorder {
        let document: APIDocument
        var problems: [String] = []

        mutating func check(_ method: String, _ path: String, _ reply: APIClient.Reply) throws -> APIClient.Reply {
            guard let template = document.template(for: path), let operation = document.operation(method, template) else {
                problems.append("\(method) \(path): not in openapi.yaml")
                return reply
            }
            guard let response = try document.response(operation, status: Int(reply.status.code)) else {
                problems.append("\(method) \(template): status \(reply.status.code) not documented")
                return reply
            }
            if let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"], let json = reply.json {
                problems += try document.validate(json, against: schema).map { "\(method) \(template) \(reply.status.code): \($0)" }
            }
            return reply
        }
    }

    @Test("a whole journey over the API, every reply as documented")
    func journey() async throws {
        var recorder = Recorder(document: try APIDocument.load())
        try await withTestApp { app in
            // setup
            let kit = FundFixture(app: app)
            _ = try await kit.finance()
            _ = try await kit.city()
            let (company, _) = try await kit.enterprise(50, certificates: [(.gbaCarbonFootprintLabel, "CFL-API")])
            let finance = try await APIClient.signedIn(app, "test-finance")
            let city = try await APIClient.signedIn(app, "test-city")
            let enterprise = try await APIClient.signedIn(app, "test-ent-50")

            // Funds
            _ = try recorder.check("POST", "/api/v1/funds", try await finance.post("/api/v1/funds", json: ["policyId": FundFixture.policy004, "year": 2026, "budget": "1.001"]))
            let created = try recorder.check("POST", "/api/v1/funds", try await finance.post("/api/v1/funds", json: [
                "policyId": FundFixture.policy004, "year": 2026, "source": "city_budget", "funderName": "深圳市市场监督管理局", "budget": "300000"]))
            #expect(created.status == .created)
            let fund = try created.decode(FundDetailDTO.self).fund
            #expect(fund.balances.appropriated == Money.yuan(300_000).fen)
            _ = try recorder.check("POST", "/api/v1/funds", try await finance.post("/api/v1/funds", json: ["policyId": FundFixture.policy004, "year": 2026]))
            _ = try recorder.check("POST", "/api/v1/funds", try await enterprise.post("/api/v1/funds", json: ["policyId": FundFixture.policy004, "year": 2026]))
            _ = try recorder.check("POST", "/api/v1/funds/\(fund.id)/movements",
                                   try await finance.post("/api/v1/funds/\(fund.id)/movements", json: ["movement": "appropriation", "amount": "100000", "memo": "追加"]))
            _ = try recorder.check("POST", "/api/v1/funds/\(fund.id)/movements",
                                   try await finance.post("/api/v1/funds/\(fund.id)/movements", json: ["movement": "reduction", "amount": "999999", "memo": "调减"]))
            _ = try recorder.check("GET", "/api/v1/funds", try await city.get("/api/v1/funds"))
            _ = try recorder.check("GET", "/api/v1/funds", try await APIClient(app).get("/api/v1/funds"))
            let detail = try recorder.check("GET", "/api/v1/funds/\(fund.id)", try await finance.get("/api/v1/funds/\(fund.id)"))
            #expect(try detail.decode(FundDetailDTO.self).reconciled)
            _ = try recorder.check("GET", "/api/v1/funds/\(UUID())", try await finance.get("/api/v1/funds/\(UUID())"))

            // A grant: applied, refused at approval for its amount, approved, paid.
            _ = try recorder.check("POST", "/api/v1/grants", try await enterprise.post("/api/v1/grants", json: ["fundId": UUID().uuidString, "programmeId": FundFixture.carbon004]))
            let applied = try recorder.check("POST", "/api/v1/grants", try await enterprise.post("/api/v1/grants", json: [
                "fundId": fund.id.uuidString, "programmeId": FundFixture.carbon004, "statement": "首张证书"]))
            #expect(applied.status == .created)
            let grant = try applied.decode(GrantDTO.self)
            #expect(grant.matters == ["certificate:CFL-API"] && grant.cap == Money.yuan(100_000).fen)
            _ = try recorder.check("POST", "/api/v1/grants", try await enterprise.post("/api/v1/grants", json: [
                "fundId": fund.id.uuidString, "programmeId": FundFixture.carbon004]))
            let base = "/api/v1/grants/\(grant.id)"
            let tooMuch = try recorder.check("POST", base + "/approve", try await city.post(base + "/approve", json: ["version": 1, "amount": "100000.01", "reason": "x"]))
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(try tooMuch.error.fields?["amount"]?.en.contains("above the cap") == true)
            _ = try recorder.check("POST", base + "/approve", try await city.post(base + "/approve", json: ["version": 1, "amount": 100000]))
            _ = try recorder.check("POST", base + "/approve", try await enterprise.post(base + "/approve", json: ["version": 1]))
            let approved = try recorder.check("POST", base + "/approve", try await city.post(base + "/approve", json: [
                "version": 1, "amount": "90000", "reason": "按认证费用核定"]))
            #expect(try approved.decode(GrantDTO.self).stage == .approved)
            _ = try recorder.check("POST", base + "/approve", try await city.post(base + "/approve", json: ["version": 2, "amount": "90000", "reason": "x"]))
            _ = try recorder.check("GET", "/api/v1/grants", try await enterprise.get("/api/v1/grants"))
            _ = try recorder.check("GET", "/api/v1/grants", try await city.get("/api/v1/grants?stage=approved"))
            _ = try recorder.check("GET", "/api/v1/grants", try await city.get("/api/v1/grants?stage=nonesuch"))
            _ = try recorder.check("GET", base, try await finance.get(base))
            _ = try recorder.check("POST", "/api/v1/disbursements", try await finance.post("/api/v1/disbursements", json: ["label": "", "grantIds": []]))
            let batch = try recorder.check("POST", "/api/v1/disbursements", try await finance.post("/api/v1/disbursements", json: [
                "label": "第一批", "grantIds": [grant.id.uuidString]]))
            let batchID = try batch.decode(BatchDTO.self).id
            _ = try recorder.check("GET", "/api/v1/disbursements", try await finance.get("/api/v1/disbursements"))
            _ = try recorder.check("GET", "/api/v1/disbursements/\(batchID)", try await finance.get("/api/v1/disbursements/\(batchID)"))
            let paid = try recorder.check("POST", "/api/v1/disbursements/\(batchID)/paid",
                                          try await finance.post("/api/v1/disbursements/\(batchID)/paid", json: ["paymentReference": "SZCZ-1", "paidOn": "2026-11-24"]))
            #expect(try paid.decode(BatchDTO.self).stage == .paid)
            _ = try recorder.check("POST", "/api/v1/disbursements/\(batchID)/paid",
                                   try await finance.post("/api/v1/disbursements/\(batchID)/paid", json: ["paymentReference": "SZCZ-2"]))
            let report = try recorder.check("POST", base + "/reports", try await enterprise.post(base + "/reports", json: [
                "kind": "plan", "text": "资金用于碳足迹核算体系建设。"]))
            #expect(try report.decode(GrantDTO.self).reports?.count == 1)
            _ = try recorder.check("POST", base + "/reports", try await enterprise.post(base + "/reports", json: ["kind": "plan", "text": "短"]))
            let open = try recorder.check("GET", "/api/v1/open-data/grants", try await APIClient(app).get("/api/v1/open-data/grants"))
            #expect(try open.decode(FundExports.GivingPackage.self).grants.first?.amountDisbursed == 90_000)
            let clawed = try recorder.check("POST", base + "/clawback", try await city.post(base + "/clawback", json: ["reason": "证书伪造"]))
            #expect(try clawed.decode(GrantDTO.self).stage == .clawedBack)
            _ = try recorder.check("POST", base + "/clawback", try await city.post(base + "/clawback", json: ["reason": "再次"]))

            // A second application, withdrawn; another rejected.
            let (_, other) = try await kit.enterprise(51, certificates: [(.gbaCarbonFootprintLabel, "CFL-W"), (.gbaCarbonFootprintLabel, "CFL-R")])
            let second = try await kit.apply(other, fund: try #require(try await Fund.find(fund.id, on: app.db)), programme: FundFixture.carbon004,
                                             matters: ["certificate:CFL-W"])
            let third = try await kit.apply(other, fund: try #require(try await Fund.find(fund.id, on: app.db)), programme: FundFixture.carbon004,
                                            matters: ["certificate:CFL-R"])
            let otherClient = try await APIClient.signedIn(app, "test-ent-51")
            _ = try recorder.check("POST", "/api/v1/grants/\(second.id!)/withdraw",
                                   try await otherClient.post("/api/v1/grants/\(second.id!)/withdraw", json: ["version": 1]))
            _ = try recorder.check("POST", "/api/v1/grants/\(third.id!)/reject",
                                   try await city.post("/api/v1/grants/\(third.id!)/reject", json: ["version": 1, "reason": "证书不在有效期内"]))
            _ = try recorder.check("GET", "/api/v1/grants/\(third.id!)", try await enterprise.get("/api/v1/grants/\(third.id!)"))

            // Earlier grants as a CSV body.
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            let good = "creditCode,programmeId,matter,grantedOn,amountYuan\n\(company.creditCode),\(FundFixture.guangdong004),award:guangdongQualityAward:2018,2019-01-05,1000000\n"
            let imported = try recorder.check("POST", "/api/v1/grant-history", try await finance.send(.POST, "/api/v1/grant-history", headers: headers, body: ByteBuffer(string: good)))
            #expect(try imported.decode(HistoryImportDTO.self).imported == 1)
            let wrong = try recorder.check("POST", "/api/v1/grant-history", try await finance.send(.POST, "/api/v1/grant-history", headers: headers, body: ByteBuffer(string: good)))
            #expect(try wrong.decode(HistoryImportDTO.self).errors.first?.row == 2)
            let final = try await kit.balances(try #require(try await Fund.find(fund.id, on: app.db)))
            // Reclaimed money is not spent again: it stays in the clawed-back account.
            #expect(final.clawedBack == Money.yuan(90_000).fen && final.available == Money.yuan(310_000).fen)
        }
        #expect(recorder.problems == [])
    }

    @Test("the demo city: this year's 004 fund (paid, approved, waiting), 2024's innovation-centre grants paid; reset keeps it whole")
    func demo() async throws {
        try await withTestApp(demo: true) { app in
            // validation: this year's 004 fund
            let fund = try #require(try await Fund.query(on: app.db).filter(\.$isDemo == true).filter(\.$policyID == FundFixture.policy004).first())
            #expect(fund.year == app.qualityCity.clock.today().year)
            let balances = try await FundFixture(app: app).balances(fund)
            #expect(balances.appropriated == Money(wan: 500))
            #expect(balances.disbursed == Money(wan: 100).fen && balances.committed == Money.yuan(80_000).fen)
            let stages = try await GrantApplication.query(on: app.db).filter(\.$fund.$id == fund.id!).all().map(\.stage)
            #expect(stages.sorted { $0.rawValue < $1.rawValue } == [.approved, .disbursed, .submitted])
            // 2024: every innovation-centre title brought its first-time grant, paid from the Jiangmen fund, with a plan.
            let titles = try await Title.query(on: app.db).filter(\.$programmeID == "jm-innovation-centre").all()
            let firstTime = try await GrantApplication.query(on: app.db).filter(\.$origin == .title).all()
            #expect(!titles.isEmpty && firstTime.count == titles.count)
            #expect(firstTime.allSatisfy { $0.stage == .disbursed && $0.disbursedAmount == Money.yuan(100_000).fen })
            #expect(try await FundUseReport.query(on: app.db).count() == titles.count)
            let batches = try await DisbursementBatch.query(on: app.db).all()
            #expect(batches.count == 2 && batches.allSatisfy { $0.stage == .paid })
            let finance = TestClient(app)
            try await finance.signIn("demo-finance")
            let page = try await finance.get("/funds")
            #expect(page.body.contains("500 万元") && page.body.contains("演示"))
            let carbon = TestClient(app)
            try await carbon.signIn("demo-enterprise-carbon")
            #expect(try await carbon.get("/grants").body.contains("已批准待拨付"))
            let grants = try await GrantApplication.query(on: app.db).count()
            let entries = try await LedgerEntry.query(on: app.db).count()
            // MUT: reset
            _ = try await DemoCity.reset(app)
            // validation
            #expect(try await Fund.query(on: app.db).count() == 2)
            #expect(try await GrantApplication.query(on: app.db).count() == grants)
            #expect(try await LedgerEntry.query(on: app.db).count() == entries)
        }
    }
}
