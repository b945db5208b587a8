import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Spreadsheet
import Vapor

/// The policy sandbox for the city bureau: drafts, their parameters, and comparisons with the policy in
/// force over the whole registry. Nothing here writes anything but drafts.
enum SandboxController {
    static func register(on app: Application) {
        app.on(.GET, .sandbox, as: CityOfficer.self, use: list)
        app.on(.POST, .sandbox, as: CityOfficer.self, use: create)
        app.on(.GET, .sandboxExample, as: CityOfficer.self, use: example)
        app.on(.GET, .sandboxDraft(.key), as: CityOfficer.self, use: edit)
        app.on(.POST, .sandboxDraft(.key), as: CityOfficer.self, use: save)
        app.on(.GET, .sandboxCompare(.key), as: CityOfficer.self, use: compare)
    }

    @Sendable
    static func list(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await listPage(request, error: nil, status: .ok)
    }

    static func listPage(_ request: Request, error: LocalizedText?, status: HTTPStatus) async throws -> HTMLPage {
        let context = PageContext(request: request)
        let drafts = try await request.sandboxService.drafts()
        let policies = try request.policyCatalog.policies.filter { !$0.programmes.isEmpty }
        let titles = Dictionary(uniqueKeysWithValues: policies.map { ($0.id, $0.title) })
        return HTMLPage(html: Layout.page(
            context, title: Strings.Sandbox.title,
            .p(.class("muted"), .text(context.t(Strings.Sandbox.intro))),
            .p(.a(.id("example"), .href(attr(SiteURL.sandboxExample.path)), .text(context.t(Strings.Sandbox.example)))),
            .h2(.text(context.t(Strings.Sandbox.drafts))),
            drafts.isEmpty ? .p(.text(context.t(Strings.Sandbox.noDrafts))) : .ul(.id("drafts"), .forEach(drafts) { draft in
                .li(.a(.href(attr(SiteURL.sandboxDraft(.value(draft.id!)).path)), .text(draft.name)),
                    .text(" · " + context.t(titles[draft.basePolicyID] ?? T(zh: draft.basePolicyID, en: draft.basePolicyID))))
            }),
            .h2(.text(context.t(Strings.Sandbox.newDraft))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(context.t($0))) },
            .form(.method(.post), .action(attr(SiteURL.sandbox.path)), .class("stacked narrow"), .id("new-draft"),
                  Forms.csrf(context),
                  .label(.for("name"), .text(context.t(Strings.Sandbox.name))), .input(.type(.text), .id("name"), .name("name")),
                  .label(.for("base"), .text(context.t(Strings.Sandbox.copyOf))),
                  .select(.id("base"), .attribute(named: "name", value: "base"), .forEach(policies) { policy in
                      .option(.value(attr(policy.id)), .label(attr(context.t(policy.title))))
                  }),
                  .label(.for("against"), .text(context.t(Strings.Sandbox.against))),
                  .select(.id("against"), .attribute(named: "name", value: "against"),
                          .option(.value(""), .label(attr(context.t(Strings.Sandbox.copyOf)))),
                          .forEach(policies.filter { !$0.isDraft }) { policy in .option(.value(attr(policy.id)), .label(attr(context.t(policy.title)))) }),
                  .button(.type(.submit), .text(context.t(Strings.Sandbox.create))))
        ), status: status)
    }

    @Sendable
    static func create(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let base = fields["base"] ?? ""
        let against = (fields["against"] ?? "").isEmpty ? base : fields["against"]!
        var name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = base }
        do {
            let draft = try await request.sandboxService.create(name: String(name.prefix(100)), basePolicy: base, againstPolicy: against,
                                                                by: officer.user.displayName, at: request.now)
            return request.redirect(to: SiteURL.sandboxDraft(.value(draft.id!)).path, redirectType: .normal)
        } catch let failure as SandboxService.Failure {
            return try await listPage(request, error: failure.message, status: .unprocessableEntity).encodeResponse(for: request)
        }
    }

    static func draft(_ request: Request) async throws -> SandboxDraft {
        let id = try request.uuidParameter("draftID")
        guard let draft = try await SandboxDraft.find(id, on: request.db) else { throw AppError.notFound(Strings.Sandbox.notFound) }
        return draft
    }

    @Sendable
    static func edit(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await editPage(request, draft: try await draft(request), error: nil, status: .ok)
    }

    static func editPage(_ request: Request, draft: SandboxDraft, error: LocalizedText?, status: HTTPStatus) async throws -> HTMLPage {
        let context = PageContext(request: request)
        let service = try request.sandboxService
        let changes = Dictionary(service.changes(of: draft).map { (key(for: $0), $0.value) }, uniquingKeysWith: { _, last in last })
        let parameters = service.parameters(of: draft.basePolicyID)
        return HTMLPage(html: Layout.page(
            context, title: T(zh: draft.name, en: draft.name),
            .p(.class("muted"), .text("\(draft.basePolicyID) → \(draft.againstPolicyID)")),
            .form(.method(.get), .action(attr(SiteURL.sandboxCompare(.value(draft.id!)).path)), .class("filters no-print"), .id("compare"),
                  .label(.for("on"), .text(context.t(Strings.Sandbox.compareOn))),
                  .input(.type(.date), .id("on"), .name("on"), .value(attr(request.today.iso))),
                  .button(.type(.submit), .text(context.t(Strings.Sandbox.compare)))),
            .h2(.text(context.t(Strings.Sandbox.parameters))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0))) },
            .form(.method(.post), .action(attr(SiteURL.sandboxDraft(.value(draft.id!)).path)), .id("parameters"),
                  Forms.csrf(context),
                  .table(.class("list"),
                         .thead(.tr(.th(.text(context.t(Strings.Matching.programme))), .th(.text(context.t(Strings.Sandbox.parameters))),
                                    .th(.text(context.t(Strings.Sandbox.current))), .th(.text(context.t(Strings.Sandbox.draftValue))))),
                         .tbody(.forEach(parameters) { parameter in
                             let name = key(for: parameter.change)
                             return .tr(.td(.code(.text(parameter.change.target))),
                                        .td(.text(context.t(Strings.Sandbox.field(parameter.change.field)) + " · " + context.t(parameter.label))),
                                        .td(.text(parameter.current)),
                                        .td(.input(.type(.text), .name(attr(name)), .attribute(named: "aria-label", value: attr(name)),
                                                   .value(attr(changes[name] ?? parameter.current)))))
                         })),
                  .button(.type(.submit), .text(context.t(Strings.Sandbox.save))))
        ), status: status)
    }

    /// The form field of a parameter: `p|target|field|rule`.
    static func key(for change: SandboxChange) -> String {
        "p|\(change.target)|\(change.field.rawValue)|\(change.rule ?? "")"
    }

    @Sendable
    static func save(request: Request, officer: CityOfficer) async throws -> Response {
        let draft = try await draft(request)
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let values = fields.compactMap { name, value -> SandboxChange? in
            let parts = name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, parts[0] == "p", let field = SandboxChange.Field(rawValue: parts[2]) else { return nil }
            return SandboxChange(target: parts[1], field: field, rule: parts[3].isEmpty ? nil : parts[3], value: value)
        }.sorted { $0.argument < $1.argument }
        do {
            try await request.sandboxService.save(draft, values: values, at: request.now)
        } catch let failure as SandboxService.Failure {
            return try await editPage(request, draft: draft, error: failure.message, status: .unprocessableEntity).encodeResponse(for: request)
        }
        return request.redirect(to: SiteURL.sandboxDraft(.value(draft.id!)).path, redirectType: .normal)
    }

    @Sendable
    static func compare(request: Request, officer: CityOfficer) async throws -> Response {
        let draft = try await draft(request)
        let service = try request.sandboxService
        let setup: SandboxService.Setup
        do {
            setup = try service.setup(basePolicy: draft.basePolicyID, againstPolicy: draft.againstPolicyID, changes: service.changes(of: draft))
        } catch {
            return try await editPage(request, draft: draft, error: error.message, status: .unprocessableEntity).encodeResponse(for: request)
        }
        return try await comparison(request, setup: setup, title: T(zh: draft.name, en: draft.name), changes: service.changes(of: draft))
    }

    @Sendable
    static func example(request: Request, officer: CityOfficer) async throws -> Response {
        let setup = try request.sandboxService.example()
        return try await comparison(request, setup: setup, title: Strings.Sandbox.example, changes: [])
    }

    static func comparison(_ request: Request, setup: SandboxService.Setup, title: LocalizedText, changes: [SandboxChange]) async throws -> Response {
        let day = (try? request.query.get(String.self, at: "on")).flatMap { CalendarDate(iso: $0) } ?? request.today
        let result = try await request.sandboxService.compare(setup, on: day)
        if (try? request.query.get(String.self, at: "format")) == "csv" {
            let table = SandboxPage.affectedTable(result, language: request.language)
            let response = Response(status: .ok, body: .init(data: table.csvData()))
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"sandbox-\(day.iso).csv\"")
            return response
        }
        return try await HTMLPage(html: SandboxPage.render(PageContext(request: request), title: title, result: result, changes: changes,
                                                           csvLink: request.url.path + "?on=\(day.iso)&format=csv"))
            .encodeResponse(for: request)
    }
}

extension Request {
    var sandboxService: SandboxService {
        get throws { SandboxService(database: db, catalog: try policyCatalog, scope: qualityCity.configuration.database.redactedDescription) }
    }
}
