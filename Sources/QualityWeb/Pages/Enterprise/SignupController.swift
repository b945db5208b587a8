import Fluent
import Plot
import QualityRules
import QualityStorage
import Vapor

enum SignupController {
    static func register(on app: Application) {
        app.on(.GET, .signup, use: show)
        app.on(.POST, .signup, use: signUp)
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        HTMLPage(html: SignupPage.render(context: PageContext(request: request), inputs: [:], error: nil))
    }

    @Sendable
    static func signUp(request: Request) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let input = EnterpriseService.SignUp(
            creditCode: fields["creditCode"] ?? "", name: fields["name"] ?? "", district: fields["district"] ?? "",
            registeredOn: fields["registeredOn"] ?? "", legalForm: fields["legalForm"] ?? "", industryCode: fields["industryCode"] ?? "",
            contactName: fields["contactName"] ?? "", contactPhone: fields["contactPhone"] ?? "", username: fields["username"] ?? "",
            password: fields["password"] ?? "", passwordConfirmation: fields["passwordConfirmation"] ?? "")
        do {
            let (_, account) = try await request.enterprises.signUp(input)
            let token = try await SessionAuthenticator.start(accountID: account.id!, kind: "browser", request: request)
            let response = request.redirect(to: SiteURL.enterpriseHome.path + "?done=signup", redirectType: .normal)
            response.cookies[SessionAuthenticator.cookieName] = SessionAuthenticator.sessionCookie(token, request: request)
            return response
        } catch let error as AppError {
            var kept = fields
            for secret in ["password", "passwordConfirmation", CSRFMiddleware.fieldName] { kept[secret] = nil }
            return try await HTMLPage(html: SignupPage.render(context: PageContext(request: request), inputs: kept, error: error),
                                      status: error.status).encodeResponse(for: request)
        }
    }
}

extension Request {
    var enterprises: EnterpriseService {
        EnterpriseService(database: db, clock: qualityCity.clock, hasher: password.async)
    }
}

enum SignupPage {
    static func render(context: PageContext, inputs: [String: String], error: AppError?) -> String {
        func field(_ name: String, _ label: LocalizedText, type: HTMLInputType = .text, hint: LocalizedText? = nil) -> Node<HTML.FormContext> {
            let problem = error?.fields[name]
            return .div(.class("field"),
                        .label(.for(name), .text(context.t(label))),
                        .input(.type(type), .id(name), .name(name), .value(attr(inputs[name] ?? "")),
                               problem == nil ? .empty : .attribute(named: "aria-invalid", value: "true")),
                        .unwrap(hint) { .small(.class("muted"), .text(context.t($0))) },
                        .unwrap(problem) { .small(.class("field-error"), .text(context.t($0))) })
        }
        return Layout.page(
            context, title: Strings.Signup.title,
            .p(.text(context.t(Strings.Signup.intro))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(
                .method(.post), .action(attr(SiteURL.signup.path)), .class("stacked narrow"), .id("signup-form"),
                Forms.csrf(context),
                field("creditCode", Strings.Form.creditCode, hint: T(zh: "18 位，例如 91440300XXXXXXXXXX", en: "18 characters")),
                field("name", Strings.Form.enterpriseName),
                .div(.class("field"),
                     .label(.for("district"), .text(context.t(Strings.Form.district))),
                     .select(.id("district"), .attribute(named: "name", value: "district"),
                             .option(.value(""), .label(attr(context.t(Strings.Signup.chooseDistrict)))),
                             .forEach(Regions.allDistricts) { entry in
                                 .option(.value(attr(entry.district.name)), .isSelected(inputs["district"] == entry.district.name),
                                         .label(attr("\(entry.city) \(entry.district.name)")))
                             }),
                     .unwrap(error?.fields["district"]) { .small(.class("field-error"), .text(context.t($0))) }),
                field("registeredOn", Strings.Signup.registeredOn, type: .date),
                .div(.class("field"),
                     .label(.for("legalForm"), .text(context.t(Strings.Signup.legalForm))),
                     .select(.id("legalForm"), .attribute(named: "name", value: "legalForm"),
                             .forEach(EnterpriseService.legalForms) { form in
                                 .option(.value(attr(form.0)), .isSelected(inputs["legalForm"] == form.0), .label(attr(context.t(form.1))))
                             }),
                     .unwrap(error?.fields["legalForm"]) { .small(.class("field-error"), .text(context.t($0))) }),
                field("industryCode", Strings.Signup.industryCode, hint: Strings.Signup.industryHint),
                field("contactName", Strings.Form.contactName),
                field("contactPhone", Strings.Form.contactPhone),
                field("username", Strings.Signup.username),
                field("password", Strings.Signup.password, type: .password),
                field("passwordConfirmation", Strings.Signup.passwordConfirmation, type: .password),
                .button(.type(.submit), .text(context.t(Strings.Signup.submit)))
            )
        )
    }
}
