import Foundation
import QualityRules
import QualityStorage
import Vapor

/// The workflow's actions, each answered with the application as it now stands. The role is the route's
/// guard (403); the district, the stage and the version are checked by `ApplicationService` (404, 409).
enum ApplicationActionsAPI {
    static let idempotencyHeader = "Idempotency-Key"

    static func register(on routes: any RoutesBuilder) {
        routes.api(.POST, .applicationAction(.key, .submit), as: EnterpriseUser.self, use: submit)
        routes.api(.POST, .applicationAction(.key, .withdraw), as: EnterpriseUser.self, use: withdraw)
        routes.api(.POST, .applicationAction(.key, .returnForCorrection), as: DistrictOfficer.self, use: returnForCorrection)
        routes.api(.POST, .applicationAction(.key, .forward), as: DistrictOfficer.self, use: forward)
        routes.api(.POST, .applicationAction(.key, .eligibility), as: CityOfficer.self, use: eligibility)
        routes.api(.POST, .applicationAction(.key, .onsite), as: CityOfficer.self, use: onSite)
    }

    typealias Answer = APIResponse<ApplicationDetailDTO>

    /// A retried submission with the same `Idempotency-Key` is answered 200 with the application, not 409.
    @Sendable
    static func submit(request: Request, enterprise: EnterpriseUser) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(SubmitInput.self)
        let application: CallApplication
        do {
            application = try await request.applications.submit(enterprise, id: id, version: input.version,
                                                                 commitmentAccepted: input.commitmentAccepted,
                                                                 idempotencyKey: request.headers.first(name: idempotencyHeader))
        } catch var error as AppError {
            error.fields = CallsAPI.renamed(error.fields, ["commitment": "commitmentAccepted"])
            throw error
        }
        return try await answer(application, enterprise.user, request)
    }

    @Sendable
    static func withdraw(request: Request, enterprise: EnterpriseUser) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(WithdrawInput.self)
        let application = try await request.applications.withdraw(enterprise, id: id, version: input.version, reason: input.reason ?? "")
        return try await answer(application, enterprise.user, request)
    }

    @Sendable
    static func returnForCorrection(request: Request, officer: DistrictOfficer) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(ReturnInput.self)
        guard let deadline = input.deadline.flatMap(CalendarDate.init(iso:)) else {
            // Not visible to this officer: "not found" comes before a complaint about the date.
            _ = try await request.applications.visible(id, to: officer.user)
            throw AppError.invalid(Strings.Form.fixFields, fields: ["deadline": Strings.Form.badDate])
        }
        let application = try await request.applications.returnForCorrection(officer, id: id, version: input.version,
                                                               reason: input.reason ?? "", deadline: deadline)
        return try await answer(application, officer.user, request)
    }

    @Sendable
    static func forward(request: Request, officer: DistrictOfficer) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(ForwardInput.self)
        let application = try await request.applications.forward(officer, id: id, version: input.version, opinion: input.opinion ?? "",
                                                   recommend: input.recommend)
        return try await answer(application, officer.user, request)
    }

    @Sendable
    static func eligibility(request: Request, officer: CityOfficer) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(EligibilityInput.self)
        let findings = (input.findings ?? [:]).mapValues { $0 == .met }
        let application = try await request.applications.reviewEligibility(officer, id: id, version: input.version, pass: input.decision == .pass,
                                                             reason: input.reason ?? "", findings: findings)
        return try await answer(application, officer.user, request)
    }

    @Sendable
    static func onSite(request: Request, officer: CityOfficer) async throws -> Answer {
        let id = try request.uuidParameter("applicationId")
        let input = try request.decodeJSON(OnSiteInput.self)
        let application = try await request.applications.recordOnSiteReview(officer, id: id, version: input.version,
                                                              findings: input.findings ?? "", pass: input.decision == .pass)
        return try await answer(application, officer.user, request)
    }

    /// The application as the action left it (the service read it back after its change).
    static func answer(_ application: CallApplication, _ user: SignedInUser, _ request: Request) async throws -> Answer {
        APIResponse(try await ApplicationDetailQuery.detail(application, user: user, request: request))
    }
}
