import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("The quality credit file: public query, what each reader sees, officers' records feeding the engine")
struct CreditFileTests {
    static func enterprise(_ profile: DemoEnterprises.Profile, on app: Application) async throws -> Enterprise {
        let name = try #require(DemoEnterprises.specs.first { $0.profile == profile }).name
        return try #require(try await Enterprise.query(on: app.db).filter(\.$name == name).first())
    }

    @Test("the public query finds an enterprise by part of its name or by credit code, with its grade")
    func query() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let young = try await Self.enterprise(.backboneTooYoung, on: app)
            let client = TestClient(app)
            // MUT
            let byName = try await client.get("/credit?q=" + TestClient.encode("启明"))
            let byCode = try await client.get("/credit?q=" + young.creditCode.lowercased())
            let tooShort = try await client.get("/credit?q=" + TestClient.encode("启"))
            let none = try await client.get("/credit?q=" + TestClient.encode("不存在的公司"))
            // validation
            #expect(byName.status == .ok)
            #expect(byName.body.contains(young.name) && byName.body.contains("grade grade-D"))
            #expect(byCode.body.contains(young.name))
            #expect(tooShort.status == .unprocessableEntity)
            #expect(none.body.contains("id=\"no-match\""))
            #expect(byName.body.contains("id=\"rules\""), "the page says how grades are worked out")
        }
    }

    @Test("the public sees the grade, titles and public penalties, never private notes, contacts or records not made public")
    func publicView() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let taxShort = try await Self.enterprise(.backboneTaxShort, on: app)
            taxShort.contactName = "钱经理"
            taxShort.contactPhone = "0755-26880000"
            try await taxShort.update(on: app.db)
            let young = try await Self.enterprise(.backboneTooYoung, on: app)
            let penalised = try await Self.enterprise(.backbonePenalised, on: app)
            let visitor = TestClient(app)
            // MUT
            let complaintFile = try await visitor.get("/credit/\(taxShort.creditCode)")
            let penaltyFile = try await visitor.get("/credit/\(young.creditCode)")
            let importedPenalty = try await visitor.get("/credit/\(penalised.creditCode)")
            let officer = TestClient(app)
            try await officer.signIn("demo-city")
            let officerView = try await officer.get("/credit/\(taxShort.creditCode)")
            // validation
            #expect(complaintFile.status == .ok)
            #expect(complaintFile.body.contains("grade grade-B"))
            for secret in ["138 0013 8000", "售后维修超期", "南市监投〔演示〕56号", "钱经理", "0755-26880000", "ISO 9001"] {
                #expect(!complaintFile.body.contains(secret), "the public page shows \(secret)")
            }
            #expect(penaltyFile.body.contains("grade grade-D"))
            #expect(penaltyFile.body.contains("深市监罚〔演示〕102号") && penaltyFile.body.contains("生产销售不合格产品"))
            #expect(!penaltyFile.body.contains("联合惩戒名单"), "an officer's internal note is public")
            #expect(importedPenalty.body.contains("grade grade-C") && importedPenalty.body.contains("深市监罚〔演示〕18号"))
            #expect(!importedPenalty.body.contains("虚假宣传"), "the enterprise's own note on a penalty is not public")
            for shown in ["138 0013 8000", "售后维修超期", "钱经理", "0755-26880000", "ISO 9001", "id=\"record-form\""] {
                #expect(officerView.body.contains(shown), "the officer does not see \(shown)")
            }
        }
    }

    @Test("the enterprise sees its own file without officers' notes, and cannot record into it")
    func ownerView() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let strong = try await Self.enterprise(.backboneStrong, on: app)
            let officer = TestClient(app)
            try await officer.signIn("demo-district-nanshan")
            _ = try await officer.post("/credit/\(strong.creditCode)/records", form: [
                "kind": "spotCheck", "occurredOn": "2026-10-01", "area": "quality", "severity": "general", "outcome": "failed",
                "level": "district", "summary": "标签不规范", "privateNote": "复查安排在十二月", "isPublic": "",
            ])
            let owner = TestClient(app)
            try await owner.signIn("demo-enterprise-sz")
            // MUT
            let page = try await owner.get("/credit/\(strong.creditCode)")
            let refused = try await owner.post("/credit/\(strong.creditCode)/records", form: ["kind": "penalty"])
            // validation
            #expect(page.body.contains("标签不规范") && page.body.contains("ISO 9001"))
            #expect(!page.body.contains("复查安排在十二月"))
            #expect(!page.body.contains("id=\"record-form\""))
            #expect(refused.status == .forbidden)
        }
    }

    @Test("a district officer's penalty becomes a fact: the grade falls and 000's exclusion bars the next application")
    func recordFeedsTheEngine() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let strong = try await Self.enterprise(.backboneStrong, on: app)
            let assessor = try #require(app.qualityCity.assessor as? EngineAssessor)
            let today = app.qualityCity.clock.today()
            let before = try assessor.assess(programmeID: "sz-backbone", factsJSON: try await FactsAssembler.assemble(strong, on: app.db),
                                             on: today, deadline: nil)
            let officer = TestClient(app)
            try await officer.signIn("demo-district-nanshan")
            // MUT
            let recorded = try await officer.post("/credit/\(strong.creditCode)/records", form: [
                "kind": "penalty", "occurredOn": today.adding(months: -2).iso, "area": "marketOrder", "severity": "general",
                "outcome": "decided", "level": "district", "reference": "南市监罚〔2026〕9号", "summary": "虚假宣传", "privateNote": "",
                "isPublic": "on",
            ])
            // validation
            #expect(recorded.status == .seeOther)
            #expect(before.verdict != .notEligible)
            let facts = try await FactsAssembler.assemble(strong, on: app.db)
            let after = try assessor.assess(programmeID: "sz-backbone", factsJSON: facts, on: today, deadline: nil)
            #expect(after.verdict == .notEligible)
            #expect(after.evaluationJSON.contains("南市监罚〔2026〕9号"))
            let evaluation = try JSONDecoder().decode(Evaluation.self, from: Data(after.evaluationJSON.utf8))
            #expect(evaluation.exclusions.first { $0.id == "no-administrative-penalty" }?.outcome == .notMet)
            let grade = CreditGrading.assess(try EnterpriseFacts.validate(data: Data(facts.utf8)).get(), on: today)
            #expect(grade.grade == .c)
            let page = try await TestClient(app).get("/credit/\(strong.creditCode)")
            #expect(page.body.contains("grade grade-C") && page.body.contains("南市监罚〔2026〕9号"))
            let officerPage = try await officer.get("/credit/\(strong.creditCode)")
            let bars = try #require(officerPage.body.components(separatedBy: "id=\"bars\"").last?.components(separatedBy: "</section>").first)
            #expect(bars.contains("南市监罚〔2026〕9号"), "the officer sees what bars an application, on the same facts")
            #expect(try await AuditChain.verify(on: app.db).isIntact)
        }
    }

    @Test("a district officer may not record for another district, and bad records are refused with nothing written")
    func refusedRecords() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let penalised = try await Self.enterprise(.backbonePenalised, on: app)   // 福田区
            let strong = try await Self.enterprise(.backboneStrong, on: app)         // 南山区
            let records = try await CreditRecord.query(on: app.db).count()
            let officer = TestClient(app)
            try await officer.signIn("demo-district-nanshan")
            let valid: [String: String] = ["kind": "penalty", "occurredOn": "2026-01-05", "area": "quality", "severity": "general",
                                           "outcome": "decided", "level": "district", "summary": "x", "isPublic": "on"]
            // MUT
            let otherDistrict = try await officer.post("/credit/\(penalised.creditCode)/records", form: valid)
            var future = valid; future["occurredOn"] = "2027-01-01"
            let inFuture = try await officer.post("/credit/\(strong.creditCode)/records", form: future)
            var wrongOutcome = valid; wrongOutcome["kind"] = "spotCheck"; wrongOutcome["outcome"] = "substantiated"
            let badOutcome = try await officer.post("/credit/\(strong.creditCode)/records", form: wrongOutcome)
            var empty = valid; empty["summary"] = " "
            let noSummary = try await officer.post("/credit/\(strong.creditCode)/records", form: empty)
            let unknown = try await officer.post("/credit/911111111111111111/records", form: valid)
            let department = TestClient(app)
            try await department.signIn("demo-department")
            let wrongRole = try await department.post("/credit/\(strong.creditCode)/records", form: valid)
            // validation
            #expect(otherDistrict.status == .forbidden)
            #expect(inFuture.status == .unprocessableEntity && inFuture.body.contains("日期不能晚于今天"))
            #expect(badOutcome.status == .unprocessableEntity && badOutcome.body.contains("监督抽查的结果只能是"))
            #expect(noSummary.status == .unprocessableEntity)
            #expect(unknown.status == .notFound)
            #expect(wrongRole.status == .forbidden)
            #expect(try await CreditRecord.query(on: app.db).count() == records)
            // The city bureau may record for any district.
            let city = TestClient(app)
            try await city.signIn("demo-city")
            #expect(try await city.post("/credit/\(penalised.creditCode)/records", form: valid).status == .seeOther)
            #expect(try await CreditRecord.query(on: app.db).count() == records + 1)
        }
    }

    @Test("GET /api/v1/credit/{creditCode} gives the public part only, as openapi.yaml documents it")
    func api() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let document = try APIDocument.load()
            let young = try await Self.enterprise(.backboneTooYoung, on: app)
            let taxShort = try await Self.enterprise(.backboneTaxShort, on: app)
            // MUT
            let penalty = try await APIClient(app).get("/api/v1/credit/\(young.creditCode)")
            let complaint = try await APIClient(app).get("/api/v1/credit/\(taxShort.creditCode.lowercased())")
            let officer = try await APIClient.signedIn(app, "demo-city")
            let asOfficer = try await officer.get("/api/v1/credit/\(taxShort.creditCode)")
            let unknown = try await APIClient(app).get("/api/v1/credit/911111111111111111")
            // validation
            #expect(penalty.status == .ok && complaint.status == .ok && asOfficer.status == .ok)
            let body = try penalty.decode(CreditFileDTO.self)
            #expect(body.grade == "D" && body.reasons.map(\.rule) == ["serious-penalty"])
            #expect(body.records.contains { $0.reference == "深市监罚〔演示〕102号" })
            for reply in [complaint, asOfficer] {
                let text = String(decoding: reply.data, as: UTF8.self)
                #expect(!text.contains("138 0013 8000") && !text.contains("售后维修超期"), "private data in the API")
                #expect(try reply.decode(CreditFileDTO.self).grade == "B")
            }
            #expect(!String(decoding: penalty.data, as: UTF8.self).contains("联合惩戒名单"))
            #expect(unknown.status == .notFound)
            let operation = try #require(document.operation("GET", "/api/v1/credit/{creditCode}"))
            for (reply, status) in [(penalty, 200), (complaint, 200), (unknown, 404)] {
                let response = try #require(try document.response(operation, status: status))
                let content = try #require(response["content"] as? [String: Any])
                let schema = try #require((content["application/json"] as? [String: Any])?["schema"])
                #expect(try document.validate(try #require(reply.json), against: schema).isEmpty)
            }
        }
    }

    @Test("an application page shows the applicant's credit grade on the same facts, and it follows the file")
    func onTheApplication() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let strong = try await Self.enterprise(.backboneStrong, on: app)
            let today = app.qualityCity.clock.today()
            let call = try #require(try await Call.query(on: app.db).filter(\.$programmeID == "sz-backbone").filter(\.$stage == .open).first())
            let owner = TestClient(app)
            try await owner.signIn("demo-enterprise-sz")
            let id = try #require(TestClient.applicationID(fromLocation: try await owner.post("/calls/\(call.id!)/apply", form: [:]).location))
            let before = try await owner.get("/applications/\(id)")
            let officer = TestClient(app)
            try await officer.signIn("demo-district-nanshan")
            // MUT
            _ = try await officer.post("/credit/\(strong.creditCode)/records", form: [
                "kind": "penalty", "occurredOn": today.adding(days: -3).iso, "area": "quality", "severity": "general",
                "outcome": "decided", "level": "district", "summary": "抽查发现标注不实", "isPublic": "on",
            ])
            let after = try await owner.get("/applications/\(id)")
            // validation
            #expect(before.body.contains("id=\"credit\"") && before.body.contains("grade grade-B"))
            #expect(after.body.contains("grade grade-C"))
            #expect(after.body.contains("href=\"/credit/\(strong.creditCode)\""))
        }
    }
}
