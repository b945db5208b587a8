import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Spreadsheet
import Testing
import Vapor

@Suite("City quality targets: reporting by department, the dashboard, the annual report")
struct TargetsTests {
    static func indicator(_ key: String, on app: Application) async throws -> CityIndicator {
        try #require(try await CityIndicator.query(on: app.db).filter(\.$key == key).first())
    }

    static func period(_ year: Int, on app: Application) async throws -> ReportingPeriod {
        try #require(try await ReportingPeriod.query(on: app.db).filter(\.$year == year).first())
    }

    @Test("001's indicators are loaded once from the catalogue, with their departments, the first leading")
    func catalogueLoaded() async throws {
        try await withTestApp { app in
            // MUT
            let catalog = try EngineAssessor.bundled().catalog
            try await TargetsService.syncCatalog(catalog, on: app.db)
            try await TargetsService.syncCatalog(catalog, on: app.db)
            // validation
            let indicators = try await CityIndicator.query(on: app.db).with(\.$departments).all()
            #expect(indicators.count == catalog.indicators.count)
            let energy = try #require(indicators.first { $0.key == "energy-per-gdp" })
            #expect(energy.target == "0.47" && energy.direction == .atMost && energy.firstYear == 2011 && energy.targetYear == 2015)
            #expect(energy.departments.first { $0.lead }?.department == "市发展改革委")
            #expect(energy.departments.count == 2)
            #expect(try await Department.query(on: app.db).count() >= 6)
        }
    }

