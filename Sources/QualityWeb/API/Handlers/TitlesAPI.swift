import Foundation
import QualityRules
import Vapor

/// `GET /api/v1/titles/verify?q=` for partner agencies: the same answer as the public verification page.
enum TitlesAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .titleVerification, use: verify)
    }

    @Sendable
    static func verify(request: Request) async throws -> APIResponse<TitleVerificationDTO> {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        let titles = try await request.titles.verify(query)
        return APIResponse(TitleVerificationDTO(query: query, titles: titles.map(TitleDTO.init)))
    }
}

struct TitleVerificationDTO: Content {
    var query: String
    var titles: [TitleDTO]
}

struct TitleDTO: Content {
    var certificateNumber: String
    var holderName: String
    var holderCreditCode: String
    var programmeId: String
    var programmeTitle: LocalizedText
    var grantedOn: String
    var validFrom: String
    var validUntil: String
    var status: String
    var validToday: Bool

    init(_ title: TitleService.Verified) {
        certificateNumber = title.certificateNumber
        holderName = title.holderName
        holderCreditCode = title.holderCreditCode
        programmeId = title.programmeID
        programmeTitle = title.programmeTitle
        grantedOn = title.grantedOn.iso
        validFrom = title.validFrom.iso
        validUntil = title.validUntil.iso
        status = title.status.rawValue
        validToday = title.validToday
    }
}
