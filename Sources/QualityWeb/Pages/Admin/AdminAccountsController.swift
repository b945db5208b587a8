import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The secretariat manages officer, expert, committee, finance and department accounts. Enterprises register
/// themselves. Deactivating an account ends its sessions at once.
enum AdminAccountsController {
    static func register(on app: Application) {
        app.on(.GET, .adminAccounts, as: CityOfficer.self, use: list)
        app.on(.POST, .adminAccounts, as: CityOfficer.self, use: create)
        app.on(.POST, .adminAccountDeactivate(.key), as: CityOfficer.self, use: deactivate)
    }

    static let creatableRoles: [Role] = [.districtOfficer, .cityOfficer, .expert, .committee, .finance, .department]

    @Sendable
    static func list(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await page(request, inputs: [:], error: nil, status: .ok)
    }

    static func page(_ request: Request, inputs: [String: String], error: AppError?, status: HTTPStatus) async throws -> HTMLPage {
        let accounts = try await Account.query(on: request.db).filter(\.$role != .enterprise).sort(\.$role).sort(\.$username).all()
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.AdminAccounts.title,
            .table(
                .class("list"), .id("accounts"),
                .thead(.tr(.th(.text(context.t(Strings.Signup.username))), .th(.text(context.t(Strings.AdminAccounts.displayName))),
                           .th(.text(context.t(Strings.AdminAccounts.role))), .th(.text(context.t(Strings.Form.district))),
                           .th(.text(context.t(Strings.Calls.stage))), .th())),
                .tbody(.forEach(accounts) { account in
                    .tr(.td(.code(.text(account.username))), .td(.text(account.displayName)),
                        .td(.text(context.t(Strings.Roles.name(account.role)))),
                        .td(.text(account.district ?? account.department ?? "")),
                        .td(.text(context.t(account.isActive ? Strings.AdminAccounts.active : Strings.AdminAccounts.inactive))),
                        .td(.if(account.isActive, .form(
                            .method(.post), .action(attr(SiteURL.adminAccountDeactivate(.value(account.id!)).path)), .class("inline"),
                            Forms.csrf(context),
                            .button(.type(.submit), .class("secondary"), .text(context.t(Strings.AdminAccounts.deactivate)))))))
                })
            ),
            .h2(.text(context.t(Strings.AdminAccounts.create))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message)),
                                  .ul(.forEach($0.fields.sorted(by: { $0.key < $1.key })) { .li(.text(context.t($0.value))) })) },
            createForm(context, inputs: inputs)
        ), status: status)
    }

    static func createForm(_ context: PageContext, inputs: [String: String]) -> Node<HTML.BodyContext> {
        let roles: [Node<HTML.SelectContext>] = creatableRoles.map { role in
            .option(.value(attr(role.rawValue)), .isSelected(inputs["role"] == role.rawValue), .label(attr(context.t(Strings.Roles.name(role)))))
        }
        let districts: [Node<HTML.SelectContext>] = Regions.allDistricts.map { entry in
            .option(.value(attr(entry.district.name)), .isSelected(inputs["district"] == entry.district.name), .label(attr("\(entry.city) \(entry.district.name)")))
        }
        return .form(
            .method(.post), .action(attr(SiteURL.adminAccounts.path)), .class("stacked narrow"), .id("account-form"),
            Forms.csrf(context),
            .label(.for("username"), .text(context.t(Strings.Signup.username))),
            .input(.type(.text), .id("username"), .name("username"), .value(attr(inputs["username"] ?? ""))),
            .label(.for("displayName"), .text(context.t(Strings.AdminAccounts.displayName))),
            .input(.type(.text), .id("displayName"), .name("displayName"), .value(attr(inputs["displayName"] ?? ""))),
            .label(.for("role"), .text(context.t(Strings.AdminAccounts.role))),
            .select(.id("role"), .attribute(named: "name", value: "role"), .group(roles)),
            .label(.for("district"), .text(context.t(Strings.Form.district))),
            .select(.id("district"), .attribute(named: "name", value: "district"), .option(.value(""), .label("—")), .group(districts)),
            .label(.for("department"), .text(context.t(Strings.AdminAccounts.department))),
            .input(.type(.text), .id("department"), .name("department"), .value(attr(inputs["department"] ?? ""))),
            .label(.for("password"), .text(context.t(Strings.AdminAccounts.initialPassword))),
            .input(.type(.password), .id("password"), .name("password")),
            .button(.type(.submit), .text(context.t(Strings.AdminAccounts.create)))
        )
    }

    @Sendable
    static func create(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        var problems: [String: LocalizedText] = [:]
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !EnterpriseService.isUsername(username) { problems["username"] = Strings.Signup.badUsername }
        else if try await Account.query(on: request.db).filter(\.$username == username).first() != nil {
            problems["username"] = Strings.Signup.usernameTaken
        }
        let name = (fields["displayName"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems["displayName"] = Strings.Form.required(Strings.AdminAccounts.displayName) }
        let role = Role(rawValue: fields["role"] ?? "")
        if role == nil || role == .enterprise { problems["role"] = Strings.AdminAccounts.enterpriseViaSignup }
        let district = (fields["district"] ?? "").isEmpty ? nil : fields["district"]
        if role == .districtOfficer, district.flatMap(Regions.city(ofDistrict:)) == nil { problems["district"] = Strings.AdminAccounts.districtRequired }
        let department = (fields["department"] ?? "").trimmingCharacters(in: .whitespaces)
        if role == .department, department.isEmpty { problems["department"] = Strings.AdminAccounts.departmentRequired }
        let password = fields["password"] ?? ""
        if let problem = EnterpriseService.passwordProblem(password) { problems["password"] = problem }
        guard problems.isEmpty, let role else {
            var kept = fields
            kept["password"] = nil
            return try await page(request, inputs: kept, error: AppError.invalid(Strings.Form.fixFields, fields: problems),
                                  status: .unprocessableEntity).encodeResponse(for: request)
        }
        let hash = try await request.password.async.hash(password)
        let account = Account(username: username, displayName: name, passwordHash: hash, role: role,
                              district: role == .districtOfficer ? district : nil,
                              department: role == .department ? department : nil)
        let now = request.now
        try await request.db.writeTransaction { tx in
            try await account.create(on: tx)
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "account", subjectID: account.id!.uuidString,
                                                   action: "create_account", reason: "\(username) (\(role.rawValue))", occurredAt: now), on: tx)
        }
        return request.redirect(to: SiteURL.adminAccounts.path, redirectType: .normal)
    }

    @Sendable
    static func deactivate(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("accountID")
        guard id != officer.user.accountID else { throw AppError.conflict(Strings.AdminAccounts.cannotDeactivateSelf) }
        guard let account = try await Account.find(id, on: request.db) else { throw AppError.notFound() }
        let now = request.now
        try await request.db.writeTransaction { tx in
            account.isActive = false
            try await account.update(on: tx)
            try await UserSession.query(on: tx).filter(\.$account.$id == id).delete()
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "account", subjectID: id.uuidString,
                                                   action: "deactivate_account", reason: account.username, occurredAt: now), on: tx)
        }
        return request.redirect(to: SiteURL.adminAccounts.path, redirectType: .normal)
    }
}
