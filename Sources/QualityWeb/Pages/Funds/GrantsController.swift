import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Grant applications: the enterprise applies and follows its grants; the city bureau decides; finance reads.
enum GrantsController {
    static func register(on app: Application) {
        app.on(.GET, .grants, as: GrantParticipant.self, use: list)
        app.on(.GET, .grantNew, as: EnterpriseUser.self, use: newForm)
        app.on(.POST, .grants, as: EnterpriseUser.self, use: create)
        app.on(.GET, .grant(.key), as: GrantParticipant.self, use: show)
        app.on(.POST, .grantAction(.key, .approve), as: CityOfficer.self, use: approve)
        app.on(.POST, .grantAction(.key, .reject), as: CityOfficer.self, use: reject)
        app.on(.POST, .grantAction(.key, .clawback), as: CityOfficer.self, use: clawBack)
        app.on(.POST, .grantAction(.key, .withdraw), as: EnterpriseUser.self, use: withdraw)
        app.on(.POST, .grantAction(.key, .reports), as: EnterpriseUser.self, use: report)
        app.on(.POST, .grantAction(.key, .evidence), as: EnterpriseUser.self, body: .collect(maxSize: "12mb"), use: evidence)
        app.on(.GET, .grantEvidenceFile(.key, .key), as: GrantParticipant.self, use: file)
        app.on(.POST, .grantAction(.key, .evaluations), as: CityOfficer.self, use: evaluatePerformance)
    }

    @Sendable
    static func evaluatePerformance(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        return try await acting(request, user: officer.user, id: id, done: "evaluation") {
            _ = try await PerformanceService(database: request.db, clock: request.qualityCity.clock).evaluate(
                officer, grantID: id, planned: fields["planned"] ?? "", achieved: fields["achieved"] ?? "",
                spent: fields["spent"] ?? "", rating: fields["rating"] ?? "", findings: fields["findings"] ?? "")
        }
    }

    @Sendable
    static func list(request: Request, viewer: GrantParticipant) async throws -> HTMLPage {
        let stage = (try? request.query.get(String.self, at: "stage")).flatMap(GrantStage.init(rawValue:))
        let grants = try await request.grants.list(for: viewer.user, stage: stage)
        let overdue = viewer.user.role == .enterprise ? [] : try await request.grantReports.overdue()
        return HTMLPage(html: GrantsPage.list(context: PageContext(request: request), grants: grants, overdue: overdue,
                                              assessor: request.qualityCity.assessor, stage: stage))
    }

    @Sendable
    static func newForm(request: Request, enterprise: EnterpriseUser) async throws -> HTMLPage {
        HTMLPage(html: GrantsPage.form(context: PageContext(request: request), funds: try await request.grants.openFunds(), inputs: [:], error: nil))
    }

