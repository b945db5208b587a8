import Foundation
import QualityRules
import QualityStorage

enum ApplicationPage {
    struct Model: Sendable {
        struct MaterialRow: Sendable {
            var key: String
            var title: LocalizedText
            var required: Bool
            var file: FileRow?
        }

        struct FileRow: Sendable {
            var id: UUID
            var name: String
            var size: Int
            var contentType: String
            var sha256: String

            init(_ file: EvidenceFile) {
                id = file.id!
                name = file.displayName
                size = file.size
                contentType = file.contentType
                sha256 = file.sha256
            }
        }

        struct Opinion: Sendable {
            var expert: String
            var total: Int
            var opinion: String
            var indicators: [(name: LocalizedText, points: Int, maximum: Int, justification: String)]
        }

        struct HistoryRow: Sendable {
            var at: Date
            var actorName: String
            var actorRole: String
            var action: String
            var from: String?
            var to: String?
            var reason: String?
        }

        var id: UUID
        var version: Int
        var stage: ApplicationStage
        var callID: UUID
        var callTitle: LocalizedText
        var programmeID: String
        var closesOn: CalendarDate
        var enterpriseName: String
        var creditCode: String
        var district: String
        var form: ApplicationForm
        var submittedAt: Date?
        var materials: [MaterialRow]
        var returnReason: String?
        var returnDeadline: CalendarDate?
        var preliminaryOpinion: String?
        var recommendation: String?
        var onSiteFindings: String?
        /// The engine's evaluation at submission or review, or a preview for a draft.
        var evaluationJSON: String?
        /// The clauses the city's reviewer decides at the eligibility review.
        var pendingFindings: [PendingFinding]
        var history: [HistoryRow]
        /// What the signed-in person may do now.
        var actions: [ApplicationAction]
        /// The panel's scores and opinions, experts anonymised: for the applicant once the result is out.
        var opinions: [Opinion]
        var viewerRole: Role
        /// A message after a successful action ("submitted").
        var notice: LocalizedText?
        /// The problem with the last action, shown beside the values the person entered.
        var error: AppError?
        var inputs: [String: String]
        /// The enterprise's quality credit grade today, worked out from the same facts the engine reads.
        var credit: CreditAssessment? = nil

        var canEditForm: Bool { viewerRole == .enterprise && [.draft, .returned].contains(stage) }
    }
}
