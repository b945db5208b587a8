import FluentKit
import Foundation

public enum ComplaintStatus: String, Codable, CaseIterable, Sendable {
    case open
    /// Found true: the candidate is removed from the proposed list (取消拟选定资格).
    case substantiated
    case unsubstantiated
}

/// A complaint about a candidate on public notice. The complainant's contact details are kept from the
/// public; only the city bureau sees them.
public final class Complaint: Model, @unchecked Sendable {
    public static let schema = "complaints"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: Call
    @Parent(key: "application_id") public var application: CallApplication
    @Field(key: "complainant_name") public var complainantName: String
    @Field(key: "complainant_contact") public var complainantContact: String
    @Field(key: "text") public var text: String
    @Field(key: "status") public var status: ComplaintStatus
    @OptionalField(key: "outcome") public var outcome: String?
    @Field(key: "filed_at") public var filedAt: Date
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?
    @OptionalParent(key: "resolved_by") public var resolvedBy: Account?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $call, $application, $complainantName, $complainantContact, $text, $status, $outcome, $filedAt, $resolvedAt,
         $resolvedBy]
    }

    public init(callID: UUID, applicationID: UUID, complainantName: String, complainantContact: String, text: String, filedAt: Date) {
        self.$call.id = callID
        self.$application.id = applicationID
        self.complainantName = complainantName
        self.complainantContact = complainantContact
        self.text = text
        self.status = .open
        self.filedAt = filedAt
    }
}
