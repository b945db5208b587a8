import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Enterprise sign-up through `EnterpriseService`, and the enterprise's own record with the engine's view of
/// each open call (what the enterprise home page shows).
enum EnterpriseAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.POST, .enterprises, use: signUp)
        routes.api(.GET, .enterprise, as: EnterpriseUser.self, use: home)
        routes.api(.PUT, .enterpriseContact, as: EnterpriseUser.self, use: contact)
        routes.api(.GET, .enterpriseFacts, as: EnterpriseUser.self, use: factsWorkbook)
        routes.api(.PUT, .enterpriseFacts, as: EnterpriseUser.self, body: .collect(maxSize: "12mb"), use: replaceFacts)
    }

    struct ContactInput: APIInput {
        var contactName: String?
        var contactPhone: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case contactName, contactPhone
        }
    }

    /// The contact person, checked as the profile page checks it (422 with the fields).
    @Sendable
    static func contact(request: Request, viewer: EnterpriseUser) async throws -> APIResponse<EnterpriseDTO> {
        let input = try request.decodeJSON(ContactInput.self)
        try await request.profile.updateContact(viewer, name: input.contactName ?? "", phone: input.contactPhone ?? "")
        guard let enterprise = try await Enterprise.find(viewer.enterpriseID, on: request.db) else { throw AppError.forbidden }
        return APIResponse(EnterpriseDTO(enterprise))
    }

    /// The enterprise's facts as the workbook the profile page offers.
    @Sendable
    static func factsWorkbook(request: Request, viewer: EnterpriseUser) async throws -> Response {
        try await ProfileController.workbook(request: request, enterprise: viewer)
    }

    /// Replaces the facts with an edited workbook (the body is the XLSX file). Nothing partial: 422 lists
    /// every problem by sheet, row and column.
    @Sendable
    static func replaceFacts(request: Request, viewer: EnterpriseUser) async throws -> Response {
        let data = try request.uploadedFile(of: [UploadStore.Kind.xlsx.contentType, "application/octet-stream"])
        do {
            let update = try await request.profile.updateFacts(viewer, workbook: data)
            return try await APIResponse(FactsUpdateDTO(version: update.version, changed: update.changed, summary: update.summary))
                .encodeResponse(for: request)
        } catch let refusal as FactsWorkbook.Refusal {
            let problems = refusal.problems.map {
                FactsRefusalDTO.Problem(sheet: $0.location?.sheet, row: $0.location?.row, message: $0.message, text: $0.text)
            }
            return try await APIResponse(FactsRefusalDTO(problems: problems), status: .unprocessableEntity).encodeResponse(for: request)
        }
    }

    @Sendable
    static func signUp(request: Request) async throws -> APIResponse<SignUpResultDTO> {
        let input = try request.decodeJSON(SignUpInput.self)
        let (enterprise, account) = try await request.enterprises.signUp(input.service)
        return APIResponse(SignUpResultDTO(account: AccountDTO(account), enterprise: EnterpriseDTO(enterprise)), status: .created,
                           location: .enterprise)
    }

    @Sendable
    static func home(request: Request, viewer: EnterpriseUser) async throws -> APIResponse<EnterpriseHomeDTO> {
        guard let enterprise = try await Enterprise.find(viewer.enterpriseID, on: request.db) else { throw AppError.forbidden }
        let today = request.today
        let applications = try await CallApplication.query(on: request.db).filter(\.$enterprise.$id == viewer.enterpriseID)
            .with(\.$call).with(\.$enterprise).sort(\.$updatedAt, .descending).all()
        let byCall = Dictionary(applications.map { ($0.$call.id, $0) }, uniquingKeysWith: { first, _ in first })
        let calls = try await Call.query(on: request.db).filter(\.$stage == .open).sort(\.$closesOn).all()
            .filter { $0.isAccepting(on: today) }
        let assessor = request.qualityCity.assessor
        let facts = try await FactsAssembler.assemble(enterprise, on: request.db)
        let openCalls = calls.map { call in
            let assessment = try? assessor.assess(programmeID: call.programmeID, factsJSON: facts,
                                                  on: today, deadline: call.closesOn)
            return OpenCallDTO(call: CallSummaryDTO(call, today: today), assessment: assessment.map(AssessmentDTO.init),
                               applicationId: byCall[call.id!]?.id, applicationStage: byCall[call.id!]?.stage)
        }
        let unread = try await InboxMessage.query(on: request.db).filter(\.$account.$id == viewer.user.accountID)
            .filter(\.$readAt == nil).count()
        return APIResponse(EnterpriseHomeDTO(enterprise: EnterpriseDTO(enterprise), facts: JSONValue(text: enterprise.factsJSON),
                                             openCalls: openCalls, applications: applications.map(ApplicationSummaryDTO.init),
                                             unreadMessages: unread))
    }
}

struct FactsUpdateDTO: Content {
    var version: Int
    var changed: Bool
    var summary: LocalizedText
}

struct FactsRefusalDTO: Content {
    struct Problem: Content {
        var sheet: LocalizedText?
        var row: Int?
        var message: LocalizedText
        /// The whole sentence: "工作表「专利」第 5 行「授予日期」列：日期不存在".
        var text: LocalizedText
    }

    var problems: [Problem]
}
