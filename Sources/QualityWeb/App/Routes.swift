import Vapor

/// Registers every route. Each feature registers its own; this list is the table of contents.
func routes(_ app: Application) throws {
    HealthController.register(on: app)
    LanguageController.register(on: app)
    LoginController.register(on: app)
    HomeController.register(on: app)
    CallsController.register(on: app)
}
