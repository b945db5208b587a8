import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The credit file's records as facts events, for `FactsAssembler`: what officers recorded, and complaints
/// about the enterprise upheld during a public notice (002 第九条（五）: "查实有违法违规情形"). The engine's
/// exclusions and the credit grade both read them, so an application sees what the credit file shows.
enum CreditFacts {
    static func events(enterpriseID: UUID, on database: any Database) async throws -> [Event] {
        let recorded = try await CreditRecord.query(on: database).filter(\.$enterprise.$id == enterpriseID)
            .sort(\.$occurredOn).sort(\.$recordedAt).all().map(\.event)
        return recorded + (try await noticeComplaints(enterpriseID: enterpriseID, on: database)).map(\.event)
    }

    struct UpheldComplaint: Sendable {
        var id: UUID
        var day: CalendarDate
        var callTitle: LocalizedText
        /// The city bureau's finding; never the complainant's name or contact.
        var outcome: String

        /// A complaint upheld on public notice: its severity is not graded, so it counts as general, decided by
        /// the city bureau that handled the notice.
        var event: Event {
            Event(date: day, kind: .complaint, area: .other, severity: .general, outcome: .substantiated, level: .municipal,
                  reference: "公示投诉 \(callTitle.zh)", note: outcome)
        }
    }

    static func noticeComplaints(enterpriseID: UUID, on database: any Database) async throws -> [UpheldComplaint] {
        try await Complaint.query(on: database)
            .join(CallApplication.self, on: \Complaint.$application.$id == \CallApplication.$id)
            .filter(CallApplication.self, \.$enterprise.$id == enterpriseID)
            .filter(\.$status == .substantiated)
            .with(\.$call)
            .sort(\.$filedAt)
            .all()
            .map { complaint in
                UpheldComplaint(id: complaint.id!, day: CalendarDate.inShanghai(complaint.resolvedAt ?? complaint.filedAt),
                                callTitle: complaint.call.title, outcome: complaint.outcome ?? "")
            }
    }

    /// Events as the facts JSON writes them (`docs/facts.schema.json`).
    static func json(_ events: [Event]) throws -> [[String: Any]] {
        let encoder = JSONEncoder()
        return try events.map { event in
            try JSONSerialization.jsonObject(with: try encoder.encode(event)) as? [String: Any] ?? [:]
        }
    }
}
