import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Reading applications, starting a draft, the form and the materials. Every change goes through
/// `ApplicationService`, as the application pages' do, so both apply the same checks.
enum ApplicationsAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .applications, as: AnySignedIn.self, use: list)
        routes.api(.POST, .callApplications(.key), as: EnterpriseUser.self, use: start)
        routes.api(.GET, .application(.key), as: AnySignedIn.self, use: show)
        routes.api(.PUT, .applicationForm(.key), as: EnterpriseUser.self, use: saveForm)
        routes.api(.PUT, .applicationMaterial(.key, .key), as: EnterpriseUser.self, use: upload)
        routes.api(.GET, .applicationMaterial(.key, .key), as: AnySignedIn.self, use: download)
        ApplicationActionsAPI.register(on: routes)
    }

    /// Scoped as the applications page is: an enterprise its own, a district officer its district's
    /// submitted ones, the city every submitted one; other roles none (403).
    @Sendable
    static func list(request: Request, viewer: AnySignedIn) async throws -> APIResponse<ApplicationListDTO> {
        let stage = try request.queryValue("stage", ApplicationStage.init(rawValue:), problem: Strings.API.badStage)
        let callID = try request.queryValue("call", UUID.init(uuidString:), problem: Strings.API.badCallID)
        let query = CallApplication.query(on: request.db).with(\.$call).with(\.$enterprise)
        let user = viewer.user
        switch user.role {
        case .enterprise:
            guard let enterpriseID = user.enterpriseID else { throw AppError.forbidden }
            query.filter(\.$enterprise.$id == enterpriseID)
        case .districtOfficer:
            guard let district = user.district else { throw AppError.forbidden }
            query.filter(\.$district == district).filter(\.$stage != .draft)
        case .cityOfficer:
            query.filter(\.$stage != .draft)
        default:
            throw AppError.forbidden
        }
        if let stage { query.filter(\.$stage == stage) }
        if let callID { query.filter(\.$call.$id == callID) }
        let rows = try await query.sort(\.$updatedAt, .descending).limit(500).all()
        return APIResponse(ApplicationListDTO(applications: rows.map(ApplicationSummaryDTO.init)))
    }

    /// Starts a draft (201), or returns the enterprise's existing application to the call (200).
    @Sendable
    static func start(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<ApplicationDetailDTO> {
        let callID = try request.uuidParameter("callId")
        let existed = try await CallApplication.query(on: request.db).filter(\.$call.$id == callID)
            .filter(\.$enterprise.$id == enterprise.enterpriseID).first() != nil
        let draft = try await request.applications.startDraft(enterprise, callID: callID)
        let detail = try await ApplicationDetailQuery.detail(draft.id!, user: enterprise.user, request: request)
        return existed ? APIResponse(detail) : APIResponse(detail, status: .created, location: .application(.value(detail.id)))
    }

    @Sendable
    static func show(request: Request, viewer: AnySignedIn) async throws -> APIResponse<ApplicationDetailDTO> {
        let id = try request.uuidParameter("applicationId")
        return APIResponse(try await ApplicationDetailQuery.detail(id, user: viewer.user, request: request))
    }

    /// Saves the form of a draft or returned application; absent fields keep their saved values.
    @Sendable
    static func saveForm(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<ApplicationDetailDTO> {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(FormInput.self)
        let current = try await request.applications.visible(id, to: enterprise.user)
        let base = JSONText.decode(ApplicationForm.self, from: current.formJSON) ?? .prefilled(from: current.enterprise)
        let form = ApplicationForm(
            enterpriseName: input.enterpriseName ?? base.enterpriseName, creditCode: base.creditCode, district: base.district,
            legalRepresentative: input.legalRepresentative ?? base.legalRepresentative,
            contactName: input.contactName ?? base.contactName, contactPhone: input.contactPhone ?? base.contactPhone,
            contactEmail: input.contactEmail ?? base.contactEmail, address: input.address ?? base.address,
            summary: input.summary ?? base.summary)
        _ = try await request.applications.saveForm(enterprise, id: id, version: input.version, form: form)
        return APIResponse(try await ApplicationDetailQuery.detail(id, user: enterprise.user, request: request))
    }

    /// The types an upload may declare; the bytes must then be of that type (`UploadStore` decides from them).
    static let uploadTypes: [String: UploadStore.Kind?] = Dictionary(uniqueKeysWithValues:
        UploadStore.Kind.allCases.map { ($0.contentType, Optional($0)) } + [("application/octet-stream", nil)])

    /// The raw file is the body; its type is in `Content-Type` and its name in `?filename=`.
    @Sendable
    static func upload(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<ApplicationMaterialDTO> {
        let id = try request.uuidParameter("applicationId")
        guard let key = request.parameters.get("key"), !key.isEmpty else { throw AppError.notFound() }
        guard let declaredType = request.headers.contentType.map({ "\($0.type)/\($0.subType)".lowercased() }),
              let declared = uploadTypes[declaredType] else {
            throw AppError(.unsupportedMediaType, code: "unsupported_type", Strings.API.uploadTypeRequired)
        }
        guard var filename = try? request.query.get(String.self, at: "filename"),
              !filename.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AppError.invalid(Strings.API.filenameRequired, fields: ["filename": Strings.API.requiredField])
        }
        let data = request.body.data.map { Data(buffer: $0) } ?? Data()
        if let declared {
            // Office files are ZIP archives told apart by their extension; the declared type supplies it.
            let suffix = "." + declared.rawValue
            if [.xlsx, .docx].contains(declared), !filename.lowercased().hasSuffix(suffix) { filename += suffix }
            if let sniffed = UploadStore.sniff(data, filename: filename), sniffed != declared {
                throw AppError(.unsupportedMediaType, code: "unsupported_type", Strings.API.uploadTypeMismatch)
            }
        }
        let file = try await request.applications.attachMaterial(enterprise, id: id, materialKey: key, data: data, filename: filename)
        let application = try await request.applications.visible(id, to: enterprise.user)
        let material = application.call.materials.first { $0.key == key }
        return APIResponse(ApplicationMaterialDTO(key: key, title: material?.title ?? LocalizedText(zh: key, en: key),
                                                  required: material?.required ?? false, file: FileDTO(.init(file))))
    }

    /// Downloads a material's file, for those who may see the application, as an attachment.
    @Sendable
    static func download(request: Request, viewer: AnySignedIn) async throws -> Response {
        let id = try request.uuidParameter("applicationId")
        guard let key = request.parameters.get("key") else { throw AppError.notFound() }
        _ = try await request.applications.visible(id, to: viewer.user)
        guard let material = try await ApplicationMaterial.query(on: request.db).filter(\.$application.$id == id)
            .filter(\.$materialKey == key).with(\.$file).first() else { throw AppError.notFound(Strings.API.noMaterialFile) }
        let file = material.file
        let data = try request.qualityCity.uploads.read(sha256: file.sha256)
        return .attachment(data, name: file.displayName, contentType: file.contentType)
    }
}

/// The detail of an application as the API shows it: the application page's model, plus the files' types
/// and digests.
enum ApplicationDetailQuery {
    static func detail(_ id: UUID, user: SignedInUser, request: Request) async throws -> ApplicationDetailDTO {
        try await detail(try await request.applications.visible(id, to: user), user: user, request: request)
    }

    /// The detail of an application already read (with its call and enterprise) and visible to `user`.
    static func detail(_ application: CallApplication, user: SignedInUser, request: Request) async throws -> ApplicationDetailDTO {
        let model = try await ApplicationPage.Model.query(application, user: user, on: request.db,
                                                          assessor: request.qualityCity.assessor, today: request.today,
                                                          creditGrade: false)
        return ApplicationDetailDTO(
            id: model.id, version: model.version, stage: model.stage,
            call: .init(id: model.callID, title: model.callTitle, programmeId: model.programmeID, closesOn: model.closesOn),
            enterprise: .init(id: application.$enterprise.id, name: model.enterpriseName, creditCode: model.creditCode),
            district: model.district, form: ApplicationFormDTO(model.form), commitmentAccepted: application.commitmentAccepted,
            submittedAt: model.submittedAt,
            materials: model.materials.map { row in
                ApplicationMaterialDTO(key: row.key, title: row.title, required: row.required,
                                       file: row.file.map(FileDTO.init))
            },
            returnReason: model.returnReason, returnDeadline: model.returnDeadline,
            districtOpinion: model.preliminaryOpinion.map { DistrictOpinionDTO(opinion: $0, recommend: model.recommendation == "recommend") },
            onSiteFindings: model.onSiteFindings,
            engineVerdict: application.engineVerdict.flatMap(Assessment.Verdict.init(rawValue:)),
            evaluation: JSONValue(text: model.evaluationJSON),
            reviewerFindings: model.pendingFindings.map(ReviewerFindingDTO.init),
            history: model.history.map { row in
                HistoryEntryDTO(at: row.at, actorName: row.actorName, actorRole: row.actorRole, action: row.action,
                                actionTitle: Strings.ApplicationPage.actionName(row.action),
                                fromStage: row.from.flatMap(ApplicationStage.init(rawValue:)),
                                toStage: row.to.flatMap(ApplicationStage.init(rawValue:)), reason: row.reason)
            },
            allowedActions: model.actions)
    }
}
