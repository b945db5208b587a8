import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Spreadsheet
import Vapor

/// The special funds: the list with balances, a new fund, one fund's ledger, appropriations, the import of
/// earlier grants, and the exports. Grants and disbursements have their own controllers, registered here.
enum FundsController {
    static func register(on app: Application) {
        app.on(.GET, .funds, as: FundViewer.self, use: list)
        app.on(.GET, .fundNew, as: FinanceOfficer.self, use: newForm)
        app.on(.POST, .funds, as: FinanceOfficer.self, use: create)
        app.on(.GET, .fund(.key), as: FundViewer.self, use: show)
        app.on(.POST, .fundMovements(.key), as: FinanceOfficer.self, use: move)
        app.on(.GET, .fundHistory, as: FundViewer.self, use: historyForm)
        app.on(.POST, .fundHistory, as: FundViewer.self, body: .collect(maxSize: "12mb"), use: importHistory)
        for file in FundExportFile.allCases {
            app.on(.GET, .fundExport(file), as: FundViewer.self) { request, _ in try await export(request: request, file: file) }
        }
        for file in OpenDataFile.allCases {
            app.on(.GET, .openData(file)) { request in try await openData(request: request, file: file) }
        }
        GrantsController.register(on: app)
        DisbursementsController.register(on: app)
    }

    @Sendable
    static func list(request: Request, viewer: FundViewer) async throws -> HTMLPage {
        let overview = try await request.funds.overview()
        return HTMLPage(html: FundsPage.list(context: PageContext(request: request), funds: overview, isFinance: viewer.isFinance))
    }

    @Sendable
    static func newForm(request: Request, finance: FinanceOfficer) async throws -> HTMLPage {
        HTMLPage(html: FundsPage.form(context: PageContext(request: request), policies: try policies(request), inputs: [:], error: nil))
    }

    static func policies(_ request: Request) throws -> [Policy] {
        let engine = try GrantEngine.from(request.qualityCity.assessor)
        let paying = Set(engine.payingProgrammes(drafts: true).map(\.policy.id))
        return engine.catalog.policies.filter { paying.contains($0.id) }
    }

    @Sendable
    static func create(request: Request, finance: FinanceOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let draft = FundService.Draft(policyID: fields["policyID"] ?? "", programmeID: fields["programmeID"] ?? "", year: fields["year"] ?? "",
                                      nameZh: fields["nameZh"] ?? "", nameEn: fields["nameEn"] ?? "", source: fields["source"] ?? "",
                                      funderName: fields["funderName"] ?? "", funderCreditCode: fields["funderCreditCode"] ?? "",
                                      budget: fields["budget"] ?? "")
        do {
            let fund = try await request.funds.create(finance, draft)
            return request.redirect(to: SiteURL.fund(.value(fund.id!)).path, redirectType: .normal)
        } catch let error as AppError {
            return try await HTMLPage(html: FundsPage.form(context: PageContext(request: request), policies: try policies(request),
                                                           inputs: fields, error: error), status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func show(request: Request, viewer: FundViewer) async throws -> HTMLPage {
        try await detail(request, viewer: viewer, inputs: [:], error: nil)
    }

    static func detail(_ request: Request, viewer: FundViewer, inputs: [String: String], error: AppError?) async throws -> HTMLPage {
        let id = try request.uuidParameter("fundID")
        let (overview, entries) = try await request.funds.detail(id)
        let grants = try await request.grants.list(for: viewer.user, fundID: id)
        return HTMLPage(html: FundsPage.detail(context: PageContext(request: request), overview: overview, entries: entries, grants: grants,
                                               assessor: request.qualityCity.assessor, isFinance: viewer.isFinance, inputs: inputs, error: error),
                        status: error?.status ?? .ok)
    }

    @Sendable
    static func move(request: Request, finance: FinanceOfficer) async throws -> Response {
        let id = try request.uuidParameter("fundID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            let movement = LedgerMovement(rawValue: fields["movement"] ?? "") ?? .commitment
            _ = try await request.funds.move(finance, fundID: id, movement: movement, amount: fields["amount"] ?? "", memo: fields["memo"] ?? "")
            return request.redirect(to: SiteURL.fund(.value(id)).path, redirectType: .normal)
        } catch let error as AppError where error.status != .notFound {
            return try await detail(request, viewer: FundViewer(finance.user)!, inputs: fields, error: error).encodeResponse(for: request)
        }
    }

    // MARK: Earlier grants

    @Sendable
    static func historyForm(request: Request, viewer: FundViewer) async throws -> HTMLPage {
        HTMLPage(html: FundsPage.history(context: PageContext(request: request), report: nil, error: nil))
    }

    struct UploadInput: Content {
        var file: File?
    }

    @Sendable
    static func importHistory(request: Request, viewer: FundViewer) async throws -> HTMLPage {
        let context = PageContext(request: request)
        guard let input = try? request.content.decode(UploadInput.self), let file = input.file, file.data.readableBytes > 0 else {
            let error = AppError.invalid(Strings.Funds.fixFields, fields: ["file": T(zh: "请选择要上传的文件", en: "Choose a file to upload")])
            return HTMLPage(html: FundsPage.history(context: context, report: nil, error: error), status: error.status)
        }
        let report = try await request.fundHistoryImport.run(data: Data(buffer: file.data), filename: FundsPage.safeName(file.filename),
                                                             actor: viewer.user.auditActor)
        return HTMLPage(html: FundsPage.history(context: context, report: report, error: nil),
                        status: report.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: Exports

    static func export(request: Request, file: FundExportFile) async throws -> Response {
        let exports = request.fundExports
        let language = request.language
        let table: Spreadsheet.Table
        let format: FundExports.Format
        switch file {
        case .grantsCSV: (table, format) = (try await exports.grantsTable(language), .csv)
        case .grantsXLSX: (table, format) = (try await exports.grantsTable(language), .xlsx)
        case .disbursementsCSV: (table, format) = (try await exports.disbursementsTable(language), .csv)
        case .disbursementsXLSX: (table, format) = (try await exports.disbursementsTable(language), .xlsx)
        }
        return download(try exports.file(table, format: format), format: format, name: "\(request.today.iso)-\(file.rawValue)")
    }

    static func openData(request: Request, file: OpenDataFile) async throws -> Response {
        let exports = request.fundExports
        switch file {
        case .grantsJSON: return download(try await exports.openDataJSON(), format: .json, name: "qualitycity-grants.json", attachment: false)
        case .grantsCSV: return download(try exports.file(try await exports.openDataTable(), format: .csv), format: .csv, name: "qualitycity-grants.csv")
        }
    }

    static func download(_ data: Data, format: FundExports.Format, name: String, attachment: Bool = true) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if attachment { response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"") }
        return response
    }
}
