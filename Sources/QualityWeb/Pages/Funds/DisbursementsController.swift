import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Finance's disbursement batches: approved grants gathered into a batch, then paid with a reference.
enum DisbursementsController {
    static func register(on app: Application) {
        app.on(.GET, .disbursements, as: FinanceOfficer.self, use: list)
        app.on(.POST, .disbursements, as: FinanceOfficer.self, use: create)
        app.on(.GET, .disbursement(.key), as: FinanceOfficer.self, use: show)
        app.on(.POST, .disbursementPaid(.key), as: FinanceOfficer.self, use: paid)
    }

    @Sendable
    static func list(request: Request, finance: FinanceOfficer) async throws -> HTMLPage {
        try await listPage(request, inputs: [:], selected: [], error: nil)
    }

    static func listPage(_ request: Request, inputs: [String: String], selected: Set<String>, error: AppError?) async throws -> HTMLPage {
        let service = request.disbursements
        return HTMLPage(html: DisbursementsPage.list(context: PageContext(request: request), batches: try await service.batches(),
                                                     payable: try await service.payable(), assessor: request.qualityCity.assessor,
                                                     inputs: inputs, selected: selected, error: error),
                        status: error?.status ?? .ok)
    }

    struct BatchInput: Content {
        var label: String?
        var grantIDs: [String]?
    }

    @Sendable
    static func create(request: Request, finance: FinanceOfficer) async throws -> Response {
        let input = (try? request.content.decode(BatchInput.self)) ?? BatchInput()
        do {
            let batch = try await request.disbursements.createBatch(finance, grantIDs: input.grantIDs ?? [], label: input.label ?? "")
            return request.redirect(to: SiteURL.disbursement(.value(batch.id!)).path, redirectType: .normal)
        } catch let error as AppError {
            return try await listPage(request, inputs: ["label": input.label ?? ""], selected: Set(input.grantIDs ?? []), error: error)
                .encodeResponse(for: request)
        }
    }

    @Sendable
    static func show(request: Request, finance: FinanceOfficer) async throws -> HTMLPage {
        let batch = try await request.disbursements.batch(try request.uuidParameter("batchID"))
        return HTMLPage(html: DisbursementsPage.detail(context: PageContext(request: request), batch: batch,
                                                       assessor: request.qualityCity.assessor, inputs: [:], error: nil))
    }

