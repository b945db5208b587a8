import Fluent
import Foundation
import QualityRules
import QualityStorage

/// One stage change of one application, applied inside the caller's write transaction: the conditional
/// update (only from the stage — and version — the caller saw), the audit row, and the notices.
struct StageChange: Sendable {
    var applicationID: UUID
    var from: ApplicationStage
    var to: ApplicationStage
    var action: ApplicationAction
    var actor: AuditActor
    /// The version the person's form carried; nil for the platform's own batch steps, which check the stage only.
    var expectedVersion: Int?
    var values: [(String, ConditionalUpdate.Value)] = []
    var reason: String?
    var assessment: Assessment?
    var notify: [(Notifier.Audience, Strings.Inbox.Message)] = []
    /// The accounts each notice goes to, when read before the transaction (`readingRecipients`) so that the
    /// writer's lock is held for writing only; otherwise read inside it.
    var recipients: [[UUID]]? = nil

    /// The same change with its notices' recipients read now, outside the transaction.
    func readingRecipients(on database: any Database) async throws -> StageChange {
        var change = self
        var recipients: [[UUID]] = []
        for (audience, _) in notify { recipients.append(try await Notifier.recipients(audience, on: database)) }
        change.recipients = recipients
        return change
    }

    /// Returns false (and writes nothing) when the application is no longer where the caller saw it.
    func apply(on tx: any Database, at date: Date) async throws -> Bool {
        precondition(ApplicationWorkflow.target(of: action, from: from) == to, "\(action) does not lead from \(from) to \(to)")
        var conditions: [ConditionalUpdate.Condition] = [.equals("stage", .string(from.rawValue))]
        if let expectedVersion { conditions.append(.equals("version", .int(expectedVersion))) }
        let moved = try await ConditionalUpdate.run(
            table: CallApplication.schema, id: applicationID,
            set: [("stage", .string(to.rawValue)), ("version", .increment(1)), ("updated_at", .date(date))] + values,
            where: conditions, on: tx)
        guard moved else { return false }
        let link = SiteURL.application(.value(applicationID)).path
        for (index, (audience, message)) in notify.enumerated() {
            let accounts = if let recipients { recipients[index] } else { try await Notifier.recipients(audience, on: tx) }
            try await Notifier.deliver(to: accounts, subject: message.subject, body: message.body, link: link, at: date, on: tx)
        }
        // The audit append comes last: on PostgreSQL it locks the chain's head row until the commit, and every
        // other writer waits for that row.
        try await AuditChain.append(AuditEntry(
            actor: actor, subjectType: "application", subjectID: applicationID.uuidString, action: action.rawValue,
            fromStage: from.rawValue, toStage: to.rawValue, reason: reason,
            ruleVersion: assessment?.ruleVersion, explanation: assessment?.evaluationJSON, occurredAt: date), on: tx)
        return true
    }
}
