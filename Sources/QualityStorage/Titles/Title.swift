import FluentKit
import Foundation
import QualityRules

public enum TitleStatus: String, Codable, CaseIterable, Sendable {
    case active
    case expired
    /// Ended at the holder's request, when the business ended, or when its scope changed (002 第十二条).
    case terminated
    /// Withdrawn for fraud, a major accident or complaint, or reports not filed; bars re-application.
    case revoked
}

/// A title granted on a final list: a quality backbone enterprise (four years) or an innovation centre
/// (three years), with the certificate number partner agencies check before granting a perk.
public final class Title: Model, @unchecked Sendable {
    public static let schema = "titles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "certificate_number") public var certificateNumber: String
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    @Field(key: "programme_id") public var programmeID: String
    @Parent(key: "call_id") public var call: Call
    @Parent(key: "application_id") public var application: CallApplication
    @Field(key: "granted_on") public var grantedOn: CalendarDate
    @Field(key: "valid_from") public var validFrom: CalendarDate
    @Field(key: "valid_until") public var validUntil: CalendarDate
    @Field(key: "status") public var status: TitleStatus
    @OptionalField(key: "ended_on") public var endedOn: CalendarDate?
    @OptionalField(key: "ended_reason") public var endedReason: String?
    /// Why it ended, as a kind (fraud, reportsNotFiled, holderRequest…), so the ban can be decided.
    @OptionalField(key: "end_kind") public var endKind: String?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $certificateNumber, $enterprise, $programmeID, $call, $application, $grantedOn, $validFrom, $validUntil,
         $status, $endedOn, $endedReason, $endKind]
    }

    public init(certificateNumber: String, enterpriseID: UUID, programmeID: String, callID: UUID, applicationID: UUID,
                grantedOn: CalendarDate, validFrom: CalendarDate, validUntil: CalendarDate) {
        self.certificateNumber = certificateNumber
        self.$enterprise.id = enterpriseID
        self.programmeID = programmeID
        self.$call.id = callID
        self.$application.id = applicationID
        self.grantedOn = grantedOn
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.status = .active
    }

    /// Active and inside its validity on `day`.
    public func isValid(on day: CalendarDate) -> Bool {
        status == .active && day >= validFrom && day <= validUntil
    }
}
