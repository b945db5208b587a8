import Foundation
import QualityRules
import QualityStorage

/// The application form (申报表): prefilled from the enterprise's facts, edited by the applicant.
struct ApplicationForm: Codable, Sendable, Equatable {
    var enterpriseName: String
    var creditCode: String
    var district: String
    var legalRepresentative: String
    var contactName: String
    var contactPhone: String
    var contactEmail: String
    var address: String
    /// 企业质量工作情况简介.
    var summary: String

    static let summaryLimit = 3000

    /// The problems of a form about to be submitted, field by field; empty when it can be submitted.
    func problems() -> [String: LocalizedText] {
        var problems: [String: LocalizedText] = [:]
        let required: [(String, String, LocalizedText)] = [
            ("enterpriseName", enterpriseName, Strings.Form.enterpriseName),
            ("legalRepresentative", legalRepresentative, Strings.Form.legalRepresentative),
            ("contactName", contactName, Strings.Form.contactName),
            ("contactPhone", contactPhone, Strings.Form.contactPhone),
            ("address", address, Strings.Form.address),
            ("summary", summary, Strings.Form.summary),
        ]
        for (key, value, label) in required where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems[key] = Strings.Form.required(label)
        }
        if !contactPhone.isEmpty, !Self.isPhone(contactPhone) { problems["contactPhone"] = Strings.Form.badPhone }
        if !contactEmail.isEmpty, !Self.isEmail(contactEmail) { problems["contactEmail"] = Strings.Form.badEmail }
        if summary.count > Self.summaryLimit { problems["summary"] = Strings.Form.tooLong(Self.summaryLimit) }
        return problems
    }

    /// Mainland mobile and landline numbers as people write them: 13800138000, 0755-83177171, (0755) 8317 7171.
    static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        let allowed = text.allSatisfy { $0.isNumber || " -()+（）".contains($0) }
        return allowed && (7...15).contains(digits.count)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@")
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    static func prefilled(from enterprise: Enterprise) -> ApplicationForm {
        ApplicationForm(enterpriseName: enterprise.name, creditCode: enterprise.creditCode, district: enterprise.district,
                        legalRepresentative: "", contactName: enterprise.contactName ?? "",
                        contactPhone: enterprise.contactPhone ?? "", contactEmail: "", address: "", summary: "")
    }
}
