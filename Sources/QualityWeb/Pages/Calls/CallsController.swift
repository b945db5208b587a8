import Fluent
import QualityStorage
import Vapor

/// The public list of calls and each call's rules and materials.
enum CallsController {
    static func register(on app: Application) {
        app.publicCached.on(.GET, .calls, use: list)
        app.publicCached.on(.GET, .call(.key), use: show)
    }

    @Sendable
    static func list(request: Request) async throws -> HTMLPage {
        let model = try await CallsPage.Model.query(on: request.db)
        return HTMLPage(html: CallsPage.render(context: PageContext(request: request), model: model))
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        let id = try request.uuidParameter("callID")
        guard let call = try await Call.find(id, on: request.db), call.stage != .draft else { throw AppError.notFound() }
        return HTMLPage(html: CallPage.render(context: PageContext(request: request), call: call))
    }
}
