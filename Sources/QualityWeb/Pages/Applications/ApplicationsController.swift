import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// The application pages of every role. Each POST changes the application through `ApplicationService`,
/// then redirects back (so a reload never repeats it); a refused action shows the page again with the
/// reason beside what the person typed.
enum ApplicationsController {
    static func register(on app: Application) {
        app.on(.POST, .callApply(.key), as: EnterpriseUser.self, use: apply)
        app.on(.GET, .applications, as: AnySignedIn.self, use: ApplicationsListController.list)
        app.on(.GET, .application(.key), as: AnySignedIn.self, use: show)
        app.on(.GET, .applicationPrint(.key), as: AnySignedIn.self, use: printable)
        app.on(.GET, .applicationFile(.key, .key), as: AnySignedIn.self, use: file)
        app.on(.POST, .applicationForm(.key), as: EnterpriseUser.self, use: saveForm)
        app.on(.POST, .applicationMaterials(.key), as: EnterpriseUser.self, body: .collect(maxSize: "12mb"), use: upload)
        app.on(.POST, .applicationAction(.key, .submit), as: EnterpriseUser.self, use: submit)
        app.on(.POST, .applicationAction(.key, .withdraw), as: EnterpriseUser.self, use: withdraw)
        app.on(.POST, .applicationAction(.key, .returnForCorrection), as: DistrictOfficer.self, use: returnForCorrection)
        app.on(.POST, .applicationAction(.key, .forward), as: DistrictOfficer.self, use: forward)
        app.on(.POST, .applicationAction(.key, .eligibility), as: CityOfficer.self, use: eligibility)
        app.on(.POST, .applicationAction(.key, .onsite), as: CityOfficer.self, use: onSite)
    }

    // MARK: Pages

    @Sendable
    static func show(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        let id = try request.uuidParameter("applicationID")
        let application = try await request.applications.visible(id, to: viewer.user)
        var model = try await ApplicationPage.Model.query(application, user: viewer.user, on: request.db,
                                                          assessor: request.qualityCity.assessor, today: request.today)
        if let done = try? request.query.get(String.self, at: "done") { model.notice = Strings.ApplicationPage.done(done) }
        return HTMLPage(html: ApplicationPage.render(context: PageContext(request: request), model: model))
    }

    @Sendable
    static func printable(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        let id = try request.uuidParameter("applicationID")
        let application = try await request.applications.visible(id, to: viewer.user)
        let model = try await ApplicationPage.Model.query(application, user: viewer.user, on: request.db,
                                                          assessor: request.qualityCity.assessor, today: request.today)
        return HTMLPage(html: ApplicationPrintPage.render(context: PageContext(request: request), model: model))
    }

