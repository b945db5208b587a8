import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The expert pool: an account and a profile (fields, organisation, employer, declared relationships) per
/// expert; conflicts of interest are found from the profile at every draw.
enum AdminExpertsController {
    static func register(on app: Application) {
        app.on(.GET, .adminExperts, as: CityOfficer.self, use: list)
        app.on(.POST, .adminExperts, as: CityOfficer.self, use: create)
    }

    @Sendable
    static func list(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await page(request, inputs: [:], error: nil, status: .ok)
    }

    static func page(_ request: Request, inputs: [String: String], error: AppError?, status: HTTPStatus) async throws -> HTMLPage {
        let experts = try await Expert.query(on: request.db).with(\.$account).sort(\.$name).all()
        let context = PageContext(request: request)
        func field(_ name: String, _ label: LocalizedText, area: Bool = false) -> Node<HTML.FormContext> {
            .group(.label(.for(name), .text(context.t(label))),
                   area ? .textarea(.id(name), .name(name), .attribute(named: "rows", value: "3"), .text(inputs[name] ?? ""))
                        : .input(.type(name == "password" ? .password : .text), .id(name), .name(name), .value(attr(name == "password" ? "" : inputs[name] ?? ""))),
                   .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) })
        }
        return HTMLPage(html: Layout.page(
            context, title: Strings.AdminExperts.title,
            .table(.class("list"), .id("experts"),
                   .thead(.tr(.th(.text(context.t(Strings.AdminAccounts.displayName))), .th(.text(context.t(Strings.AdminExperts.fields))),
                              .th(.text(context.t(Strings.AdminExperts.affiliation))), .th(.text(context.t(Strings.AdminExperts.relationships))))),
                   .tbody(.forEach(experts) { expert in
                       .tr(.td(.text(expert.name), .br(), .code(.text(expert.account.username))), .td(.class("prewrap"), .text(expert.fields)),
                           .td(.text(expert.affiliation + (expert.employerCreditCode.map { "（\($0)）" } ?? ""))),
                           .td(.class("prewrap"), .text(expert.relationships)))
                   })),
            .h2(.text(context.t(Strings.AdminExperts.add))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(.method(.post), .action(attr(SiteURL.adminExperts.path)), .class("stacked narrow"), .id("expert-form"),
                  Forms.csrf(context),
                  field("name", Strings.AdminAccounts.displayName), field("username", Strings.Signup.username),
                  field("password", Strings.AdminAccounts.initialPassword), field("fields", Strings.AdminExperts.fields, area: true),
                  field("affiliation", Strings.AdminExperts.affiliation), field("employerCreditCode", Strings.AdminExperts.employer),
                  field("relationships", Strings.AdminExperts.relationships, area: true),
                  .button(.type(.submit), .text(context.t(Strings.AdminExperts.add))))
        ), status: status)
    }

    @Sendable
    static func create(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        var problems: [String: LocalizedText] = [:]
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems["name"] = Strings.Form.required(Strings.AdminAccounts.displayName) }
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !EnterpriseService.isUsername(username) { problems["username"] = Strings.Signup.badUsername }
        else if try await Account.query(on: request.db).filter(\.$username == username).first() != nil { problems["username"] = Strings.Signup.usernameTaken }
        let password = fields["password"] ?? ""
        if let problem = EnterpriseService.passwordProblem(password) { problems["password"] = problem }
        let affiliation = (fields["affiliation"] ?? "").trimmingCharacters(in: .whitespaces)
        if affiliation.isEmpty { problems["affiliation"] = Strings.Form.required(Strings.AdminExperts.affiliation) }
        var employer = (fields["employerCreditCode"] ?? "").trimmingCharacters(in: .whitespaces)
        if !employer.isEmpty {
            switch CreditCode.validate(employer) {
            case .success(let code): employer = code.value
            case .failure(let problem): problems["employerCreditCode"] = problem.message
            }
        }
        guard problems.isEmpty else {
            return try await page(request, inputs: fields, error: AppError.invalid(Strings.Form.fixFields, fields: problems),
                                  status: .unprocessableEntity).encodeResponse(for: request)
        }
        let hash = try await request.password.async.hash(password)
        let at = request.now
        let employerCode = employer.isEmpty ? nil : employer
        try await request.db.writeTransaction { tx in
            let account = Account(username: username, displayName: name, passwordHash: hash, role: .expert)
            try await account.create(on: tx)
            let expert = Expert(accountID: account.id!, name: name, fields: fields["fields"] ?? "", affiliation: affiliation,
                                employerCreditCode: employerCode, relationships: fields["relationships"] ?? "")
            try await expert.create(on: tx)
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "expert", subjectID: expert.id!.uuidString,
                                                   action: "add_expert", reason: "\(name) · \(affiliation)", occurredAt: at), on: tx)
        }
        return request.redirect(to: SiteURL.adminExperts.path, redirectType: .normal)
    }
}
