import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Titles as partner agencies check them: by certificate number or by credit code, with whether each is
/// valid today. Only what is public is returned.
struct TitleService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    struct Verified: Sendable {
        var certificateNumber: String
        var holderName: String
        var holderCreditCode: String
        var programmeID: String
        var programmeTitle: LocalizedText
        var grantedOn: CalendarDate
        var validFrom: CalendarDate
        var validUntil: CalendarDate
        var status: TitleStatus
        var validToday: Bool
    }

    /// A certificate number or an 18-character credit code; anything else is refused with a message.
    func verify(_ raw: String) async throws -> [Verified] {
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard (3...40).contains(query.count), query.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw AppError.invalid(Strings.Titles.badQuery, fields: ["q": Strings.Titles.badQuery])
        }
        let titles: [Title]
        if query.count == 18, let code = CreditCode(query) {
            guard let enterprise = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).first() else { return [] }
            titles = try await Title.query(on: database).filter(\.$enterprise.$id == enterprise.id!).with(\.$enterprise)
                .sort(\.$grantedOn, .descending).all()
        } else {
            titles = try await Title.query(on: database).filter(\.$certificateNumber == query).with(\.$enterprise).all()
        }
        let today = clock.today()
        return titles.map { title in
            Verified(certificateNumber: title.certificateNumber, holderName: title.enterprise.name, holderCreditCode: title.enterprise.creditCode,
                     programmeID: title.programmeID, programmeTitle: assessor.programme(title.programmeID)?.title ?? T(zh: title.programmeID, en: title.programmeID),
                     grantedOn: title.grantedOn, validFrom: title.validFrom, validUntil: title.validUntil, status: title.status,
                     validToday: title.isValid(on: today))
        }
    }
}

extension Strings.Titles {
    static let badQuery = T(zh: "请输入证书编号（如 SZQB-2026-001）或 18 位统一社会信用代码", en: "Enter a certificate number (such as SZQB-2026-001) or an 18-character credit code")
}