    /// Downloads a material: only for those who may see the application, served as an attachment.
    @Sendable
    static func file(request: Request, viewer: AnySignedIn) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let fileID = try request.uuidParameter("fileID")
        _ = try await request.applications.visible(id, to: viewer.user)
        guard try await ApplicationMaterial.query(on: request.db).filter(\.$application.$id == id)
            .filter(\.$file.$id == fileID).first() != nil,
            let file = try await EvidenceFile.find(fileID, on: request.db)
        else { throw AppError.notFound() }
        let data = try request.qualityCity.uploads.read(sha256: file.sha256)
        return .attachment(data, name: file.displayName, contentType: file.contentType)
    }

    // MARK: Enterprise

    @Sendable
    static func apply(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let callID = try request.uuidParameter("callID")
        let application = try await request.applications.startDraft(enterprise, callID: callID)
        return request.redirect(to: SiteURL.application(.value(application.id!)).path, redirectType: .normal)
    }

    struct FormInput: Content {
        var version: Int?
        var enterpriseName: String?
        var legalRepresentative: String?
        var contactName: String?
        var contactPhone: String?
        var contactEmail: String?
        var address: String?
        var summary: String?
    }

    @Sendable
    static func saveForm(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(FormInput.self)
        let fields = try request.content.decode([String: String].self)
        return try await acting(request, viewer: enterprise.user, id: id, done: "save", inputs: fields) {
            let current = try await request.applications.visible(id, to: enterprise.user)
            let base = JSONText.decode(ApplicationForm.self, from: current.formJSON) ?? .prefilled(from: current.enterprise)
            let form = ApplicationForm(
                enterpriseName: input.enterpriseName ?? base.enterpriseName, creditCode: base.creditCode, district: base.district,
                legalRepresentative: input.legalRepresentative ?? base.legalRepresentative,
                contactName: input.contactName ?? base.contactName, contactPhone: input.contactPhone ?? base.contactPhone,
                contactEmail: input.contactEmail ?? base.contactEmail, address: input.address ?? base.address,
                summary: input.summary ?? base.summary)
            _ = try await request.applications.saveForm(enterprise, id: id, version: try version(input.version), form: form)
        }
    }

    struct UploadInput: Content {
        var materialKey: String
        var file: File?
    }

    @Sendable
    static func upload(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        return try await acting(request, viewer: enterprise.user, id: id, done: "upload", inputs: [:]) {
            guard let input = try? request.content.decode(UploadInput.self), let file = input.file, file.data.readableBytes > 0 else {
                throw AppError.invalid(T(zh: "请选择要上传的文件", en: "Choose a file to upload"), fields: ["file": T(zh: "未选择文件", en: "No file chosen")])
            }
            _ = try await request.applications.attachMaterial(enterprise, id: id, materialKey: input.materialKey,
                                                             data: Data(buffer: file.data), filename: file.filename)
        }
    }

    struct ActionInput: Content {
        var version: Int?
        var commitment: String?
        var idempotencyKey: String?
        var reason: String?
        var deadline: String?
        var opinion: String?
        var recommend: String?
        var decision: String?
        var findings: String?
    }

    @Sendable
    static func submit(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        return try await acting(request, viewer: enterprise.user, id: id, done: "submit", inputs: [:]) {
            _ = try await request.applications.submit(enterprise, id: id, version: try version(input.version),
                                                      commitmentAccepted: input.commitment == "accepted",
                                                      idempotencyKey: input.idempotencyKey)
        }
    }

    @Sendable
    static func withdraw(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        return try await acting(request, viewer: enterprise.user, id: id, done: "withdraw", inputs: ["reason": input.reason ?? ""]) {
            _ = try await request.applications.withdraw(enterprise, id: id, version: try version(input.version), reason: input.reason ?? "")
        }
    }

    // MARK: District bureau

    @Sendable
    static func returnForCorrection(request: Request, officer: DistrictOfficer) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        let inputs = ["reason": input.reason ?? "", "deadline": input.deadline ?? ""]
        return try await acting(request, viewer: officer.user, id: id, done: "return", inputs: inputs) {
            guard let deadline = input.deadline.flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalid(Strings.Form.fixFields, fields: ["deadline": Strings.Form.badDate])
            }
            _ = try await request.applications.returnForCorrection(officer, id: id, version: try version(input.version),
                                                                   reason: input.reason ?? "", deadline: deadline)
        }
    }

    @Sendable
    static func forward(request: Request, officer: DistrictOfficer) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        let inputs = ["opinion": input.opinion ?? "", "recommend": input.recommend ?? ""]
        return try await acting(request, viewer: officer.user, id: id, done: "forward", inputs: inputs) {
            _ = try await request.applications.forward(officer, id: id, version: try version(input.version),
                                                       opinion: input.opinion ?? "", recommend: input.recommend != "no")
        }
    }

    // MARK: City bureau

    @Sendable
    static func eligibility(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        let fields = try request.content.decode([String: String].self)
        // Findings arrive as `finding.<attestation key>` = met | notMet (left blank when not decided).
        var findings: [String: Bool] = [:]
        for (name, value) in fields where name.hasPrefix("finding.") && (value == "met" || value == "notMet") {
            findings[String(name.dropFirst("finding.".count))] = value == "met"
        }
        return try await acting(request, viewer: officer.user, id: id, done: "eligibility", inputs: fields) {
            guard let decision = input.decision, ["pass", "fail"].contains(decision) else {
                throw AppError.invalid(T(zh: "请选择“通过”或“不通过”", en: "Choose pass or fail"))
            }
            _ = try await request.applications.reviewEligibility(officer, id: id, version: try version(input.version),
                                                                 pass: decision == "pass", reason: input.reason ?? "", findings: findings)
        }
    }

    @Sendable
    static func onSite(request: Request, officer: CityOfficer) async throws -> Response {
        let id = try request.uuidParameter("applicationID")
        let input = try request.content.decode(ActionInput.self)
        return try await acting(request, viewer: officer.user, id: id, done: "onsite", inputs: ["findings": input.findings ?? ""]) {
            guard let decision = input.decision, ["pass", "fail"].contains(decision) else {
                throw AppError.invalid(T(zh: "请选择“通过”或“不通过”", en: "Choose pass or fail"))
            }
            _ = try await request.applications.recordOnSiteReview(officer, id: id, version: try version(input.version),
                                                                  findings: input.findings ?? "", pass: decision == "pass")
        }
    }

    // MARK: Shared

    static func version(_ value: Int?) throws -> Int {
        guard let value else { throw AppError.invalid(T(zh: "表单缺少版本号，请刷新页面", en: "The form has no version; reload the page")) }
        return value
    }

    /// Runs an action; on success redirects to the page with a notice, on a refusal shows the page again
    /// with the reason and the person's input (status 409/422), having changed nothing.
    static func acting(_ request: Request, viewer: SignedInUser, id: UUID, done: String, inputs: [String: String],
                       _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return request.redirect(to: SiteURL.application(.value(id)).path + "?done=\(done)", redirectType: .normal)
        } catch let error as AppError where error.status != .notFound && error.status != .forbidden {
            let application = try await request.applications.visible(id, to: viewer)
            var model = try await ApplicationPage.Model.query(application, user: viewer, on: request.db,
                                                              assessor: request.qualityCity.assessor, today: request.today)
            model.error = error
            model.inputs = inputs.filter { $0.key != CSRFMiddleware.fieldName }
            return try await HTMLPage(html: ApplicationPage.render(context: PageContext(request: request), model: model),
                                      status: error.status).encodeResponse(for: request)
        }
    }
}
