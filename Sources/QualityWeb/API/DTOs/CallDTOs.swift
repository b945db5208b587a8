import Foundation
import QualityRules
import QualityStorage
import Vapor

/// A call as listed: what, when, how many, where it stands.
struct CallSummaryDTO: Content {
    var id: UUID
    var programmeId: String
    var policyId: String
    var year: Int
    var title: LocalizedText
    var opensOn: CalendarDate
    var closesOn: CalendarDate
    /// Absent when the call has no quota.
    var quota: Int?
    var stage: CallStage
    /// Whether an application may be submitted today (Asia/Shanghai).
    var accepting: Bool

    init(_ call: Call, today: CalendarDate) {
        id = call.id!
        programmeId = call.programmeID
        policyId = call.policyID
        year = call.year
        title = call.title
        opensOn = call.opensOn
        closesOn = call.closesOn
        quota = call.quota
        stage = call.stage
        accepting = call.isAccepting(on: today)
    }
}

struct CallListDTO: Content {
    var calls: [CallSummaryDTO]
}

struct MaterialDTO: Content {
    var key: String
    var title: LocalizedText
    var required: Bool

    init(_ material: RequiredMaterial) {
        key = material.key
        title = material.title
        required = material.required
    }
}

/// The programme a call belongs to, as the rules engine describes it.
struct ProgrammeDTO: Content {
    var id: String
    var policyId: String
    var title: LocalizedText
    /// The rules in brief.
    var summary: LocalizedText
    var isRecognition: Bool
    var annualQuota: Int?
    var inForceFrom: CalendarDate?
    var inForceUntil: CalendarDate?

    init(_ programme: ProgrammeInfo) {
        id = programme.id
        policyId = programme.policyID
        title = programme.title
        summary = programme.summary
        isRecognition = programme.isRecognition
        annualQuota = programme.annualQuota
        inForceFrom = programme.inForce?.start
        inForceUntil = programme.inForce?.end
    }
}

/// A call with its rules, materials and contacts.
struct CallDetailDTO: Content {
    var id: UUID
    var programmeId: String
    var policyId: String
    var year: Int
    var title: LocalizedText
    var opensOn: CalendarDate
    var closesOn: CalendarDate
    var quota: Int?
    var stage: CallStage
    var accepting: Bool
    /// Absent when the engine does not know the programme.
    var programme: ProgrammeDTO?
    var materials: [MaterialDTO]
    var contacts: String
    var noticeDays: Int
    var scoreAggregate: ScoreAggregate
    var publishedAt: Date?

    init(_ call: Call, programme: ProgrammeInfo?, today: CalendarDate) {
        id = call.id!
        programmeId = call.programmeID
        policyId = call.policyID
        year = call.year
        title = call.title
        opensOn = call.opensOn
        closesOn = call.closesOn
        quota = call.quota
        stage = call.stage
        accepting = call.isAccepting(on: today)
        self.programme = programme.map(ProgrammeDTO.init)
        materials = call.materials.map(MaterialDTO.init)
        contacts = call.contacts
        noticeDays = call.noticeDays
        scoreAggregate = call.scoreAggregate
        publishedAt = call.publishedAt
    }
}

/// `POST /api/v1/calls`: checked by `CallService.create`, exactly as the secretariat's form is.
struct CreateCallInput: APIInput {
    struct Material: Decodable, Sendable {
        var titleZh: String
        var titleEn: String?
        var required: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case titleZh, titleEn, required
        }

        init(from decoder: any Decoder) throws {
            try APIJSON.refuseUnknownKeys(CodingKeys.self, in: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            titleZh = try container.decode(String.self, forKey: .titleZh)
            titleEn = try container.decodeIfPresent(String.self, forKey: .titleEn)
            required = try container.decodeIfPresent(Bool.self, forKey: .required)
        }
    }

    var programmeId: String
    var year: Int?
    var titleZh: String?
    var titleEn: String?
    var opensOn: String
    var closesOn: String
    var quota: Int?
    /// Absent or empty: the programme's own list.
    var materials: [Material]?
    var contacts: String?
    var noticeDays: Int?
    var scoreAggregate: ScoreAggregate?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case programmeId, year, titleZh, titleEn, opensOn, closesOn, quota, materials, contacts, noticeDays, scoreAggregate
    }
}

/// `POST /api/v1/calls/{callId}/stage`
struct CallStageInput: APIInput {
    var stage: CallStage

    enum CodingKeys: String, CodingKey, CaseIterable {
        case stage
    }
}
