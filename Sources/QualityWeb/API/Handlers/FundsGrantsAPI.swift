import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Grant applications over the API: the same services, checks and refusals as the pages.
enum FundsGrantsAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .grants, as: GrantParticipant.self, use: list)
        routes.api(.POST, .grants, as: EnterpriseUser.self, use: apply)
        routes.api(.GET, .grant(.key), as: GrantParticipant.self, use: show)
        routes.api(.POST, .grantAction(.key, .approve), as: CityOfficer.self, use: approve)
        routes.api(.POST, .grantAction(.key, .reject), as: CityOfficer.self, use: reject)
        routes.api(.POST, .grantAction(.key, .withdraw), as: EnterpriseUser.self, use: withdraw)
        routes.api(.POST, .grantAction(.key, .clawback), as: CityOfficer.self, use: clawBack)
        routes.api(.POST, .grantAction(.key, .reports), as: EnterpriseUser.self, use: report)
    }

    static func dto(_ grant: GrantApplication, request: Request, detailed: Bool) async throws -> GrantDTO {
        let title = GrantEngine.title(of: grant.programmeID, assessor: request.qualityCity.assessor)
        guard detailed else { return GrantDTO(grant, title: title) }
        return GrantDTO(grant, title: title, reports: try await request.grantReports.reports(of: grant.id!),
                        due: try await request.grantReports.due(grant))
    }

    static func detail(_ id: UUID, user: SignedInUser, request: Request) async throws -> GrantDTO {
        try await dto(try await request.grants.visible(id, to: user), request: request, detailed: true)
    }

    @Sendable
    static func list(request: Request, viewer: GrantParticipant) async throws -> APIResponse<GrantListDTO> {
        let stage = try request.queryValue("stage", GrantStage.init(rawValue:), problem: Strings.API.badStage)
        let grants = try await request.grants.list(for: viewer.user, stage: stage)
        var result: [GrantDTO] = []
        for grant in grants { result.append(try await dto(grant, request: request, detailed: false)) }
        return APIResponse(GrantListDTO(grants: result))
    }

    @Sendable
    static func apply(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<GrantDTO> {
        let input = try request.decodeJSON(ApplyGrantInput.self)
        let grant: GrantApplication
        do {
            grant = try await request.grants.apply(enterprise, .init(fundID: input.fundId, programmeID: input.programmeId, matters: input.matters ?? [],
                                                                     tier: input.tier ?? "", statement: input.statement ?? ""))
        } catch var error as AppError {
            error.fields = CallsAPI.renamed(error.fields, ["fundID": "fundId", "programmeID": "programmeId"])
            throw error
        }
        return APIResponse(try await dto(grant, request: request, detailed: true), status: .created, location: .grant(.value(grant.id!)))
    }

    @Sendable
    static func show(request: Request, viewer: GrantParticipant) async throws -> APIResponse<GrantDTO> {
        APIResponse(try await detail(try request.uuidParameter("grantId"), user: viewer.user, request: request))
    }

    @Sendable
    static func approve(request: Request, officer: CityOfficer) async throws -> APIResponse<GrantDTO> {
        let id = try request.uuidParameter("grantId")
        let input = try request.decodeJSON(ApproveGrantInput.self)
        let decision = GrantApproval.Decision(version: input.version, fundID: input.fundId ?? "", amount: input.amount ?? "",
                                              reason: input.reason ?? "", tier: input.tier ?? "", score: input.score.map(String.init) ?? "",
                                              maximumScore: input.maximumScore.map(String.init) ?? "", rank: input.rank.map(String.init) ?? "",
                                              findings: input.findings ?? [:])
        do {
            _ = try await request.grantApproval.approve(officer, grantID: id, decision)
        } catch var error as AppError {
            error.fields = CallsAPI.renamed(error.fields, ["fundID": "fundId"])
            throw error
        }
        return APIResponse(try await detail(id, user: officer.user, request: request))
    }

    @Sendable
    static func reject(request: Request, officer: CityOfficer) async throws -> APIResponse<GrantDTO> {
        let id = try request.uuidParameter("grantId")
        let input = try request.decodeJSON(RejectGrantInput.self)
        _ = try await request.grantApproval.reject(officer, grantID: id, version: input.version, reason: input.reason)
        return APIResponse(try await detail(id, user: officer.user, request: request))
    }

    @Sendable
    static func withdraw(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<GrantDTO> {
        let id = try request.uuidParameter("grantId")
        let input = try request.decodeJSON(WithdrawGrantInput.self)
        _ = try await request.grants.withdraw(enterprise, id: id, version: input.version)
        return APIResponse(try await detail(id, user: enterprise.user, request: request))
    }

    @Sendable
    static func clawBack(request: Request, officer: CityOfficer) async throws -> APIResponse<GrantDTO> {
        let id = try request.uuidParameter("grantId")
        let input = try request.decodeJSON(ClawbackInput.self)
        _ = try await request.funds.clawBack(officer, grantID: id, reason: input.reason)
        return APIResponse(try await detail(id, user: officer.user, request: request))
    }

    @Sendable
    static func report(request: Request, enterprise: EnterpriseUser) async throws -> APIResponse<GrantDTO> {
        let id = try request.uuidParameter("grantId")
        let input = try request.decodeJSON(FundUseReportInput.self)
        let grant = try await request.grants.visible(id, to: enterprise.user)
        _ = try await request.grantReports.submit(enterprise, grant: grant, kind: input.kind, year: input.year.map(String.init) ?? "",
                                                 text: input.text, spent: input.spent ?? "")
        return APIResponse(try await detail(id, user: enterprise.user, request: request), status: .created, location: .grant(.value(id)))
    }
}
