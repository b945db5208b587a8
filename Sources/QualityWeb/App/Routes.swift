import Vapor

/// Registers every route. Each feature registers its own; this list is the table of contents.
func routes(_ app: Application) throws {
    HealthController.register(on: app)
    LanguageController.register(on: app)
    LoginController.register(on: app)
    HomeController.register(on: app)
    CallsController.register(on: app)
    SignupController.register(on: app)
    EnterpriseHomeController.register(on: app)
    ProfileController.register(on: app)
    ApplicationsController.register(on: app)
    InboxController.register(on: app)
    AdminCallsController.register(on: app)
    AdminAccountsController.register(on: app)
    AdminReviewController.register(on: app)
    AdminExpertsController.register(on: app)
    ReviewsController.register(on: app)
    CommitteeController.register(on: app)
    NoticesController.register(on: app)
    TitlesController.register(on: app)
    TitleLifecycleController.register(on: app)
    PortalRoutes.register(on: app)
    FundsController.register(on: app)
    MatchingController.register(on: app)
    SandboxController.register(on: app)
    API.register(on: app)
}
