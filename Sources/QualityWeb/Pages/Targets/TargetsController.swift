import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// City quality targets: the public dashboard, each indicator's history, the annual report (white paper) and
/// its XLSX; departments report their values with evidence; the city bureau adds indicators and periods.
enum TargetsController {
    static func register(on app: Application) {
        app.on(.GET, .targets, use: dashboard)
        app.on(.GET, .targetIndicator(.key), use: indicator)
        app.on(.GET, .targetAnnual(.key), use: annual)
        app.on(.GET, .targetAnnualExport(.key), use: export)
        app.on(.GET, .targetReport, as: DepartmentOfficer.self, use: reportPage)
        app.on(.POST, .targetIndicatorReports(.key), as: DepartmentOfficer.self, body: .collect(maxSize: "12mb"), use: report)
        app.on(.GET, .targetEvidence(.key), as: AnySignedIn.self, use: evidence)
        app.on(.GET, .adminTargets, as: CityOfficer.self, use: adminPage)
        app.on(.POST, .adminTargets, as: CityOfficer.self, use: addIndicator)
        app.on(.POST, .adminTargetPeriods, as: CityOfficer.self, use: addPeriod)
    }

    static func board(_ request: Request) async throws -> TargetsBoard {
        try await TargetsService.syncCatalog(request.policyCatalog, on: request.db)
        return try await request.targets.board()
    }

    @Sendable
    static func dashboard(request: Request) async throws -> HTMLPage {
        let board = try await board(request)
        return HTMLPage(html: TargetsDashboard.render(context: PageContext(request: request), board: board))
    }

    @Sendable
    static func indicator(request: Request) async throws -> HTMLPage {
        let id = try request.uuidParameter("indicatorID")
        let board = try await board(request)
        guard let row = board.rows.first(where: { $0.id == id }) else { throw AppError.notFound() }
        return HTMLPage(html: TargetIndicatorPage.render(context: PageContext(request: request), board: board, row: row))
    }

    static func year(_ request: Request) throws -> Int {
        guard let raw = request.parameters.get("year"), let year = Int(raw), (2000...2100).contains(year) else { throw AppError.notFound() }
        return year
    }

    @Sendable
    static func annual(request: Request) async throws -> HTMLPage {
        let year = try year(request)
        let board = try await board(request)
        guard board.periods.contains(where: { $0.year == year }) else { throw AppError.notFound(Strings.Targets.noSuchYear(year)) }
        return HTMLPage(html: TargetsAnnualReport.render(context: PageContext(request: request), board: board.upTo(year: year), year: year))
    }

