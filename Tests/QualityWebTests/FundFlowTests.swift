import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Spreadsheet
import Testing
import Vapor

/// The money through the pages, as each person does it: finance makes the fund, the enterprise applies,
/// the city bureau decides, finance pays and exports, the public downloads the open data, and a grant is
/// clawed back.
@Suite("Grants through the pages")
struct FundFlowTests {
    static func id(_ location: String?) -> UUID? { TestClient.applicationID(fromLocation: location) }

    @Test("fund → application → refused and accepted decisions → batch → paid → exports and open data → clawback")
    func journey() async throws {
        try await withTestApp { app in
            // setup: the people and an enterprise with two carbon-footprint certificates
            let kit = FundFixture(app: app)
            _ = try await kit.finance()
            _ = try await kit.city()
            let (company, _) = try await kit.enterprise(30, certificates: [(.gbaCarbonFootprintLabel, "CFL-P1"), (.gbaCarbonFootprintLabel, "CFL-P2")])
            let finance = TestClient(app)
            try await finance.signIn("test-finance")

            // A fund: a negative budget is refused beside what was typed; then made.
            var page = try await finance.post("/funds", form: ["policyID": FundFixture.policy004, "year": "2026", "source": "city_budget",
                                                               "budget": "-300000", "funderName": "深圳市市场监督管理局"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("金额不能为负数") && page.body.contains("value=\"-300000\""))
            #expect(try await Fund.query(on: app.db).count() == 0)
            page = try await finance.post("/funds", form: ["policyID": FundFixture.policy004, "year": "2026", "source": "city_budget",
                                                           "budget": "150000", "funderName": "深圳市市场监督管理局"])
            #expect(page.status == .seeOther)
            let fundID = try #require(Self.id(page.location))
            page = try await finance.post("/funds/\(fundID)/movements", form: ["movement": "appropriation", "amount": "50000", "memo": "深财预〔2026〕12号"])
            #expect(page.status == .seeOther)
            page = try await finance.post("/funds/\(fundID)/movements", form: ["movement": "reduction", "amount": "200000.01", "memo": "调减"])
            #expect(page.status == .conflict)
            #expect(page.body.contains("差 0.01 元"))
            page = try await finance.get("/funds/\(fundID)")
            #expect(page.body.contains("计数行与分录汇总一致") && page.body.contains("深财预〔2026〕12号"))

            // The enterprise applies for one certificate.
            let enterprise = TestClient(app)
            try await enterprise.signIn("test-ent-30")
            page = try await enterprise.get("/grants/new")
            #expect(page.body.contains("碳足迹标识认证资助"))
            page = try await enterprise.post("/grants", form: ["item": "\(fundID)|\(FundFixture.carbon004)", "matters": "certificate:CFL-NONE"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("不在企业信息的符合条件记录中") && page.body.contains("certificate:CFL-NONE"))
            page = try await enterprise.post("/grants", form: ["item": "\(fundID)|\(FundFixture.carbon004)", "matters": "certificate:CFL-P1",
                                                               "statement": "首张证书"])
            #expect(page.status == .seeOther)
            let grantID = try #require(Self.id(page.location))
            page = try await enterprise.upload("/grants/\(grantID)/evidence", fields: [:], filename: "证书.pdf", data: Fixtures.pdf)
            #expect(page.status == .seeOther)
            page = try await enterprise.get("/grants/\(grantID)")
            #expect(page.body.contains("待审核") && page.body.contains("证书.pdf") && page.body.contains("最高可资助"))
            #expect(!page.body.contains("approve-form"))

            // The city bureau: fractional fen and above-the-cap are refused with the typed amount kept.
            let city = TestClient(app)
            try await city.signIn("test-city")
            page = try await city.get("/grants/\(grantID)")
            #expect(page.body.contains("approve-form"))
            let version = try #require(TestClient.version(in: page.body))
            page = try await city.post("/grants/\(grantID)/approve", form: ["version": version, "fundID": fundID.uuidString,
                                                                           "amount": "80000.005", "reason": "按费用核定"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("金额最多保留两位小数") && page.body.contains("value=\"80000.005\""))
            page = try await city.post("/grants/\(grantID)/approve", form: ["version": version, "fundID": fundID.uuidString,
                                                                           "amount": "100000.01", "reason": "按费用核定"])
            #expect(page.body.contains("超过上限"))
            page = try await city.post("/grants/\(grantID)/approve", form: ["version": version, "fundID": fundID.uuidString,
                                                                           "amount": "80000", "reason": "按费用核定"])
            #expect(page.status == .seeOther)
            #expect(try await GrantApplication.find(grantID, on: app.db)?.approvedAmount == Money.yuan(80_000).fen)

            // Finance batches and pays it; a batch without a reference is refused.
            page = try await finance.get("/disbursements")
            #expect(page.body.contains("G-" + grantID.uuidString.prefix(8)))
            page = try await finance.post("/disbursements", form: ["grantIDs[]": grantID.uuidString, "label": "2026 年第一批"])
            #expect(page.status == .seeOther)
            let batchID = try #require(Self.id(page.location))
            page = try await finance.post("/disbursements/\(batchID)/paid", form: ["paymentReference": "", "paidOn": "2026-11-24"])
            #expect(page.status == .unprocessableEntity && page.body.contains("请填写支付凭证号"))
            page = try await finance.post("/disbursements/\(batchID)/paid", form: ["paymentReference": "SZCZ-2026-000123", "paidOn": "2026-11-24"])
            #expect(page.status == .seeOther)
            page = try await finance.post("/disbursements/\(batchID)/paid", form: ["paymentReference": "SZCZ-2026-000124", "paidOn": "2026-11-24"])
            #expect(page.status == .conflict)
            let fund = try #require(try await Fund.find(fundID, on: app.db))
            var balances = try await kit.balances(fund)
            #expect(balances.disbursed == Money.yuan(80_000).fen && balances.available == Money.yuan(120_000).fen)

            // Exports for finance.
            let csv = try await finance.get("/funds/exports/grants.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix("\u{FEFF}资助编号,统一社会信用代码"))
            #expect(csv.body.contains("\(company.creditCode),") && csv.body.contains(",80000.00,80000.00,,2026-11-24,2026-11-24,SZCZ-2026-000123"))
            let xlsx = try await app.testing().sendRequest(.GET, "/funds/exports/grants.xlsx", headers: ["Cookie": finance.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
            let rows = try XLSXReader(data: Data(buffer: xlsx.body)).rows(sheetAt: 0)
            #expect(rows.count == 2)
            #expect(rows[1].cells[1] == .text(company.creditCode))
            #expect(rows[1].cells[10].scaledInteger(scale: 2) == Money.yuan(80_000).fen)
            let disbursementsCSV = try await finance.get("/funds/exports/disbursements.csv")
            #expect(disbursementsCSV.body.contains("2026 年第一批,已拨付,SZCZ-2026-000123"))
            #expect(try await enterprise.get("/funds/exports/grants.csv").status == .forbidden)

            // Open data for anyone, in the 360Giving shape.
            let json = try await TestClient(app).get("/open-data/grants.json")
            let package = try JSONDecoder().decode(FundExports.GivingPackage.self, from: Data(json.body.utf8))
            let gift = try #require(package.grants.first)
            #expect(gift.id == "360G-qualitycity-" + grantID.uuidString.lowercased())
            #expect(gift.recipientOrganization.first?.id == "CN-USCC-\(company.creditCode)")
            #expect(gift.amountAwarded == 80_000 && gift.amountDisbursed == 80_000 && gift.currency == "CNY")
            #expect(gift.grantProgramme.first?.code == FundFixture.carbon004 && gift.awardDate == "2026-11-24")
            let openCSV = try await TestClient(app).get("/open-data/grants.csv")
            #expect(openCSV.body.contains("Identifier,Title,Description,Currency,Amount Awarded,Amount Disbursed,Award Date,Recipient Org:Identifier"))
            #expect(openCSV.body.contains(",CNY,80000.00,80000.00,2026-11-24,CN-USCC-\(company.creditCode),"))

            // The enterprise sends its fund-use plan; the city bureau claws the grant back.
            page = try await enterprise.post("/grants/\(grantID)/reports", form: ["kind": "plan", "text": "资金用于碳足迹核算体系建设与产品线改造。"])
            #expect(page.status == .seeOther)
            page = try await city.post("/grants/\(grantID)/clawback", form: ["clawbackReason": ""])
            #expect(page.status == .unprocessableEntity)
            page = try await city.post("/grants/\(grantID)/clawback", form: ["clawbackReason": "认证证书系伪造，撤销资格"])
            #expect(page.status == .seeOther)
            #expect(try await GrantApplication.find(grantID, on: app.db)?.stage == .clawedBack)
            balances = try await kit.balances(fund)
            #expect(balances.disbursed == 0 && balances.clawedBack == Money.yuan(80_000).fen)
            let after = try JSONDecoder().decode(FundExports.GivingPackage.self, from: Data(try await TestClient(app).get("/open-data/grants.json").body.utf8))
            #expect(after.grants.first?.amountDisbursed == 0 && after.grants.first?.description.contains("已追回") == true)
            page = try await enterprise.get("/grants/\(grantID)")
            #expect(page.body.contains("已追回") && page.body.contains("资金使用计划"))
        }
    }

    @Test("earlier grants: a file with wrong rows is refused row by row and imports nothing; a good XLSX imports")
    func historyImport() async throws {
        try await withTestApp { app in
            // setup
            let kit = FundFixture(app: app)
            _ = try await kit.finance()
            let (company, _) = try await kit.enterprise(31)
            let finance = TestClient(app)
            try await finance.signIn("test-finance")
            let code = company.creditCode
            let miscopied = String(code.dropLast()) + (code.hasSuffix("1") ? "2" : "1")
            let bad = """
                统一社会信用代码,项目编号,事项,资助日期,资助金额（元）,备注
                \(code),\(FundFixture.guangdong004),award:guangdongQualityAward:2019,2020-03-01,1000000,2019 年获奖
                \(miscopied),\(FundFixture.guangdong004),award:guangdongQualityAward:2018,2019-03-01,1000000,
                \(code),nonesuch,award:x:1,2019-03-01,100,
                \(code),\(FundFixture.carbon004),CFL-1,2019-03-01,-100,
                \(code),\(FundFixture.carbon004),certificate:CFL-1,2099-03-01,100.001,
                \(code),\(FundFixture.guangdong004),award:guangdongQualityAward:2019,2020-03-01,1000000,重复

                """
            // MUT
            var page = try await finance.upload("/funds/history", fields: [:], filename: "history.csv", contentType: "text/csv", data: Data(bad.utf8))
            // validation: every wrong row named, nothing imported
            #expect(page.status == .unprocessableEntity)
            for row in ["data-row=\"3\"", "data-row=\"4\"", "data-row=\"5\"", "data-row=\"6\"", "data-row=\"7\""] { #expect(page.body.contains(row), "\(row)") }
            #expect(!page.body.contains("data-row=\"2\""))
            for message in ["校验", "未知的项目编号", "事项应以", "金额不能为负数", "日期不能晚于今天", "两位小数", "文件中重复的事项"] {
                #expect(page.body.contains(message), "\(message)")
            }
            #expect(try await PriorGrant.query(on: app.db).count() == 0)
            // MUT: a good workbook, typed cells
            let table = Spreadsheet.Table(name: "历史资助", columns: ["统一社会信用代码", "项目编号", "事项", "资助日期", "资助金额（元）"].map { Column($0) }, rows: [
                Row([.text(code), .text(FundFixture.guangdong004), .text("award:guangdongQualityAward:2019"), .date(SheetDate(year: 2020, month: 3, day: 1)!),
                     .fixed(100_000_000, scale: 2)]),
                Row([.text(code), .text(FundFixture.carbon004), .text("certificate:CFL-OLD"), .text("2024-05-06"), .text("80000.50")]),
            ])
            page = try await finance.upload("/funds/history", fields: [:], filename: "history.xlsx",
                                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            data: try XLSXWriter().data([table]))
            // validation
            #expect(page.status == .ok && page.body.contains("已导入 2 条历史资助记录"))
            let priors = try await PriorGrant.query(on: app.db).sort(\.$grantedOn).all()
            #expect(priors.map(\.amount) == [Money.yuan(1_000_000).fen, 8_000_050])
            #expect(try await GrantMatter.query(on: app.db).filter(\.$priorGrantID != nil).count() == 2)
            // The same file again: every row is already recorded.
            page = try await finance.upload("/funds/history", fields: [:], filename: "history.xlsx",
                                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            data: try XLSXWriter().data([table]))
            #expect(page.status == .unprocessableEntity && page.body.contains("已有资助记录"))
        }
    }

    @Test("who sees what: funds for finance and the city bureau, grants for their enterprise")
    func access() async throws {
        try await withTestApp { app in
            let kit = FundFixture(app: app)
            _ = try await kit.city()
            let fund = try await kit.fund(budget: "100000")
            let (_, owner) = try await kit.enterprise(32, certificates: [(.gbaCarbonFootprintLabel, "CFL-S")])
            _ = try await kit.enterprise(33)
            let grant = try await kit.apply(owner, fund: fund, programme: FundFixture.carbon004)
            let other = TestClient(app)
            try await other.signIn("test-ent-33")
            #expect(try await other.get("/grants/\(grant.id!)").status == .notFound)
            #expect(try await other.get("/funds").status == .forbidden)
            #expect(try await other.get("/disbursements").status == .forbidden)
            #expect(try await TestClient(app).get("/grants").status == .unauthorized)
            let city = TestClient(app)
            try await city.signIn("test-city")
            #expect(try await city.get("/funds").status == .ok)
            let english = try await city.get("/grants/\(grant.id!)?lang=en")
            #expect(english.body.contains("Awaiting decision") && english.body.contains("Approve and commit the money"))
            #expect(try await city.get("/funds?lang=en").body.contains("Special funds"))
            #expect(try await city.get("/disbursements").status == .forbidden)
            #expect(try await city.get("/grants").body.contains("G-" + grant.id!.uuidString.prefix(8)))
        }
    }
}
