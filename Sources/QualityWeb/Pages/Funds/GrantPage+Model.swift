import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// One grant application as its page shows it, to the enterprise, the city bureau or finance.
enum GrantPage {
    struct Model: Sendable {
        var grant: GrantApplication
        var programmeTitle: LocalizedText
        var programme: Programme?
        var policy: Policy?
        var evaluation: Evaluation?
        var evidence: [EvidenceFile]
        var reports: [FundUseReport]
        /// The yearly reports of the grant's title (002), with their fund use.
        var titleReports: [AnnualReport]
        var due: [GrantReports.Due]
        /// Funds that may pay this grant, for the decision form.
        var funds: [Fund]
        var attestations: [(key: String, label: LocalizedText)]
        var batch: DisbursementBatch?
        var history: [AuditEvent]
        var user: SignedInUser
        var error: AppError?
        var inputs: [String: String] = [:]

        var isEnterprise: Bool { user.role == .enterprise }
        var isCity: Bool { user.role == .cityOfficer }
        var tiers: [AwardTier] {
            if case .tiers(let tiers) = programme?.award?.amount { return tiers }
            return []
        }
        var hasRank: Bool { programme?.award?.rankAndThreshold != nil }

        static func query(_ id: UUID, user: SignedInUser, request: Request) async throws -> Model {
            let grant = try await request.grants.visible(id, to: user)
            let engine = try GrantEngine.from(request.qualityCity.assessor)
            let entry = engine.programme(grant.programmeID)
            let evaluation = grant.evaluationJSON.flatMap { try? JSONDecoder().decode(Evaluation.self, from: Data($0.utf8)) }
            let reports = try await request.grantReports.reports(of: id)
            let due = try await request.grantReports.due(grant)
            let titleReports = try await request.grantReports.titleReports(of: grant)
            var funds: [Fund] = []
            if user.role == .cityOfficer, grant.stage == .submitted {
                funds = try await Fund.query(on: request.db).filter(\.$policyID == grant.policyID).filter(\.$sandbox == grant.sandbox)
                    .sort(\.$year, .descending).all().filter { $0.covers(policyID: grant.policyID, programmeID: grant.programmeID) }
            }
            let batch = try await grant.batchID.asyncMap { try await DisbursementBatch.find($0, on: request.db) } ?? nil
            let history = try await AuditEvent.query(on: request.db).filter(\.$subjectType == "grant").filter(\.$subjectID == id.uuidString)
                .sort(\.$id).all()
            return Model(grant: grant, programmeTitle: GrantEngine.title(of: grant.programmeID, assessor: request.qualityCity.assessor),
                         programme: entry?.1, policy: entry?.0, evaluation: evaluation, evidence: try await request.grants.evidence(of: id),
                         reports: reports, titleReports: titleReports, due: due, funds: funds, attestations: engine.attestationKeys(of: grant.programmeID),
                         batch: batch, history: history, user: user, error: nil)
        }
    }
}
