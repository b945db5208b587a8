import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Titles after they are granted: the list (what expires when) and each title's page, with its reports,
/// rectifications, change reports, re-review and the actions of the holder, the district and the city.
enum TitleLifecycleController {
    static func register(on app: Application) {
        app.on(.GET, .titles, as: AnySignedIn.self, use: list)
        app.on(.GET, .title(.key), as: AnySignedIn.self, use: show)
        app.on(.POST, .titleReports(.key), as: EnterpriseUser.self, use: fileReport)
        app.on(.POST, .titleChanges(.key), as: EnterpriseUser.self, use: fileChange)
        app.on(.POST, .titleEnd(.key), as: CityOfficer.self, use: endTitle)
        app.on(.POST, .changeForward(.key), as: DistrictOfficer.self, use: forwardChange)
        app.on(.POST, .changeRecord(.key), as: CityOfficer.self, use: recordChange)
        app.on(.POST, .reReviewDecide(.key), as: CityOfficer.self, use: decideReReview)
    }

    @Sendable
    static func list(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        let user = viewer.user
        let query = Title.query(on: request.db).with(\.$enterprise)
        switch user.role {
        case .enterprise: query.filter(\.$enterprise.$id == (user.enterpriseID ?? UUID()))
        case .districtOfficer: query.join(Enterprise.self, on: \Title.$enterprise.$id == \Enterprise.$id).filter(Enterprise.self, \.$district == (user.district ?? ""))
        case .cityOfficer: break
        default: throw AppError.forbidden
        }
        let soon = (try? request.query.get(String.self, at: "expiring")) == "90"
        var titles = try await query.sort(\.$validUntil).all()
        let today = request.today
        if soon { titles = titles.filter { $0.status == .active && $0.validUntil <= today.adding(days: 90) } }
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.Lifecycle.titles,
            .p(.a(.href(attr(SiteURL.titles.path + "?expiring=90")), .text(context.t(Strings.Lifecycle.expiringSoon)))),
            titles.isEmpty ? .p(.text(context.t(Strings.Lifecycle.none))) : .table(
                .class("list"), .id("titles"),
                .thead(.tr(.th(.text(context.t(Strings.Titles.certificateNumber))), .th(.text(context.t(Strings.Titles.holder))),
                           .th(.text(context.t(Strings.Calls.programme))), .th(.text(context.t(Strings.Lifecycle.expiresIn))),
                           .th(.text(context.t(Strings.Calls.stage))))),
                .tbody(.forEach(titles) { title in
                    .tr(.td(.a(.href(attr(SiteURL.title(.value(title.id!)).path)), .text(title.certificateNumber))),
                        .td(.text(title.enterprise.name)),
                        .td(.text(context.t(request.qualityCity.assessor.programme(title.programmeID)?.title ?? T(zh: title.programmeID, en: title.programmeID)))),
                        .td(.text(title.validUntil.iso)),
                        .td(.text(context.t(Strings.Titles.status(title.status, validToday: title.isValid(on: today))))))
                })
            )
        ))
    }

    @Sendable
    static func show(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        try await page(request, viewer: viewer.user, error: nil, inputs: [:])
    }

    static func page(_ request: Request, viewer: SignedInUser, error: AppError?, inputs: [String: String],
                     status: HTTPStatus = .ok) async throws -> HTMLPage {
        let lifecycle = request.lifecycle
        let title = try await lifecycle.visibleTitle(try request.uuidParameter("titleID"), to: viewer)
        let id = title.id!
        let schedule = try await lifecycle.reportSchedule(title)
        let rectifications = try await Rectification.query(on: request.db).filter(\.$title.$id == id).sort(\.$issuedOn).all()
        let changes = try await ChangeReport.query(on: request.db).filter(\.$title.$id == id).sort(\.$filedAt).all()
        let reReviews = try await ReReview.query(on: request.db).filter(\.$title.$id == id).sort(\.$dueOn).all()
        let context = PageContext(request: request)
        let today = request.today
        let active = title.status == .active
        let programme = request.qualityCity.assessor.programme(title.programmeID)
        func problem(_ name: String) -> Node<HTML.FormContext> {
            .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
        }
        let owed = schedule.filter { $0.report == nil && today.year > $0.year }
        return HTMLPage(html: Layout.page(
            context, title: programme?.title ?? Strings.Lifecycle.titles,
            .dl(.class("facts"),
                .dt(.text(context.t(Strings.Titles.certificateNumber))),
                .dd(.a(.href(attr(SiteURL.certificate(.value(title.certificateNumber)).path)), .text(title.certificateNumber))),
                .dt(.text(context.t(Strings.Titles.holder))), .dd(.text(title.enterprise.name)),
                .dt(.text(context.t(Strings.Titles.validity))), .dd(.text("\(title.validFrom.iso) – \(title.validUntil.iso)")),
                .dt(.text(context.t(Strings.Calls.stage))),
                .dd(.id("title-status"), .text(context.t(Strings.Titles.status(title.status, validToday: title.isValid(on: today)))),
                    .unwrap(title.endedReason) { .text("：" + $0) })),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .if(!schedule.isEmpty, .section(
                .h2(.text(context.t(Strings.Lifecycle.reports))),
                .table(.class("list"), .id("reports"), .tbody(.forEach(schedule) { row in
                    .tr(.td(.text(String(row.year))), .td(.text(context.t(Strings.Lifecycle.dueOn) + " " + row.dueOn.iso)),
                        .td(.text(row.report.map { context.t($0.late ? Strings.Lifecycle.filedLate : Strings.Lifecycle.filed) + " " + Formatting.dateTime($0.submittedAt) }
                                  ?? context.t(Strings.Lifecycle.notFiled))))
                })),
                .if(viewer.role == .enterprise && active && !owed.isEmpty, .form(
                    .method(.post), .action(attr(SiteURL.titleReports(.value(id)).path)), .class("stacked"), .id("report-form"),
                    Forms.csrf(context),
                    .h3(.text(context.t(Strings.Lifecycle.fileReport))),
                    .label(.for("year"), .text(context.t(Strings.Lifecycle.reportYear))),
                    .select(.id("year"), .attribute(named: "name", value: "year"),
                            .group(owed.map { row in .option(.value(attr(String(row.year))), .label(attr(String(row.year)))) })),
                    .label(.for("summary"), .text(context.t(Strings.Lifecycle.summary))),
                    .textarea(.id("summary"), .name("summary"), .attribute(named: "rows", value: "6"), .text(inputs["summary"] ?? "")),
                    problem("summary"),
                    .label(.for("fundUse"), .text(context.t(Strings.Lifecycle.fundUse))),
                    .textarea(.id("fundUse"), .name("fundUse"), .attribute(named: "rows", value: "3"), .text(inputs["fundUse"] ?? "")),
                    problem("fundUse"),
                    .button(.type(.submit), .text(context.t(Strings.Lifecycle.fileReport)))))
            )),
            .if(!rectifications.isEmpty, .section(
                .h2(.text(context.t(Strings.Lifecycle.rectifications))),
                .ul(.id("rectifications"), .forEach(rectifications) { notice in
                    .li(.text("\(notice.reportYear) · \(notice.issuedOn.iso) → \(notice.deadline.iso) · " + context.t(Strings.Lifecycle.rectificationStatus(notice.status))))
                })
            )),
            changesSection(context, viewer: viewer, title: title, changes: changes, inputs: inputs, error: error),
            .if(!reReviews.isEmpty, .section(
                .h2(.text(context.t(Strings.Lifecycle.reReview))),
                .forEach(reReviews) { review in
                    .div(.p(.text("\(review.dueOn.iso) · " + (review.findings ?? ""))),
                         .if(viewer.role == .cityOfficer && review.outcome == .pending, .form(
                            .method(.post), .action(attr(SiteURL.reReviewDecide(.value(review.id!)).path)), .class("stacked"),
                            Forms.csrf(context),
                            .textarea(.name("findings"), .attribute(named: "rows", value: "3"), .attribute(named: "aria-label", value: attr(context.t(Strings.ApplicationPage.onSiteFindings)))),
                            .button(.type(.submit), .name("decision"), .value("pass"), .text(context.t(Strings.Lifecycle.passReReview))),
                            .button(.type(.submit), .name("decision"), .value("fail"), .class("secondary"), .text(context.t(Strings.Lifecycle.failReReview))))))
                }
            )),
            .if(viewer.role == .cityOfficer && active, .section(
                .h2(.text(context.t(Strings.Lifecycle.endTitle))),
                .p(.class("muted"), .text(context.t(Strings.Lifecycle.banNote))),
                .form(.method(.post), .action(attr(SiteURL.titleEnd(.value(id)).path)), .class("stacked narrow"), .id("end-form"),
                      Forms.csrf(context),
                      .select(.attribute(named: "name", value: "kind"), .attribute(named: "aria-label", value: attr(context.t(Strings.Lifecycle.endTitle))),
                              .group(LifecycleService.EndKind.allCases.filter { $0 != .reReviewFailed }.map { kind in
                                  .option(.value(attr(kind.rawValue)), .label(attr(context.t(Strings.Lifecycle.endKind(kind)))))
                              })),
                      .textarea(.name("note"), .attribute(named: "rows", value: "3"), .attribute(named: "aria-label", value: attr(context.t(Strings.Lifecycle.note))),
                                .text(inputs["note"] ?? "")),
                      problem("note"),
                      .button(.type(.submit), .class("secondary"), .text(context.t(Strings.Lifecycle.endTitle))))
            ))
        ), status: status)
    }

    static func changesSection(_ context: PageContext, viewer: SignedInUser, title: Title, changes: [ChangeReport],
                               inputs: [String: String], error: AppError?) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(context.t(Strings.Lifecycle.changes))),
            .ul(.id("changes"), .forEach(changes) { change in
                .li(.text("\(change.effectiveOn.iso) · " + context.t(Strings.Lifecycle.changeKind(change.kind)) + "：\(change.details) · "
                          + context.t(Strings.Lifecycle.changeStatus(change.status))),
                    .if(viewer.role == .districtOfficer && change.status == .filed, .form(
                        .method(.post), .action(attr(SiteURL.changeForward(.value(change.id!)).path)), .class("inline"),
                        Forms.csrf(context), .input(.type(.text), .name("note"), .attribute(named: "aria-label", value: attr(context.t(Strings.Lifecycle.note)))),
                        .button(.type(.submit), .text(context.t(Strings.Lifecycle.forward))))),
                    .if(viewer.role == .cityOfficer && change.status == .forwarded, .form(
                        .method(.post), .action(attr(SiteURL.changeRecord(.value(change.id!)).path)), .class("inline"),
                        Forms.csrf(context), .input(.type(.text), .name("note"), .attribute(named: "aria-label", value: attr(context.t(Strings.Lifecycle.note)))),
                        .button(.type(.submit), .name("terminate"), .value("no"), .text(context.t(Strings.Lifecycle.record))),
                        .if([.businessEnded, .scopeChange, .terminationRequest].contains(change.kind),
                            .button(.type(.submit), .name("terminate"), .value("yes"), .class("secondary"), .text(context.t(Strings.Lifecycle.recordAndTerminate)))))))
            }),
            .if(viewer.role == .enterprise && title.status == .active, .form(
                .method(.post), .action(attr(SiteURL.titleChanges(.value(title.id!)).path)), .class("stacked narrow"), .id("change-form"),
                Forms.csrf(context),
                .h3(.text(context.t(Strings.Lifecycle.fileChange))),
                .label(.for("kind"), .text(context.t(Strings.Lifecycle.changeKind))),
                .select(.id("kind"), .attribute(named: "name", value: "kind"),
                        .group(ChangeKind.allCases.map { kind in .option(.value(attr(kind.rawValue)), .label(attr(context.t(Strings.Lifecycle.changeKind(kind))))) })),
                .label(.for("effectiveOn"), .text(context.t(Strings.Lifecycle.effectiveOn))),
                .input(.type(.date), .id("effectiveOn"), .name("effectiveOn"), .value(attr(inputs["effectiveOn"] ?? context.today.iso))),
                .label(.for("details"), .text(context.t(Strings.Lifecycle.details))),
                .textarea(.id("details"), .name("details"), .attribute(named: "rows", value: "3"), .text(inputs["details"] ?? "")),
                .unwrap(error?.fields["details"]) { .small(.class("field-error"), .text(context.t($0))) },
                .button(.type(.submit), .text(context.t(Strings.Lifecycle.fileChange)))))
        )
    }

    // MARK: Actions

    static func acting(_ request: Request, viewer: SignedInUser, titleID: UUID, inputs: [String: String],
                       _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return request.redirect(to: SiteURL.title(.value(titleID)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound && error.status != .forbidden {
            request.parameters.set("titleID", to: titleID.uuidString)
            return try await page(request, viewer: viewer, error: error, inputs: inputs, status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func fileReport(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("titleID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        return try await acting(request, viewer: enterprise.user, titleID: id, inputs: fields) {
            guard let year = fields["year"].flatMap({ Int($0) }) else { throw AppError.invalid(Strings.Lifecycle.noReportDue(0)) }
            try await request.lifecycle.fileReport(enterprise, titleID: id, year: year, summary: fields["summary"] ?? "", fundUse: fields["fundUse"] ?? "")
        }
    }

    @Sendable
    static func fileChange(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("titleID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        return try await acting(request, viewer: enterprise.user, titleID: id, inputs: fields) {
            guard let kind = fields["kind"].flatMap(ChangeKind.init(rawValue:)) else {
                throw AppError.invalid(Strings.Form.fixFields, fields: ["kind": Strings.Lifecycle.changeKind(.nameChange)])
            }
            guard let effective = fields["effectiveOn"].flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalid(Strings.Form.fixFields, fields: ["effectiveOn": Strings.Form.badDate])
            }
            try await request.lifecycle.fileChange(enterprise, titleID: id, kind: kind, details: fields["details"] ?? "", effectiveOn: effective)
        }
    }

    @Sendable
    static func endTitle(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("titleID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        return try await acting(request, viewer: officer.user, titleID: id, inputs: fields) {
            guard let kind = fields["kind"].flatMap(LifecycleService.EndKind.init(rawValue:)) else {
                throw AppError.invalid(T(zh: "请选择终止或取消的情形", en: "Choose why the title ends"))
            }
            try await request.lifecycle.endTitle(officer, titleID: id, kind: kind, note: fields["note"] ?? "")
        }
    }

    @Sendable
    static func forwardChange(request: Request, officer: DistrictOfficer) async throws -> Response {
        let id = try request.uuidParameter("changeID")
        guard let change = try await ChangeReport.find(id, on: request.db) else { throw AppError.notFound() }
        try await request.lifecycle.forwardChange(officer, changeID: id, note: (try? request.content.get(String.self, at: "note")) ?? "")
        return request.redirect(to: SiteURL.title(.value(change.$title.id)).path, redirectType: .normal)
    }

    @Sendable
    static func recordChange(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("changeID")
        guard let change = try await ChangeReport.find(id, on: request.db) else { throw AppError.notFound() }
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        try await request.lifecycle.recordChange(officer, changeID: id, note: fields["note"] ?? "", terminate: fields["terminate"] == "yes")
        return request.redirect(to: SiteURL.title(.value(change.$title.id)).path, redirectType: .normal)
    }

    @Sendable
    static func decideReReview(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("reReviewID")
        guard let review = try await ReReview.find(id, on: request.db) else { throw AppError.notFound() }
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        return try await acting(request, viewer: officer.user, titleID: review.$title.id, inputs: fields) {
            try await request.lifecycle.decideReReview(officer, reReviewID: id, passed: fields["decision"] == "pass", findings: fields["findings"] ?? "")
        }
    }
}

extension Request {
    var lifecycle: LifecycleService { LifecycleService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
}
