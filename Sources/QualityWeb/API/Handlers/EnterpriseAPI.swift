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
