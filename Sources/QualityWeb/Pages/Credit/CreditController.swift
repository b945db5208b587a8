import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// The quality credit file: public query by name or credit code, each enterprise's file (cut to its reader),
/// and officers recording penalties, spot checks, complaints and accidents into it.
enum CreditController {
    static func register(on app: Application) {
        app.on(.GET, .credit, use: search)
        app.on(.GET, .creditFile(.key), use: show)
        app.on(.POST, .creditRecords(.key), as: ReviewingOfficer.self, use: record)
    }

    @Sendable
    static func search(request: Request) async throws -> HTMLPage {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        let context = PageContext(request: request)
        do {
            let matches = try await request.credit.search(query)
            return HTMLPage(html: CreditPages.search(context: context, query: query, matches: matches, error: nil))
        } catch let error as AppError where error.status == .unprocessableEntity {
            return HTMLPage(html: CreditPages.search(context: context, query: query, matches: [], error: error), status: error.status)
        }
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        try await page(request, failed: nil, inputs: [:])
    }

    static func page(_ request: Request, failed: AppError?, inputs: [String: String], status: HTTPStatus = .ok) async throws -> HTMLPage {
        let code = request.parameters.get("creditCode") ?? ""
        let file = try await request.credit.file(creditCode: code, viewer: request.signedIn)
        let done = (try? request.query.get(String.self, at: "done")) != nil
        return HTMLPage(html: CreditPages.file(context: PageContext(request: request), file: file, failed: failed, inputs: inputs, done: done),
                        status: status)
    }

    struct RecordForm: Content {
        var kind: String?
        var occurredOn: String?
        var area: String?
        var severity: String?
        var outcome: String?
        var level: String?
        var reference: String?
        var summary: String?
        var privateNote: String?
        var isPublic: String?
    }

    @Sendable
    static func record(request: Request, officer: ReviewingOfficer) async throws -> Response {
        let code = request.parameters.get("creditCode") ?? ""
        let form = (try? request.content.decode(RecordForm.self)) ?? RecordForm()
        let inputs = ["kind": form.kind ?? "", "occurredOn": form.occurredOn ?? "", "area": form.area ?? "", "severity": form.severity ?? "",
                      "outcome": form.outcome ?? "", "level": form.level ?? "", "reference": form.reference ?? "", "summary": form.summary ?? "",
                      "privateNote": form.privateNote ?? "", "isPublic": form.isPublic ?? ""]
        do {
            _ = try await request.credit.record(officer, creditCode: code, .init(
                kind: inputs["kind"]!, occurredOn: inputs["occurredOn"]!, area: inputs["area"]!, severity: inputs["severity"]!,
                outcome: inputs["outcome"]!, level: inputs["level"]!, reference: inputs["reference"]!, summary: inputs["summary"]!,
                privateNote: inputs["privateNote"]!, isPublic: form.isPublic == "on" || form.isPublic == "true"))
            return request.redirect(to: SiteURL.creditFile(.value(code.uppercased())).path + "?done=1", redirectType: .normal)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, failed: error, inputs: inputs, status: error.status).encodeResponse(for: request)
        }
    }
}

extension Request {
    var credit: CreditService {
        get throws { CreditService(database: db, clock: qualityCity.clock, catalog: try policyCatalog) }
    }
}
