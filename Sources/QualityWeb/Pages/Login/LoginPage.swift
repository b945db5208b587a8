import Fluent
import Plot
import QualityRules
import QualityStorage
import Vapor

enum LoginPage {
    struct Model {
        var username: String
        var message: LocalizedText?
        /// Shown only on a demo installation, so a newcomer can try every role.
        var demoAccounts: [(username: String, role: Role, name: String)]

        static func query(request: Request, username: String, message: LocalizedText?) async throws -> Model {
            var demo: [(String, Role, String)] = []
            if request.qualityCity.isDemo {
                demo = try await Account.query(on: request.db)
                    .filter(\.$username =~ "demo-")
                    .sort(\.$role).sort(\.$username)
                    .all()
                    .map { ($0.username, $0.role, $0.displayName) }
            }
            return Model(username: username, message: message, demoAccounts: demo)
        }
    }

    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: Strings.Login.title,
            .unwrap(model.message) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(context.t($0))) },
            .form(
                .method(.post), .action(attr(SiteURL.login.path)), .class("stacked narrow"), .id("login-form"),
                Forms.csrf(context),
                .label(.for("username"), .text(context.t(Strings.Login.username))),
                .input(.type(.text), .id("username"), .name("username"), .value(attr(model.username)),
                       .attribute(named: "autocomplete", value: "username"), .required(true)),
                .label(.for("password"), .text(context.t(Strings.Login.password))),
                .input(.type(.password), .id("password"), .name("password"),
                       .attribute(named: "autocomplete", value: "current-password"), .required(true)),
                .button(.type(.submit), .text(context.t(Strings.Login.submit)))
            ),
            .if(!model.demoAccounts.isEmpty, .section(
                .class("demo-accounts"),
                .h2(.text(context.t(Strings.Login.demoAccounts))),
                .table(
                    .tbody(.forEach(model.demoAccounts) { account in
                        .tr(.td(.code(.text(account.username))),
                            .td(.text(context.t(Strings.Roles.name(account.role)))),
                            .td(.text(account.name)))
                    })
                )
            ))
        )
    }
}
