import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// The enterprise's profile, its facts workbook and its evidence files. Only the enterprise reaches its own
/// (the guard's enterprise id, never one from the request); evidence attached to its applications may also
/// be downloaded by whoever may see those applications.
enum ProfileController {
    static func register(on app: Application) {
        app.on(.GET, .enterpriseProfile, as: EnterpriseUser.self, use: show)
        app.on(.POST, .enterpriseContact, as: EnterpriseUser.self, use: saveContact)
        app.on(.GET, .enterpriseFactsWorkbook, as: EnterpriseUser.self, use: workbook)
        app.on(.POST, .enterpriseFacts, as: EnterpriseUser.self, use: uploadWorkbook)
        app.on(.POST, .enterpriseEvidence, as: EnterpriseUser.self, use: uploadEvidence)
        app.on(.GET, .enterpriseEvidenceFile(.key), as: AnySignedIn.self, use: evidenceFile)
    }

    @Sendable
    static func show(request: Request, enterprise: EnterpriseUser) async throws -> HTMLPage {
        let done = try? request.query.get(String.self, at: "done")
        var model = try await model(request, enterprise, verdicts: done == "facts")
        model.notice = switch done {
        case "contact": Strings.Profile.contactSaved
        case "evidence": Strings.Profile.evidenceSaved
        case "unchanged": Strings.Profile.unchanged
        default: nil
        }
        return HTMLPage(html: ProfilePage.render(context: PageContext(request: request), model: model))
    }

    /// The current facts as the workbook the enterprise edits.
    @Sendable
    static func workbook(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        guard let company = try await Enterprise.find(enterprise.enterpriseID, on: request.db) else { throw AppError.forbidden }
        guard let facts = JSONText.decode(EnterpriseFacts.self, from: company.factsJSON) else {
            throw AppError.conflict(Strings.FactsWorkbook.factsUnreadable)
        }
        let data = try FactsWorkbook.data(facts)
        let name = "\(Strings.Profile.title.zh)-\(company.creditCode)-\(request.today.iso).xlsx"
        return .attachment(data, name: name, contentType: UploadStore.Kind.xlsx.contentType)
    }

    struct FileInput: Content {
        var file: File?
        var label: String?
    }

    @Sendable
    static func uploadWorkbook(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        do {
            guard let input = try? request.content.decode(FileInput.self), let file = input.file, file.data.readableBytes > 0 else {
                throw AppError.invalid(Strings.FactsWorkbook.noWorkbookUploaded)
            }
            let update = try await request.profile.updateFacts(enterprise, workbook: Data(buffer: file.data))
            return request.redirect(to: SiteURL.enterpriseProfile.path + "?done=\(update.changed ? "facts" : "unchanged")",
                                    redirectType: .normal)
        } catch let refusal as FactsWorkbook.Refusal {
            var model = try await model(request, enterprise, verdicts: false)
            model.workbookProblems = refusal.problems
            return try await page(request, model, status: .unprocessableEntity)
        } catch let error as AppError where error.status != .forbidden {
            return try await refused(request, enterprise, error, form: .workbook, inputs: [:])
        }
    }

    @Sendable
    static func saveContact(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let input = try request.content.decode(EnterpriseAPI.ContactInput.self)
        let inputs = ["contactName": input.contactName ?? "", "contactPhone": input.contactPhone ?? ""]
        do {
            try await request.profile.updateContact(enterprise, name: input.contactName ?? "", phone: input.contactPhone ?? "")
            return request.redirect(to: SiteURL.enterpriseProfile.path + "?done=contact", redirectType: .normal)
        } catch let error as AppError where error.status != .forbidden {
            return try await refused(request, enterprise, error, form: .contact, inputs: inputs)
        }
    }

    @Sendable
    static func uploadEvidence(request: Request, enterprise: EnterpriseUser) async throws -> Response {
        let input = try? request.content.decode(FileInput.self)
        do {
            guard let file = input?.file, file.data.readableBytes > 0 else {
                throw AppError.invalid(Strings.Profile.chooseFile, fields: ["file": Strings.Profile.chooseFile])
            }
            _ = try await request.profile.attachEvidence(enterprise, data: Data(buffer: file.data), filename: file.filename,
                                                         label: input?.label ?? "")
            return request.redirect(to: SiteURL.enterpriseProfile.path + "?done=evidence", redirectType: .normal)
        } catch let error as AppError where error.status != .forbidden {
            return try await refused(request, enterprise, error, form: .evidence, inputs: ["label": input?.label ?? ""])
        }
    }

    /// Downloads an evidence file, as an attachment, for those who may have it (see `ProfileService.downloadable`).
    @Sendable
    static func evidenceFile(request: Request, viewer: AnySignedIn) async throws -> Response {
        let file = try await request.profile.downloadable(try request.uuidParameter("fileID"), by: viewer.user)
        let data = try request.qualityCity.uploads.read(sha256: file.sha256)
        return .attachment(data, name: file.displayName, contentType: file.contentType)
    }

    // MARK: Shared

    static func model(_ request: Request, _ enterprise: EnterpriseUser, verdicts: Bool) async throws -> ProfilePage.Model {
        try await ProfilePage.Model.query(enterpriseID: enterprise.enterpriseID, on: request.db,
                                          assessor: request.qualityCity.assessor, today: request.today, verdicts: verdicts)
    }

    /// The page again, with the refusal beside the form it concerns and what the person typed; nothing changed.
    static func refused(_ request: Request, _ enterprise: EnterpriseUser, _ error: AppError, form: ProfilePage.Model.Form,
                        inputs: [String: String]) async throws -> Response {
        var model = try await model(request, enterprise, verdicts: false)
        model.error = error
        model.errorForm = form
        model.inputs = inputs
        return try await page(request, model, status: error.status)
    }

    static func page(_ request: Request, _ model: ProfilePage.Model, status: HTTPResponseStatus) async throws -> Response {
        try await HTMLPage(html: ProfilePage.render(context: PageContext(request: request), model: model), status: status)
            .encodeResponse(for: request)
    }
}

extension Request {
    var profile: ProfileService {
        ProfileService(database: db, clock: qualityCity.clock, uploads: qualityCity.uploads)
    }
}
