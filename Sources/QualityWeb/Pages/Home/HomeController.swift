import Vapor

enum HomeController {
    static func register(on app: Application) {
        app.publicCached.on(.GET, .home, use: show)
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        let model = try await HomePage.Model.query(on: request.db, today: request.today)
        return HTMLPage(html: HomePage.render(context: PageContext(request: request), model: model))
    }
}
