import Fluent
import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Testing
import Vapor

/// Performance evaluation of funded projects (seed 003 第六章): the city bureau records planned against
/// achieved with a rating and findings on a paid grant; the grantee is told; an unsatisfactory result is
/// flagged for the city's decision on recovery; bad input is refused beside what was typed and stores nothing.
@Suite("Performance evaluation of funded projects")
struct PerformanceEvaluationTests {
    @Test("the city evaluates a paid demo grant: refused input keeps the form, a rating reaches the grantee, unsatisfactory is flagged")
    func evaluate() async throws {
        try await withTestApp(demo: true) { app in
            let paid = try #require(try await GrantApplication.query(on: app.db).filter(\.$stage == .disbursed).first())
            let grantID = try paid.requireID()
            let city = TestClient(app)
            try await city.signIn("demo-city")
            var page = try await city.get("/grants/\(grantID)")
            #expect(page.body.contains("performance-form"))

            // No rating, a spent amount with three decimals, findings left empty: nothing stored, typed text kept.
            page = try await city.post("/grants/\(grantID)/evaluations", form: [
                "planned": "完成碳足迹核算", "achieved": "已完成两款产品核算", "spent": "1000.005", "rating": "", "findings": ""])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("请选择评价等级"))
            #expect(page.body.contains("金额最多保留两位小数"))
            #expect(page.body.contains("已完成两款产品核算"))
            #expect(try await PerformanceEvaluation.query(on: app.db).count() == 0)

            // An enterprise cannot evaluate, not even its own grant.
            let grantee = try #require(try await Account.query(on: app.db).filter(\.$enterprise.$id == paid.$enterprise.id).first())
            let enterprise = TestClient(app)
            try await enterprise.signIn(grantee.username)
            page = try await enterprise.post("/grants/\(grantID)/evaluations", form: [
                "planned": "a", "achieved": "b", "rating": "excellent", "findings": "c"])
            #expect(page.status == .forbidden)
            #expect(try await PerformanceEvaluation.query(on: app.db).count() == 0)

            // Unsatisfactory: stored with the fen spent, the grantee's inbox and the city's flag, an audit row.
            let citiesBefore = try await InboxMessage.query(on: app.db).filter(\.$subjectZh =~ "绩效评价不合格").count()
            page = try await city.post("/grants/\(grantID)/evaluations", form: [
                "planned": "完成碳足迹核算", "achieved": "仅完成一款产品", "spent": "12345.67", "rating": "unsatisfactory",
                "findings": "未达到申报目标"])
            #expect(page.status == .seeOther)
            let stored = try #require(try await PerformanceEvaluation.query(on: app.db).first())
            #expect(stored.rating == .unsatisfactory && stored.spent == 1_234_567 && stored.$grant.id == grantID)
            let told = try await InboxMessage.query(on: app.db).filter(\.$account.$id == grantee.requireID())
                .filter(\.$subjectZh == "资助项目绩效评价：不合格").count()
            #expect(told == 1)
            #expect(try await InboxMessage.query(on: app.db).filter(\.$subjectZh =~ "绩效评价不合格").count() > citiesBefore)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "performance_evaluation").filter(\.$subjectID == grantID.uuidString).count() == 1)

            // Both sides see it on the grant's page.
            page = try await enterprise.get("/grants/\(grantID)")
            #expect(page.body.contains("未达到申报目标") && page.body.contains("不合格"))
            #expect(!page.body.contains("performance-form"))

            // A grant still waiting for a decision is not evaluated.
            if let waiting = try await GrantApplication.query(on: app.db).filter(\.$stage == .submitted).first() {
                page = try await city.post("/grants/\(try waiting.requireID())/evaluations", form: [
                    "planned": "a", "achieved": "b", "rating": "good", "findings": "c"])
                #expect(page.status == .conflict)
                #expect(page.body.contains("只有已批准或已拨付的资助可以进行绩效评价"))
            } else {
                Issue.record("the demo city has no grant waiting for a decision")
            }
            #expect(try await PerformanceEvaluation.query(on: app.db).count() == 1)

            // Resetting the demo removes the evaluation with its grant.
            try await DemoCity.reset(app)
            #expect(try await PerformanceEvaluation.query(on: app.db).count() == 0)
        }
    }
}