    @Sendable
    static func paid(request: Request, finance: FinanceOfficer) async throws -> Response {
        let id = try request.uuidParameter("batchID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            _ = try await request.disbursements.markPaid(finance, batchID: id, paymentReference: fields["paymentReference"] ?? "",
                                                         paidOn: fields["paidOn"] ?? "")
            return request.redirect(to: SiteURL.disbursement(.value(id)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            let batch = try await request.disbursements.batch(id)
            return try await HTMLPage(html: DisbursementsPage.detail(context: PageContext(request: request), batch: batch,
                                                                     assessor: request.qualityCity.assessor, inputs: fields, error: error),
                                      status: error.status).encodeResponse(for: request)
        }
    }
}

enum DisbursementsPage {
    static func list(context: PageContext, batches: [FundDisbursements.Batch], payable: [GrantApplication], assessor: any ApplicationAssessor,
                     inputs: [String: String], selected: Set<String>, error: AppError?) -> String {
        Layout.page(
            context, title: Strings.Funds.disbursements,
            FundsPage.errorBox(context, error),
            .h2(.text(context.t(Strings.Funds.newBatch))),
            .if(payable.isEmpty, .p(.text(context.t(Strings.Funds.nothingPayable)))),
            .if(!payable.isEmpty, .form(
                .method(.post), .action(SiteURL.disbursements.path), .class("stacked"), .id("batch-form"),
                Forms.csrf(context),
                .table(.class("list"), .id("payable"),
                       .thead(.tr(.th(), .th(.text(context.t(Strings.Funds.reference))), .th(.text(context.t(Strings.Funds.enterprise))),
                                  .th(.text(context.t(Strings.Funds.fund))), .th(.text(context.t(Strings.Funds.programme))),
                                  .th(.class("num"), .text(context.t(Strings.Funds.approvedAmount))))),
                       .tbody(.forEach(payable) { grant in
                           .tr(.td(checkbox(grant.id!.uuidString, checked: selected.contains(grant.id!.uuidString))),
                               .td(.a(.href(SiteURL.grant(.value(grant.id!)).path), .text(grant.reference))),
                               .td(.text(grant.enterprise.name)), .td(.text(grant.fund.map { context.t($0.name) } ?? "—")),
                               .td(.text(context.t(GrantEngine.title(of: grant.programmeID, assessor: assessor)))),
                               .td(.class("num"), .text(FundsPage.money(context, grant.approvedAmount))))
                       })),
                FundsPage.problem(context, error, "grantIDs"),
                .label(.for("label"), .text(context.t(Strings.Funds.batchLabel))),
                .input(.type(.text), .id("label"), .name("label"), .value(inputs["label"] ?? "")),
                FundsPage.problem(context, error, "label"),
                .button(.type(.submit), .text(context.t(Strings.Funds.makeBatch)))
            )),
            .h2(.text(context.t(Strings.Funds.disbursements))),
            .if(batches.isEmpty, .p(.text(context.t(Strings.Funds.noBatches)))),
            .if(!batches.isEmpty, .table(
                .class("list"), .id("batches"),
                .thead(.tr(.th(.text(context.t(Strings.Funds.batchLabel))), .th(.text(context.t(Strings.Funds.fund))),
                           .th(.class("num"), .text(context.t(Strings.Funds.total))), .th(.text(context.t(Strings.Funds.stageLabel))),
                           .th(.text(context.t(Strings.Funds.paymentReference))))),
                .tbody(.forEach(batches) { item in
                    .tr(.td(.a(.href(SiteURL.disbursement(.value(item.batch.id!)).path), .text(item.batch.label))),
                        .td(.text(context.t(item.batch.fund.name))), .td(.class("num"), .text(item.total.formatted(context.language))),
                        .td(.text(context.t(Strings.Funds.batchStage(item.batch.stage)))), .td(.text(item.batch.paymentReference ?? "")))
                }))),
            FundsPage.exportLinks(context)
        )
    }

    static func checkbox(_ value: String, checked: Bool) -> Node<HTML.BodyContext> {
        .input(.type(.checkbox), .name("grantIDs[]"), .value(value), .checked(checked))
    }

    static func detail(context: PageContext, batch: FundDisbursements.Batch, assessor: any ApplicationAssessor,
                       inputs: [String: String], error: AppError?) -> String {
        Layout.page(
            context, title: LocalizedText(zh: batch.batch.label, en: batch.batch.label),
            FundsPage.errorBox(context, error),
            .p(.id("batch-stage"), .text("\(context.t(Strings.Funds.fund))：\(context.t(batch.batch.fund.name)) · "
                                         + "\(context.t(Strings.Funds.stageLabel))：\(context.t(Strings.Funds.batchStage(batch.batch.stage))) · "
                                         + "\(context.t(Strings.Funds.total))：\(batch.total.formatted(context.language))"
                                         + (batch.batch.paymentReference.map { " · \(context.t(Strings.Funds.paymentReference))：\($0)" } ?? "")
                                         + (batch.batch.paidOn.map { " · \($0.iso)" } ?? ""))),
            GrantsPage.table(context, grants: batch.grants, assessor: assessor),
            .if(batch.batch.stage == .open, .form(
                .method(.post), .action(SiteURL.disbursementPaid(.value(batch.batch.id!)).path), .class("stacked narrow"), .id("paid-form"),
                Forms.csrf(context),
                .label(.for("paymentReference"), .text(context.t(Strings.Funds.paymentReference))),
                .input(.type(.text), .id("paymentReference"), .name("paymentReference"), .value(inputs["paymentReference"] ?? "")),
                FundsPage.problem(context, error, "paymentReference"),
                .label(.for("paidOn"), .text(context.t(Strings.Funds.paidOn))),
                .input(.type(.date), .id("paidOn"), .name("paidOn"), .value(inputs["paidOn"] ?? context.today.iso)),
                FundsPage.problem(context, error, "paidOn"),
                .button(.type(.submit), .text(context.t(Strings.Funds.markPaid)))
            ))
        )
    }
}
