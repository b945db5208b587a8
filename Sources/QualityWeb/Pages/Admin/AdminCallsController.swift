import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// The secretariat's list of every call, the form to publish a new one, and the buttons that move a call on.
enum AdminCallsController {
    static func register(on app: Application) {
        app.on(.GET, .adminCalls, as: CityOfficer.self, use: list)
        app.on(.GET, .adminCallNew, as: CityOfficer.self, use: newForm)
        app.on(.POST, .adminCalls, as: CityOfficer.self, use: create)
        app.on(.POST, .adminCallStage(.key), as: CityOfficer.self, use: move)
    }

    @Sendable
    static func list(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        let calls = try await Call.query(on: request.db).sort(\.$year, .descending).sort(\.$closesOn, .descending).all()
        let counts = try await CallApplication.query(on: request.db).filter(\.$stage != .draft).all()
            .reduce(into: [UUID: Int]()) { $0[$1.$call.id, default: 0] += 1 }
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.AdminCalls.title,
            .p(.a(.class("button"), .href(attr(SiteURL.adminCallNew.path)), .text(context.t(Strings.AdminCalls.new)))),
            .table(
                .class("list"), .id("admin-calls"),
                .thead(.tr(.th(.text(context.t(Strings.Calls.programme))), .th(.text(context.t(Strings.Calls.window))),
                           .th(.text(context.t(Strings.Calls.quota))), .th(.text(context.t(Strings.AdminCalls.applications))),
                           .th(.text(context.t(Strings.Calls.stage))), .th(.text(context.t(Strings.ApplicationPage.actions))))),
                .tbody(.forEach(calls) { call in
                    .tr(
                        .td(.a(.href(attr(SiteURL.call(.value(call.id!)).path)), .text(context.t(call.title)))),
                        .td(.text(context.t(Strings.Calls.window(call.opensOn, call.closesOn)))),
                        .td(.text(call.quota.map(String.init) ?? "—")),
                        .td(.a(.href(attr(SiteURL.applications.path + "?call=\(call.id!.uuidString)")), .text(String(counts[call.id!] ?? 0)))),
                        .td(.text(context.t(Strings.Calls.stage(call.stage)))),
                        .td(.if([.review, .expertReview, .committee].contains(call.stage),
                                .a(.href(attr(SiteURL.adminCallReview(.value(call.id!)).path)), .text(context.t(Strings.AdminCalls.reviewPage) + " "))),
                            .if([.notice, .final].contains(call.stage),
                                .a(.href(attr(SiteURL.adminCallNotice(.value(call.id!)).path)), .text(context.t(Strings.AdminCalls.noticePage) + " "))),
                            .forEach(CallService.manualMoves[call.stage] ?? []) { target in
                            .form(.method(.post), .action(attr(SiteURL.adminCallStage(.value(call.id!)).path)), .class("inline"),
                                  Forms.csrf(context),
                                  .input(.type(.hidden), .name("stage"), .value(attr(target.rawValue))),
                                  .button(.type(.submit), .class("secondary"), .text(context.t(Strings.AdminCalls.moveTo(target)))))
                        })
                    )
                })
            )
        ))
    }

    @Sendable
    static func newForm(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        HTMLPage(html: render(context: PageContext(request: request), programmes: request.qualityCity.assessor.programmes,
                              inputs: [:], error: nil))
    }

    @Sendable
    static func create(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let draft = CallService.Draft(
            programmeID: fields["programmeID"] ?? "", year: fields["year"].flatMap { Int($0) },
            titleZh: fields["titleZh"] ?? "", titleEn: fields["titleEn"] ?? "", opensOn: fields["opensOn"] ?? "",
            closesOn: fields["closesOn"] ?? "", quota: fields["quota"] ?? "", materials: fields["materials"] ?? "",
            contacts: fields["contacts"] ?? "", noticeDays: fields["noticeDays"] ?? "10", scoreAggregate: fields["scoreAggregate"] ?? "mean")
        do {
            _ = try await request.calls.create(officer, draft)
            return request.redirect(to: SiteURL.adminCalls.path, redirectType: .normal)
        } catch let error as AppError {
            return try await HTMLPage(html: render(context: PageContext(request: request), programmes: request.qualityCity.assessor.programmes,
                                                   inputs: fields, error: error), status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func move(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("callID")
        guard let raw = try? request.content.get(String.self, at: "stage"), let target = CallStage(rawValue: raw) else {
            throw AppError.invalid(T(zh: "未知的阶段", en: "Unknown stage"))
        }
        _ = try await request.calls.move(officer, callID: id, to: target)
        return request.redirect(to: SiteURL.adminCalls.path, redirectType: .normal)
    }

    static func render(context: PageContext, programmes: [ProgrammeInfo], inputs: [String: String], error: AppError?) -> String {
        Layout.page(
            context, title: Strings.AdminCalls.new,
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .form(
                .method(.post), .action(attr(SiteURL.adminCalls.path)), .class("stacked"), .id("call-form"),
                Forms.csrf(context),
                programmeField(context, programmes: programmes, inputs: inputs, error: error),
                windowFields(context, inputs: inputs, error: error),
                detailFields(context, inputs: inputs, error: error),
                .button(.type(.submit), .text(context.t(Strings.AdminCalls.save)))
            )
        )
    }

    private static func problem(_ context: PageContext, _ error: AppError?, _ name: String) -> Node<HTML.FormContext> {
        .unwrap(error?.fields[name]) { .small(.class("field-error"), .text(context.t($0))) }
    }

    private static func programmeField(_ context: PageContext, programmes: [ProgrammeInfo], inputs: [String: String],
                                       error: AppError?) -> Node<HTML.FormContext> {
        let options: [Node<HTML.SelectContext>] = programmes.filter { $0.inForce != nil }.map { programme in
            .option(.value(attr(programme.id)), .isSelected(inputs["programmeID"] == programme.id), .label(attr(context.t(programme.title))))
        }
        return .group(
            .label(.for("programmeID"), .text(context.t(Strings.Calls.programme))),
            .select(.id("programmeID"), .attribute(named: "name", value: "programmeID"), .group(options)),
            problem(context, error, "programmeID"),
            .label(.for("titleZh"), .text(context.t(Strings.AdminCalls.titleZh))),
            .input(.type(.text), .id("titleZh"), .name("titleZh"), .value(attr(inputs["titleZh"] ?? ""))),
            .label(.for("titleEn"), .text(context.t(Strings.AdminCalls.titleEn))),
            .input(.type(.text), .id("titleEn"), .name("titleEn"), .value(attr(inputs["titleEn"] ?? "")))
        )
    }

    private static func windowFields(_ context: PageContext, inputs: [String: String], error: AppError?) -> Node<HTML.FormContext> {
        .group(
            .label(.for("opensOn"), .text(context.t(Strings.AdminCalls.opensOn))),
            .input(.type(.date), .id("opensOn"), .name("opensOn"), .value(attr(inputs["opensOn"] ?? context.today.iso))),
            problem(context, error, "opensOn"),
            .label(.for("closesOn"), .text(context.t(Strings.AdminCalls.closesOn))),
            .input(.type(.date), .id("closesOn"), .name("closesOn"), .value(attr(inputs["closesOn"] ?? context.today.adding(days: 60).iso))),
            problem(context, error, "closesOn"),
            .label(.for("quota"), .text(context.t(Strings.AdminCalls.quotaLabel))),
            .input(.type(.number), .id("quota"), .name("quota"), .value(attr(inputs["quota"] ?? ""))),
            problem(context, error, "quota")
        )
    }

    private static func detailFields(_ context: PageContext, inputs: [String: String], error: AppError?) -> Node<HTML.FormContext> {
        .group(
            .label(.for("materials"), .text(context.t(Strings.AdminCalls.materialsLabel))),
            .textarea(.id("materials"), .name("materials"), .attribute(named: "rows", value: "5"), .text(inputs["materials"] ?? "")),
            .small(.class("muted"), .text(context.t(Strings.AdminCalls.materialsHint))),
            problem(context, error, "materials"),
            .label(.for("contacts"), .text(context.t(Strings.Calls.contacts))),
            .textarea(.id("contacts"), .name("contacts"), .attribute(named: "rows", value: "3"), .text(inputs["contacts"] ?? "")),
            .label(.for("noticeDays"), .text(context.t(Strings.AdminCalls.noticeDays))),
            .input(.type(.number), .id("noticeDays"), .name("noticeDays"), .value(attr(inputs["noticeDays"] ?? "10"))),
            problem(context, error, "noticeDays"),
            .label(.for("scoreAggregate"), .text(context.t(Strings.AdminCalls.aggregate))),
            .select(.id("scoreAggregate"), .attribute(named: "name", value: "scoreAggregate"),
                    .option(.value("mean"), .label(attr(context.t(Strings.AdminCalls.mean)))),
                    .option(.value("trimmed_mean"), .isSelected(inputs["scoreAggregate"] == "trimmed_mean"),
                            .label(attr(context.t(Strings.AdminCalls.trimmedMean)))))
        )
    }
}

extension Request {
    var calls: CallService { CallService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
}