    @Test("a department reports its indicator with evidence; the value is exact, late after the due day, and on the dashboard")
    func departmentReports() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let energy = try await Self.indicator("energy-per-gdp", on: app)
            let period = try await Self.period(2015, on: app)
            let officer = TestClient(app)
            try await officer.signIn("demo-department")
            let form = try await officer.get("/targets/report")
            #expect(form.status == .ok)
            #expect(form.body.contains("indicator-\(energy.id!)"))
            #expect(!form.body.contains("万元 GDP 水耗"), "another department's indicator is offered")
            // MUT
            let page = try await officer.upload("/targets/indicators/\(energy.id!)/reports",
                                                fields: ["periodID": period.id!.uuidString, "value": "0.4600", "note": "统计局快报"],
                                                filename: "统计快报.pdf", data: SampleFiles.pdf)
            // validation
            #expect(page.status == .seeOther)
            let report = try #require(try await IndicatorReport.query(on: app.db).filter(\.$indicator.$id == energy.id!)
                .filter(\.$period.$id == period.id!).sort(\.$reportedAt, .descending).first())
            #expect(report.value == "0.4600")
            #expect(report.department == "市发展改革委")
            #expect(report.late)
            let evidence = try #require(try await EvidenceFile.find(report.$evidence.id, on: app.db))
            #expect(evidence.displayName == "统计快报.pdf")
            let dashboard = try await TestClient(app).get("/targets")
            #expect(dashboard.body.contains("0.4600"))
            // The evidence is for officers, not the public.
            #expect(try await TestClient(app).get("/targets/reports/\(report.id!)/evidence").status == .unauthorized)
            #expect(try await officer.get("/targets/reports/\(report.id!)/evidence").status == .ok)
        }
    }

    @Test("another department's indicator is refused and nothing is written, evidence included")
    func otherDepartmentRefused() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let water = try await Self.indicator("water-per-gdp", on: app)
            let period = try await Self.period(2015, on: app)
            let reports = try await IndicatorReport.query(on: app.db).count()
            let files = try await EvidenceFile.query(on: app.db).count()
            let officer = TestClient(app)
            try await officer.signIn("demo-department")
            // MUT
            let refused = try await officer.upload("/targets/indicators/\(water.id!)/reports",
                                                   fields: ["periodID": period.id!.uuidString, "value": "18.0"],
                                                   filename: "a.pdf", data: SampleFiles.pdf)
            let city = TestClient(app)
            try await city.signIn("demo-city")
            let wrongRole = try await city.upload("/targets/indicators/\(water.id!)/reports",
                                                  fields: ["periodID": period.id!.uuidString, "value": "18.0"], filename: "a.pdf", data: SampleFiles.pdf)
            let anonymous = try await TestClient(app).upload("/targets/indicators/\(water.id!)/reports",
                                                             fields: ["periodID": period.id!.uuidString, "value": "18.0"], filename: "a.pdf", data: SampleFiles.pdf)
            // validation
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("不属于本单位负责的指标"))
            #expect(wrongRole.status == .forbidden)
            #expect(anonymous.status == .unauthorized)
            #expect(try await IndicatorReport.query(on: app.db).count() == reports)
            #expect(try await EvidenceFile.query(on: app.db).count() == files)
            // The department that answers for it may.
            let water2 = TestClient(app)
            try await water2.signIn("demo-department-water")
            let accepted = try await water2.upload("/targets/indicators/\(water.id!)/reports",
                                                   fields: ["periodID": period.id!.uuidString, "value": "18.0"], filename: "a.pdf", data: SampleFiles.pdf)
            #expect(accepted.status == .seeOther)
            #expect(try await IndicatorReport.query(on: app.db).count() == reports + 1)
        }
    }

    @Test("a supporting department may report too; a bad value, a year outside the plan or no evidence is refused on the page")
    func refusedValues() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let energy = try await Self.indicator("energy-per-gdp", on: app)
            let period = try await Self.period(2015, on: app)
            let reports = try await IndicatorReport.query(on: app.db).count()
            let industry = TestClient(app)
            try await industry.signIn("demo-department-industry")
            let path = "/targets/indicators/\(energy.id!)/reports"
            // MUT
            let negative = try await industry.upload(path, fields: ["periodID": period.id!.uuidString, "value": "-0.3", "note": "我的说明"],
                                                     filename: "a.pdf", data: SampleFiles.pdf)
            let noPeriod = try await industry.upload(path, fields: ["periodID": UUID().uuidString, "value": "0.3"], filename: "a.pdf", data: SampleFiles.pdf)
            let noFile = try await industry.post(path, form: ["periodID": period.id!.uuidString, "value": "0.3"])
            let percent = try await industry.upload("/targets/indicators/\(try await Self.indicator("products-to-international-standards", on: app).id!)/reports",
                                                    fields: ["periodID": period.id!.uuidString, "value": "100.5"], filename: "a.pdf", data: SampleFiles.pdf)
            // validation
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.body.contains("非负数"))
            #expect(negative.body.contains("我的说明"), "what was typed is kept")
            #expect(noPeriod.status == .unprocessableEntity)
            #expect(noFile.status == .unprocessableEntity)
            #expect(noFile.body.contains("请上传佐证材料"))
            #expect(percent.status == .unprocessableEntity)
            #expect(percent.body.contains("百分比不能超过 100"))
            #expect(try await IndicatorReport.query(on: app.db).count() == reports)
            let accepted = try await industry.upload(path, fields: ["periodID": period.id!.uuidString, "value": "0.45"], filename: "a.pdf", data: SampleFiles.pdf)
            #expect(accepted.status == .seeOther)
        }
    }

    @Test("the dashboard draws each indicator as SVG, says which are on track and which department is late")
    func dashboard() async throws {
        try await withTestApp(demo: true) { app in
            // MUT
            let page = try await TestClient(app).get("/targets")
            let english = try await TestClient(app).get("/targets?lang=en")
            // validation
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: "<svg").count - 1 == (try await CityIndicator.query(on: app.db).count()))
            #expect(!page.body.contains("<script"))
            let late = try #require(page.body.components(separatedBy: "id=\"late\"").last?.components(separatedBy: "</section>").first)
            #expect(late.contains("市水务局"))
            #expect(late.contains("万元 GDP 水耗"))
            #expect(!late.contains("市发展改革委"))
            #expect(page.body.contains("达到目标") && page.body.contains("未达目标"))
            #expect(english.body.contains("Late in reporting") && english.body.contains("On track"))
            let board = try await app.testing().sendRequest(.GET, "/targets").status
            #expect(board == .ok)
        }
    }

    @Test("effect evaluation: per department, the share reported and on track; the late lead department is counted")
    func evaluation() async throws {
        try await withTestApp(demo: true) { app in
            // MUT
            let board = try await TargetsService(database: app.db, clock: app.qualityCity.clock, uploads: app.qualityCity.uploads).board()
            let scores = Dictionary(uniqueKeysWithValues: board.scores(year: 2015).map { ($0.department.zh, $0) })
            // validation
            let water = try #require(scores["市水务局"])
            #expect(water.overdue == 2)
            #expect(water.reported == water.responsible - 2)
            let development = try #require(scores["市发展改革委"])
            #expect(development.responsible == 1 && development.reported == 1 && development.onTrack == 0, "energy-per-gdp is behind in 2015")
            let housing = try #require(board.scores(year: 2014).first { $0.department.zh == "市住房建设局" })
            #expect(housing.filedLate == 2)
            #expect(board.totals(year: 2015).expected == board.rows.count)
        }
    }

    @Test("the annual report prints tables and charts, and its XLSX carries the exact values")
    func annualReport() async throws {
        try await withTestApp(demo: true) { app in
            // MUT
            let page = try await TestClient(app).get("/targets/annual/2015")
            let response = try await app.testing().sendRequest(.GET, "/targets/annual/2015/xlsx")
            let missing = try await TestClient(app).get("/targets/annual/1999")
            // validation
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"scores\"") && page.body.contains("<svg"))
            #expect(page.body.contains("2015 年度质量强市目标进展报告"))
            #expect(missing.status == .notFound)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("qc-annual-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: response.body).write(to: file)
            let sheet = try XLSXReader(url: file).table(sheetNamed: "指标进展")
            let energy = try #require(sheet.rows.first { $0[0].plainText == "energy-per-gdp" })
            let column = try #require(sheet.columnIndex(titled: "2015"))
            #expect(energy[column].plainText == DemoTargets.value(try await Self.indicator("energy-per-gdp", on: app), step: 4))
            #expect(energy[column].plainText == "0.498")
        }
    }

    @Test("the city bureau adds an indicator for a later plan and a reporting year; a taken id is refused")
    func cityAddsIndicator() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let city = TestClient(app)
            try await city.signIn("demo-city")
            let form: [String: String] = [
                "key": "brand-enterprises-2030", "nameZH": "品牌企业数量", "nameEN": "Brand enterprises", "unitZH": "家", "unitEN": "enterprises",
                "target": "50", "direction": "atLeast", "firstYear": "2026", "targetYear": "2030", "plan": "深圳市质量强市规划（2026—2030）",
                "departments[]": "市市场监管局",
            ]
            // MUT
            let added = try await city.post("/admin/targets", form: form)
            let again = try await city.post("/admin/targets", form: form)
            let period = try await city.post("/admin/targets/periods", form: ["year": "2026", "dueOn": ""])
            let duplicatePeriod = try await city.post("/admin/targets/periods", form: ["year": "2026"])
            let department = TestClient(app)
            try await department.signIn("demo-department")
            let forbidden = try await department.post("/admin/targets/periods", form: ["year": "2027"])
            // validation
            #expect(added.status == .seeOther)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("该编号已被使用"))
            #expect(period.status == .seeOther)
            #expect(duplicatePeriod.status == .unprocessableEntity)
            #expect(forbidden.status == .forbidden)
            let indicator = try await Self.indicator("brand-enterprises-2030", on: app)
            #expect(indicator.source == "city" && indicator.expects(year: 2026) && !indicator.expects(year: 2015))
            #expect(try await Self.period(2026, on: app).dueOn == CalendarDate(year: 2027, month: 1, day: 31)!)
            let msa = TestClient(app)
            try await msa.signIn("demo-department-msa")
            #expect(try await msa.get("/targets/report").body.contains("品牌企业数量"))
        }
    }

    @Test("charts: target line and values as text, on-track points filled, missing years marked, nothing but SVG")
    func chart() {
        // setup
        let line = Charts.Line(title: "万元GDP能耗 <test>", points: [
            Charts.Point(label: "2013", value: "0.52", status: .notMet),
            Charts.Point(label: "2014", value: nil, status: .notReported),
            Charts.Point(label: "2015", value: "0.46", status: .met),
        ], target: "0.47", targetLabel: "目标 ≤ 0.47", missingLabel: "未报")
        // MUT
        let svg = Charts.svg(line, width: 560, height: 220)
        // validation
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains(">0.52<") && svg.contains(">0.46<") && svg.contains(">未报<") && svg.contains("目标 ≤ 0.47"))
        #expect(svg.contains("&lt;test&gt;") && !svg.contains("<test>"))
        #expect(svg.contains("class=\"point met\"") && svg.contains("class=\"point notMet\""))
        #expect(!svg.contains("<polyline"), "a gap splits the line; single points are not joined")
        let scale = Charts.niceScale(0.52)
        #expect(scale.maximum >= 0.52 * 1.15 && scale.step > 0)
    }
}
