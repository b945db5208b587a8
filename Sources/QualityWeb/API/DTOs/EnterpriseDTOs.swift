import Foundation
import QualityRules
import QualityStorage
import Vapor

/// `POST /api/v1/enterprises`: checked by `EnterpriseService.signUp`, every problem reported at once.
/// Fields are optional here so that a missing one gets the sign-up page's own message in `fields`.
struct SignUpInput: APIInput {
    var creditCode: String?
    var name: String?
    var district: String?
    var registeredOn: String?
    var legalForm: String?
    var industryCode: String?
    var contactName: String?
    var contactPhone: String?
    var username: String?
    var password: String?
    var passwordConfirmation: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case creditCode, name, district, registeredOn, legalForm, industryCode, contactName, contactPhone, username, password,
             passwordConfirmation
    }

    var service: EnterpriseService.SignUp {
        EnterpriseService.SignUp(
            creditCode: creditCode ?? "", name: name ?? "", district: district ?? "", registeredOn: registeredOn ?? "",
            legalForm: legalForm ?? "", industryCode: industryCode ?? "", contactName: contactName ?? "",
            contactPhone: contactPhone ?? "", username: username ?? "", password: password ?? "",
            passwordConfirmation: passwordConfirmation)
    }
}

struct EnterpriseDTO: Content {
    var id: UUID
    var name: String
    var creditCode: String
    var city: String
    var district: String
    var contactName: String?
    var contactPhone: String?

    init(_ enterprise: Enterprise) {
        id = enterprise.id!
        name = enterprise.name
        creditCode = enterprise.creditCode
        city = enterprise.city
        district = enterprise.district
        contactName = enterprise.contactName
        contactPhone = enterprise.contactPhone
    }
}

struct SignUpResultDTO: Content {
    var account: AccountDTO
    var enterprise: EnterpriseDTO
}

/// What the rules engine says about an enterprise for a programme today.
struct AssessmentDTO: Content {
    var verdict: Assessment.Verdict
    var ruleVersion: String
    var summary: LocalizedText
    /// The engine's full explanation (its own JSON document).
    var evaluation: JSONValue?

    init(_ assessment: Assessment) {
        verdict = assessment.verdict
        ruleVersion = assessment.ruleVersion
        summary = assessment.summary
        evaluation = JSONValue(text: assessment.evaluationJSON)
    }
}

struct OpenCallDTO: Content {
    var call: CallSummaryDTO
    /// Absent when the engine could not assess (e.g. an unknown programme).
    var assessment: AssessmentDTO?
    /// The enterprise's application to this call, if it has started one.
    var applicationId: UUID?
    var applicationStage: ApplicationStage?
}

/// `GET /api/v1/enterprise`: what the enterprise's home page shows.
struct EnterpriseHomeDTO: Content {
    var enterprise: EnterpriseDTO
    /// The facts the rules engine reads (`docs/facts.schema.json`).
    var facts: JSONValue?
    var openCalls: [OpenCallDTO]
    var applications: [ApplicationSummaryDTO]
    var unreadMessages: Int
}