    @Sendable
    static func create(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let item = (fields["item"] ?? "").split(separator: "|", maxSplits: 1).map(String.init)
        let input = GrantService.ApplyInput(
            fundID: item.first ?? "", programmeID: item.count > 1 ? item[1] : "",
            matters: (fields["matters"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
            tier: fields["tier"] ?? "", statement: fields["statement"] ?? "")
        do {
            let grant = try await request.grants.apply(enterprise, input)
            return request.redirect(to: SiteURL.grant(.value(grant.id!)).path, redirectType: .normal)
        } catch var error as AppError {
            if error.fields["fundID"] != nil || error.fields["programmeID"] != nil {
                error.fields["item"] = error.fields["fundID"] ?? error.fields["programmeID"]
            }
            return try await HTMLPage(html: GrantsPage.form(context: PageContext(request: request), funds: try await request.grants.openFunds(),
                                                            inputs: fields, error: error), status: error.status).encodeResponse(for: request)
        }
    }

    @Sendable
    static func show(request: Request, viewer: GrantParticipant) async throws -> HTMLPage {
        let id = try request.uuidParameter("grantID")
        let model = try await GrantPage.Model.query(id, user: viewer.user, request: request)
        return HTMLPage(html: GrantPage.render(context: PageContext(request: request), model: model))
    }

    // MARK: Actions

    /// Runs an action; on success back to the grant, on a refusal the page again with every reason and
    /// what was typed (409/422), nothing changed.
    static func acting(_ request: Request, user: SignedInUser, id: UUID, done: String, _ body: () async throws -> Void) async throws -> Response {
        let fields = ((try? request.content.decode([String: String].self)) ?? [:]).filter { $0.key != CSRFMiddleware.fieldName }
        do {
            try await body()
            return request.redirect(to: SiteURL.grant(.value(id)).path + "?done=\(done)", redirectType: .normal)
        } catch let error as AppError where error.status != .notFound && error.status != .forbidden {
            var model = try await GrantPage.Model.query(id, user: user, request: request)
            model.error = error
            model.inputs = fields
            return try await HTMLPage(html: GrantPage.render(context: PageContext(request: request), model: model), status: error.status)
                .encodeResponse(for: request)
        }
    }

    static func version(_ fields: [String: String]) throws -> Int {
        guard let value = fields["version"].flatMap({ Int($0) }) else {
            throw AppError.invalid(T(zh: "表单缺少版本号，请刷新页面", en: "The form has no version; reload the page"))
        }
        return value
    }

    static func fields(_ request: Request) -> [String: String] { (try? request.content.decode([String: String].self)) ?? [:] }

    @Sendable
    static func approve(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: officer.user, id: id, done: "approve") {
            let fields = Self.fields(request)
            var findings: [String: Bool] = [:]
            for (key, value) in fields where key.hasPrefix("finding.") {
                if value == "met" { findings[String(key.dropFirst(8))] = true }
                if value == "notMet" { findings[String(key.dropFirst(8))] = false }
            }
            let decision = GrantApproval.Decision(
                version: try version(fields), fundID: fields["fundID"] ?? "", amount: fields["amount"] ?? "", reason: fields["reason"] ?? "",
                tier: fields["tier"] ?? "", score: fields["score"] ?? "", maximumScore: fields["maximumScore"] ?? "", rank: fields["rank"] ?? "",
                findings: findings)
            _ = try await request.grantApproval.approve(officer, grantID: id, decision)
        }
    }

    @Sendable
    static func reject(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: officer.user, id: id, done: "reject") {
            let fields = Self.fields(request)
            _ = try await request.grantApproval.reject(officer, grantID: id, version: try version(fields), reason: fields["rejectReason"] ?? "")
        }
    }

    @Sendable
    static func clawBack(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: officer.user, id: id, done: "clawback") {
            _ = try await request.funds.clawBack(officer, grantID: id, reason: Self.fields(request)["clawbackReason"] ?? "")
        }
    }

    @Sendable
    static func withdraw(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: enterprise.user, id: id, done: "withdraw") {
            _ = try await request.grants.withdraw(enterprise, id: id, version: try version(Self.fields(request)))
        }
    }

    @Sendable
    static func report(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: enterprise.user, id: id, done: "report") {
            let fields = Self.fields(request)
            let grant = try await request.grants.visible(id, to: enterprise.user)
            _ = try await request.grantReports.submit(enterprise, grant: grant, kind: fields["kind"] ?? "", year: fields["year"] ?? "",
                                                     text: fields["text"] ?? "", spent: fields["spent"] ?? "")
        }
    }

    struct UploadInput: Content {
        var file: File?
    }

    @Sendable
    static func evidence(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("grantID")
        return try await acting(request, user: enterprise.user, id: id, done: "evidence") {
            guard let input = try? request.content.decode(UploadInput.self), let file = input.file, file.data.readableBytes > 0 else {
                throw AppError.invalid(Strings.Funds.fixFields, fields: ["file": T(zh: "请选择要上传的文件", en: "Choose a file to upload")])
            }
            _ = try await request.grants.attachEvidence(enterprise, id: id, data: Data(buffer: file.data), filename: file.filename)
        }
    }

    @Sendable
    static func file(request: Request, viewer: GrantParticipant) async throws -> Response {
        let (file, data) = try await request.grants.evidenceFile(grantID: try request.uuidParameter("grantID"),
                                                                 fileID: try request.uuidParameter("fileID"), user: viewer.user)
        return .attachment(data, name: file.displayName, contentType: file.contentType)
    }
}
