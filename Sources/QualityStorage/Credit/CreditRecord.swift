import FluentKit
import Foundation
import QualityRules

/// A record an officer entered in an enterprise's quality credit file (质量诚信档案): a penalty, a spot check,
/// a complaint or an accident. Each becomes an `Event` in the facts the rules engine and the credit grade read.
///
/// `summary` is what the public may read when the record is public; `privateNote` is for officers only.
public final class CreditRecord: Model, @unchecked Sendable {
    public static let schema = "credit_records"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "enterprise_id") public var enterprise: Enterprise
    @Field(key: "kind") public var kind: EventKind
    @Field(key: "area") public var area: EventArea
    @Field(key: "severity") public var severity: Severity
    @Field(key: "outcome") public var outcome: EventOutcome
    @Field(key: "level") public var level: AdministrativeLevel
    @Field(key: "occurred_on") public var occurredOn: CalendarDate
    /// 文书号: the decision or report number.
    @OptionalField(key: "reference") public var reference: String?
    @Field(key: "summary") public var summary: String
    @OptionalField(key: "private_note") public var privateNote: String?
    @Field(key: "is_public") public var isPublic: Bool
    @Parent(key: "recorded_by") public var recordedBy: Account
    /// Who recorded it, as shown to officers ("李科长（南山区局）").
    @Field(key: "recorder_name") public var recorderName: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $enterprise, $kind, $area, $severity, $outcome, $level, $occurredOn, $reference, $summary, $privateNote,
         $isPublic, $recordedBy, $recorderName, $recordedAt]
    }

    public init(enterpriseID: UUID, kind: EventKind, area: EventArea, severity: Severity, outcome: EventOutcome,
                level: AdministrativeLevel, occurredOn: CalendarDate, reference: String?, summary: String, privateNote: String?,
                isPublic: Bool, recordedBy: UUID, recorderName: String, recordedAt: Date) {
        self.$enterprise.id = enterpriseID
        self.kind = kind
        self.area = area
        self.severity = severity
        self.outcome = outcome
        self.level = level
        self.occurredOn = occurredOn
        self.reference = reference
        self.summary = summary
        self.privateNote = privateNote
        self.isPublic = isPublic
        self.$recordedBy.id = recordedBy
        self.recorderName = recorderName
        self.recordedAt = recordedAt
    }

    /// The record as the engine reads it.
    public var event: Event {
        Event(date: occurredOn, kind: kind, area: area, severity: severity, outcome: outcome, level: level,
              reference: reference, note: summary)
    }
}
