import Foundation
import QualityRules
import QualityStorage
import Vapor

/// An application as listed.
struct ApplicationSummaryDTO: Content {
    var id: UUID
    var callId: UUID
    var callTitle: LocalizedText
    var enterpriseId: UUID
    var enterpriseName: String
    var district: String
    var stage: ApplicationStage
    var version: Int
    var engineVerdict: Assessment.Verdict?
    var submittedAt: Date?
    var updatedAt: Date?

    /// `application` with its call and enterprise loaded.
    init(_ application: CallApplication) {
        id = application.id!
        callId = application.$call.id
        callTitle = application.call.title
        enterpriseId = application.$enterprise.id
        enterpriseName = application.enterprise.name
        district = application.district
        stage = application.stage
        version = application.version
        engineVerdict = application.engineVerdict.flatMap(Assessment.Verdict.init(rawValue:))
        submittedAt = application.submittedAt
        updatedAt = application.updatedAt
    }
}

struct ApplicationListDTO: Content {
    var applications: [ApplicationSummaryDTO]
}

/// The application form (申报表).
struct ApplicationFormDTO: Content {
    var enterpriseName: String
    var creditCode: String
    var district: String
    var legalRepresentative: String
    var contactName: String
    var contactPhone: String
    var contactEmail: String
    var address: String
    var summary: String

    init(_ form: ApplicationForm) {
        enterpriseName = form.enterpriseName
        creditCode = form.creditCode
        district = form.district
        legalRepresentative = form.legalRepresentative
        contactName = form.contactName
        contactPhone = form.contactPhone
        contactEmail = form.contactEmail
        address = form.address
        summary = form.summary
    }
}

struct FileDTO: Content {
    var id: UUID
    var name: String
    var size: Int
    var contentType: String
    var sha256: String

    init(_ file: ApplicationPage.Model.FileRow) {
        id = file.id
        name = file.name
        size = file.size
        contentType = file.contentType
        sha256 = file.sha256
    }
}

struct ApplicationMaterialDTO: Content {
    var key: String
    var title: LocalizedText
    var required: Bool
    /// Absent until a file is uploaded.
    var file: FileDTO?
}

struct HistoryEntryDTO: Content {
    var at: Date
    var actorName: String
    var actorRole: String
    /// The audit trail's action name (`create`, `attach_material`, `submit`, `return`, …) and its title.
    var action: String
    var actionTitle: LocalizedText
    var fromStage: ApplicationStage?
    var toStage: ApplicationStage?
    var reason: String?
}

/// A clause of the rules that a reviewer decides at the eligibility review ("财务状况良好"); its `key` is what
/// `findings` of `POST …/eligibility` names.
struct ReviewerFindingDTO: Content {
    var key: String
    var label: LocalizedText
    var explanation: LocalizedText
    /// Absent while no reviewer has decided.
    var finding: Finding?

    init(_ pending: PendingFinding) {
        key = pending.key
        label = pending.label
        explanation = pending.explanation
        finding = pending.settled.map { $0 ? .met : .notMet }
    }
}

struct DistrictOpinionDTO: Content {
    var opinion: String
    var recommend: Bool
}

/// `GET /api/v1/applications/{applicationId}` and the answer to every change.
struct ApplicationDetailDTO: Content {
    struct CallRef: Content {
        var id: UUID
        var title: LocalizedText
        var programmeId: String
        var closesOn: CalendarDate
    }

    struct EnterpriseRef: Content {
        var id: UUID
        var name: String
        var creditCode: String
    }

    var id: UUID
    /// Send it back with every change; a stale version is refused with 409.
    var version: Int
    var stage: ApplicationStage
    var call: CallRef
    var enterprise: EnterpriseRef
    var district: String
    var form: ApplicationFormDTO
    var commitmentAccepted: Bool
    var submittedAt: Date?
    var materials: [ApplicationMaterialDTO]
    var returnReason: String?
    var returnDeadline: CalendarDate?
    var districtOpinion: DistrictOpinionDTO?
    var onSiteFindings: String?
    var engineVerdict: Assessment.Verdict?
    /// The engine's evaluation at submission or review; for the applicant's draft, what it would say today.
    var evaluation: JSONValue?
    /// The clauses of `evaluation` that a reviewer decides, and what was decided so far.
    var reviewerFindings: [ReviewerFindingDTO]
    var history: [HistoryEntryDTO]
    /// What the caller may do now (the server checks again).
    var allowedActions: [ApplicationAction]
}

// MARK: Requests

/// `PUT /api/v1/applications/{applicationId}/form`: absent fields keep their saved value.
struct FormInput: APIInput {
    var version: Int
    var enterpriseName: String?
    var legalRepresentative: String?
    var contactName: String?
    var contactPhone: String?
    var contactEmail: String?
    var address: String?
    var summary: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, enterpriseName, legalRepresentative, contactName, contactPhone, contactEmail, address, summary
    }
}

struct SubmitInput: APIInput {
    var version: Int
    var commitmentAccepted: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, commitmentAccepted
    }
}

struct WithdrawInput: APIInput {
    var version: Int
    var reason: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, reason
    }
}

struct ReturnInput: APIInput {
    var version: Int
    var reason: String?
    /// `YYYY-MM-DD`, Asia/Shanghai.
    var deadline: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, reason, deadline
    }
}

struct ForwardInput: APIInput {
    var version: Int
    var opinion: String?
    var recommend: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, opinion, recommend
    }
}

enum ReviewDecision: String, Codable, Sendable {
    case pass, fail
}

enum Finding: String, Codable, Sendable {
    case met, notMet
}

struct EligibilityInput: APIInput {
    var version: Int
    var decision: ReviewDecision
    var reason: String?
    /// Attestation key → finding, for the conditions that need a reviewer's judgement.
    var findings: [String: Finding]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, decision, reason, findings
    }
}

struct OnSiteInput: APIInput {
    var version: Int
    var decision: ReviewDecision
    var findings: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, decision, findings
    }
}
