import Fluent
import Foundation
import QualityRules
import QualityStorage
@testable import QualityWeb
import Spreadsheet
import Testing
import Vapor

/// What the profile page does, over the API: the contact person, the facts workbook out and back in, with
/// the same checks, and every reply as openapi.yaml documents it.
@Suite("The enterprise's own record over the API")
struct EnterpriseFactsAPITests {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @Test("contact saved or refused by field; the workbook downloaded, uploaded unchanged, edited, refused cell by cell")
    func ownRecord() async throws {
        let document = try APIDocument.load()
        try await withTestApp(demo: true) { app in
            // setup
            let enterprise = try await APIClient.signedIn(app, "demo-enterprise-sz")
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "demo-enterprise-sz").first())
            let enterpriseID = try #require(account.$enterprise.id)
            var replies: [(String, String, APIClient.Reply)] = []
            func record(_ method: String, _ path: String, _ reply: APIClient.Reply) -> APIClient.Reply {
                replies.append((method, path, reply))
                return reply
            }

            // Contact: a bad phone is refused with the field and nothing saved; a good one is saved.
            let before = try #require(try await Enterprise.find(enterpriseID, on: app.db))
            let refused = record("PUT", "/api/v1/enterprise/contact",
                                 try await enterprise.put("/api/v1/enterprise/contact", json: ["contactName": "王经理", "contactPhone": "电话"]))
            #expect(refused.status == .unprocessableEntity)
            #expect(String(decoding: refused.data, as: UTF8.self).contains("contactPhone"))
            #expect(try await Enterprise.find(enterpriseID, on: app.db)?.contactName == before.contactName)
            let saved = record("PUT", "/api/v1/enterprise/contact",
                               try await enterprise.put("/api/v1/enterprise/contact", json: ["contactName": "王经理", "contactPhone": "0755-86001234"]))
            #expect(saved.status == .ok)
            #expect(try saved.decode(EnterpriseDTO.self).contactName == "王经理")

            // The workbook out, and back in unchanged: nothing changes.
            let workbook = try await enterprise.get("/api/v1/enterprise/facts")
            #expect(workbook.status == .ok && workbook.headers.contentType?.description.contains("spreadsheetml") == true)
            let factsBefore = try #require(try await Enterprise.find(enterpriseID, on: app.db)).factsJSON
            let same = record("PUT", "/api/v1/enterprise/facts",
                              try await enterprise.upload("/api/v1/enterprise/facts", data: workbook.data, contentType: Self.xlsx, filename: nil))
            #expect(same.status == .ok)
            #expect(try same.decode(FactsUpdateDTO.self).changed == false)
            #expect(try await Enterprise.find(enterpriseID, on: app.db)?.factsJSON == factsBefore)

            // A tax year before 1900: 422 naming the sheet, row and column; nothing saved.
            let stored = try #require(JSONText.decode(EnterpriseFacts.self, from: factsBefore))
            var tables = try FactsWorkbook.tables(stored)
            let taxes = try #require(tables.firstIndex { $0.name == "纳税" })
            tables[taxes].rows = [[.integer(1850), .integer(100)]]
            let broken = record("PUT", "/api/v1/enterprise/facts",
                                try await enterprise.upload("/api/v1/enterprise/facts", data: try XLSXWriter().data(tables),
                                                            contentType: Self.xlsx, filename: nil))
            #expect(broken.status == .unprocessableEntity)
            let problems = try broken.decode(FactsRefusalDTO.self).problems
            #expect(problems.count == 1 && problems.first?.text.zh == "工作表「纳税」第 2 行「年度」列：不能小于 1900")
            #expect(try await Enterprise.find(enterpriseID, on: app.db)?.factsJSON == factsBefore)

            // Not a workbook's type, and an empty body.
            let wrongType = record("PUT", "/api/v1/enterprise/facts",
                                   try await enterprise.upload("/api/v1/enterprise/facts", data: workbook.data, contentType: "text/plain", filename: nil))
            #expect(wrongType.status == .unsupportedMediaType)
            let empty = record("PUT", "/api/v1/enterprise/facts",
                               try await enterprise.upload("/api/v1/enterprise/facts", data: Data(), contentType: Self.xlsx, filename: nil))
            #expect(empty.status == .unprocessableEntity)

            // Another role cannot reach it.
            let city = try await APIClient.signedIn(app, "demo-city")
            #expect(try await city.get("/api/v1/enterprise/facts").status == .forbidden)
            #expect(try await city.put("/api/v1/enterprise/contact", json: ["contactName": "x", "contactPhone": "0755-86001234"]).status == .forbidden)

            // validation: every JSON reply as documented
            for (method, path, reply) in replies {
                let name = "\(method) \(path) → \(reply.status.code)"
                let template = try #require(document.template(for: path), "\(name): no such path in openapi.yaml")
                let operation = try #require(document.operation(method, template), "\(name): no such operation")
                let response = try #require(try document.response(operation, status: Int(reply.status.code)), "\(name): status not documented")
                let content = try #require(response["content"] as? [String: Any], "\(name): no content documented")
                let schema = try #require((content["application/json"] as? [String: Any])?["schema"], "\(name): not documented as JSON")
                let problems = try document.validate(try #require(reply.json), against: schema)
                #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
            }
        }
    }
}
