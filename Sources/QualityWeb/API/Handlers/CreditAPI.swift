import Foundation
import QualityRules
import Vapor

/// `GET /api/v1/credit/{creditCode}` for partner agencies and the public: the public part of an enterprise's
/// quality credit file — its grade with the rules that set it, its titles and its public sanctions. Officers'
/// notes, contacts and non-public records never leave through the API, whoever asks.
enum CreditAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .creditFile(.key), use: show)
    }

    @Sendable
    static func show(request: Request) async throws -> APIResponse<CreditFileDTO> {
        let code = request.parameters.get("creditCode") ?? ""
        let file = try await request.credit.file(creditCode: code, viewer: nil)
        return APIResponse(CreditFileDTO(file))
    }
}

struct CreditFileDTO: Content {
    var creditCode: String
    var name: String
    var city: String
    var district: String
    /// A–D; absent when the enterprise's facts are incomplete and no grade can be given.
    var grade: String?
    var gradeLabel: LocalizedText?
    var gradedOn: String
    var rulesVersion: String
    var reasons: [CreditReasonDTO]
    var records: [CreditRecordDTO]

    init(_ file: CreditFile) {
        creditCode = file.creditCode
        name = file.name
        city = file.city
        district = file.district
        grade = file.assessment?.grade.letter
        gradeLabel = file.assessment?.grade.label
        gradedOn = (file.assessment?.on ?? file.today).iso
        rulesVersion = file.assessment?.rulesVersion ?? CreditRules.version
        reasons = (file.assessment.map { assessment in assessment.findings.filter { $0.grade == assessment.grade } } ?? [])
            .map(CreditReasonDTO.init)
        records = file.entries.filter(\.isPublic).map(CreditRecordDTO.init)
    }
}

struct CreditReasonDTO: Content {
    var rule: String
    var label: LocalizedText
    /// "深质促进会〔2014〕4号 第二条不得申报情形第二项"; absent for a rule that rests on stated reasoning.
    var citation: String?

    init(_ finding: CreditFinding) {
        rule = finding.rule.id
        label = finding.rule.label
        citation = finding.rule.citation.map { "\($0.document) \($0.clause.zh)" }
    }
}

struct CreditRecordDTO: Content {
    var date: String
    var kind: String
    var title: LocalizedText
    var detail: LocalizedText?
    var reference: String?

    init(_ entry: CreditFile.Entry) {
        date = entry.date.iso
        kind = entry.kind.rawValue
        title = entry.title
        detail = entry.detail
        reference = entry.reference
    }
}