    @Sendable
    static func export(request: Request) async throws -> Response {
        let year = try year(request)
        let board = try await board(request)
        guard board.periods.contains(where: { $0.year == year }) else { throw AppError.notFound(Strings.Targets.noSuchYear(year)) }
        let data = try TargetsAnnualReport.xlsx(board.upTo(year: year), year: year, language: request.language)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let name = "\(year)-quality-targets.xlsx"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    // MARK: Departments

    @Sendable
    static func reportPage(request: Request, officer: DepartmentOfficer) async throws -> HTMLPage {
        try await reportPage(request, officer: officer, failed: nil)
    }

    static func reportPage(_ request: Request, officer: DepartmentOfficer, failed: TargetsReportPage.Failure?,
                           status: HTTPStatus = .ok) async throws -> HTMLPage {
        let board = try await board(request)
        let done = (try? request.query.get(String.self, at: "done")) != nil
        return HTMLPage(html: TargetsReportPage.render(context: PageContext(request: request), board: board, department: officer.department,
                                                       failed: failed, done: done), status: status)
    }

    struct ReportForm: Content {
        var periodID: String?
        var value: String?
        var note: String?
        var file: File?
    }

    @Sendable
    static func report(request: Request, officer: DepartmentOfficer) async throws -> Response {
        let id = try request.uuidParameter("indicatorID")
        let form = (try? request.content.decode(ReportForm.self)) ?? ReportForm()
        let fields = ["periodID": form.periodID ?? "", "value": form.value ?? "", "note": form.note ?? ""]
        let file = form.file.flatMap { $0.data.readableBytes > 0 ? (data: Data(buffer: $0.data), filename: $0.filename) : nil }
        do {
            _ = try await request.targets.report(officer, indicatorID: id, .init(periodID: fields["periodID"]!, value: fields["value"]!,
                                                                                 note: fields["note"]!, file: file))
            return request.redirect(to: SiteURL.targetReport.path + "?done=1#indicator-\(id)", redirectType: .normal)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .payloadTooLarge
                    || error.status == .unsupportedMediaType {
            let failed = TargetsReportPage.Failure(indicatorID: id, error: error, inputs: fields)
            return try await reportPage(request, officer: officer, failed: failed, status: error.status).encodeResponse(for: request)
        }
    }

    /// Evidence is for officers (departments and the city bureau), not the public.
    @Sendable
    static func evidence(request: Request, viewer: AnySignedIn) async throws -> Response {
        guard [.department, .cityOfficer].contains(viewer.user.role) else { throw AppError.forbidden }
        let id = try request.uuidParameter("reportID")
        guard let report = try await IndicatorReport.find(id, on: request.db), let fileID = report.$evidence.id,
              let file = try await EvidenceFile.find(fileID, on: request.db) else { throw AppError.notFound() }
        let data = try request.qualityCity.uploads.read(sha256: file.sha256)
        return .attachment(data, name: file.displayName, contentType: file.contentType)
    }

    // MARK: The city bureau

    @Sendable
    static func adminPage(request: Request, officer: CityOfficer) async throws -> HTMLPage {
        try await adminPage(request, error: nil, form: nil, inputs: [:])
    }

    static func adminPage(_ request: Request, error: AppError?, form: String?, inputs: [String: String],
                          chosen: [String] = [], status: HTTPStatus = .ok) async throws -> HTMLPage {
        let board = try await board(request)
        let departments = try await Department.query(on: request.db).sort(\.$name).all().map { (name: $0.name, label: $0.label) }
        let done = try? request.query.get(String.self, at: "done")
        return HTMLPage(html: TargetsAdminPage.render(context: PageContext(request: request), board: board, departments: departments,
                                                      error: error, form: form, inputs: inputs, chosen: chosen, done: done), status: status)
    }

    struct IndicatorForm: Content {
        var key: String?
        var nameZH: String?
        var nameEN: String?
        var unitZH: String?
        var unitEN: String?
        var target: String?
        var direction: String?
        var firstYear: String?
        var targetYear: String?
        var plan: String?
        var departments: [String]?
        var newDepartmentZH: String?
        var newDepartmentEN: String?
    }

    @Sendable
    static func addIndicator(request: Request, officer: CityOfficer) async throws -> Response {
        let form = (try? request.content.decode(IndicatorForm.self)) ?? IndicatorForm()
        var inputs: [String: String] = [:]
        for (key, value) in [("key", form.key), ("nameZH", form.nameZH), ("nameEN", form.nameEN), ("unitZH", form.unitZH),
                             ("unitEN", form.unitEN), ("target", form.target), ("direction", form.direction),
                             ("firstYear", form.firstYear), ("targetYear", form.targetYear), ("plan", form.plan),
                             ("newDepartmentZH", form.newDepartmentZH), ("newDepartmentEN", form.newDepartmentEN)] {
            inputs[key] = value ?? ""
        }
        do {
            try await TargetsService.syncCatalog(request.policyCatalog, on: request.db)
            _ = try await request.targets.addIndicator(officer, .init(
                key: inputs["key"]!, nameZH: inputs["nameZH"]!, nameEN: inputs["nameEN"]!, unitZH: inputs["unitZH"]!,
                unitEN: inputs["unitEN"]!, target: inputs["target"]!, direction: inputs["direction"]!, firstYear: inputs["firstYear"]!,
                targetYear: inputs["targetYear"]!, plan: inputs["plan"]!, departments: form.departments ?? [],
                newDepartmentZH: inputs["newDepartmentZH"]!, newDepartmentEN: inputs["newDepartmentEN"]!))
            return request.redirect(to: SiteURL.adminTargets.path + "?done=indicator", redirectType: .normal)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await adminPage(request, error: error, form: "indicator", inputs: inputs, chosen: form.departments ?? [],
                                       status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func addPeriod(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        do {
            _ = try await request.targets.addPeriod(officer, year: fields["year"] ?? "", dueOn: fields["dueOn"] ?? "")
            return request.redirect(to: SiteURL.adminTargets.path + "?done=period", redirectType: .normal)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await adminPage(request, error: error, form: "period", inputs: fields, status: error.status).encodeResponse(for: request)
        }
    }
}

extension Request {
    var targets: TargetsService {
        TargetsService(database: db, clock: qualityCity.clock, uploads: qualityCity.uploads)
    }

    /// The policy catalogue the engine runs on (the same files, the same validation).
    var policyCatalog: PolicyCatalog {
        get throws {
            if let engine = qualityCity.assessor as? EngineAssessor { return engine.catalog }
            return try EngineAssessor.bundled().catalog
        }
    }
}
