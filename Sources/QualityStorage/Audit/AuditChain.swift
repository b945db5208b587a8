import Crypto
import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// Who acted: a signed-in account, or the system (a scheduled job, an import).
public struct AuditActor: Sendable, Equatable {
    public var accountID: UUID?
    public var role: String
    public var name: String

    public init(accountID: UUID?, role: String, name: String) {
        self.accountID = accountID
        self.role = role
        self.name = name
    }

    public static let system = AuditActor(accountID: nil, role: "system", name: "system")
}

/// What is being recorded, before it gets its place in the chain.
public struct AuditEntry: Sendable {
    public var actor: AuditActor
    public var subjectType: String
    public var subjectID: String
    public var action: String
    public var fromStage: String?
    public var toStage: String?
    public var reason: String?
    public var ruleVersion: String?
    public var explanation: String?
    public var occurredAt: Date

    public init(actor: AuditActor, subjectType: String, subjectID: String, action: String,
                fromStage: String? = nil, toStage: String? = nil, reason: String? = nil,
                ruleVersion: String? = nil, explanation: String? = nil, occurredAt: Date) {
        self.actor = actor
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.action = action
        self.fromStage = fromStage
        self.toStage = toStage
        self.reason = reason
        self.ruleVersion = ruleVersion
        self.explanation = explanation
        // Whole milliseconds: what both databases store exactly, so the hash can be recomputed from the row.
        self.occurredAt = Date(timeIntervalSince1970: (occurredAt.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

public enum AuditChainError: Error, CustomStringConvertible {
    case headMissing
    case contention

    public var description: String {
        switch self {
        case .headMissing: "The audit chain has no head row; run `qualitycity migrate`."
        case .contention: "The audit chain was busy; the change was not made. Try again."
        }
    }
}

/// The result of checking the chain from the first row to the last.
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    /// The first row whose hash or link does not match, if any.
    public var firstBroken: Int?
    public var problem: String?

    public var isIntact: Bool { firstBroken == nil }
}

public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The chain's head as the append reads it (one row; read as SQL, it is on every change's path).
    private struct Head: Decodable {
        var seq: Int
        var hash: String
    }

    /// Appends an entry. Call it inside the `writeTransaction` that makes the change it records, so the
    /// change and its record commit or roll back together.
    @discardableResult
    public static func append(_ entry: AuditEntry, on database: any Database) async throws -> AuditEvent {
        guard let sql = database as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
        for _ in 0..<50 {
            guard let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first(decoding: Head.self) else {
                throw AuditChainError.headMissing
            }
            let seq = head.seq + 1
            let hash = Self.hash(seq: seq, previous: head.hash, entry: entry)
            // Only the writer that saw the current head moves it; a concurrent writer re-reads and retries.
            let moved = try await sql.raw("""
                UPDATE audit_head SET seq = \(bind: seq), hash = \(bind: hash) \
                WHERE id = 1 AND seq = \(bind: head.seq) RETURNING seq
                """).all()
            guard !moved.isEmpty else { continue }
            let event = AuditEvent()
            event.id = seq
            event.occurredAt = entry.occurredAt
            event.actorAccountID = entry.actor.accountID
            event.actorRole = entry.actor.role
            event.actorName = entry.actor.name
            event.subjectType = entry.subjectType
            event.subjectID = entry.subjectID
            event.action = entry.action
            event.fromStage = entry.fromStage
            event.toStage = entry.toStage
            event.reason = entry.reason
            event.ruleVersion = entry.ruleVersion
            event.explanation = entry.explanation
            event.prevHash = head.hash
            event.hash = hash
            try await event.create(on: database)
            return event
        }
        throw AuditChainError.contention
    }

    /// Recomputes every hash from the stored fields, in order, and reports the first row that does not match.
    public static func verify(on database: any Database, batchSize: Int = 1000) async throws -> AuditVerification {
        var previous = genesisHash
        var expectedSeq = 1
        var checked = 0
        while true {
            let rows = try await AuditEvent.query(on: database)
                .filter(\.$id >= expectedSeq)
                .sort(\.$id)
                .limit(batchSize)
                .all()
            if rows.isEmpty { break }
            for row in rows {
                let seq = row.id ?? -1
                if seq != expectedSeq {
                    return AuditVerification(checked: checked, firstBroken: expectedSeq,
                                             problem: "row \(expectedSeq) is missing (next row is \(seq))")
                }
                if row.prevHash != previous {
                    return AuditVerification(checked: checked, firstBroken: seq,
                                             problem: "row \(seq) does not link to row \(seq - 1)")
                }
                let entry = AuditEntry(
                    actor: AuditActor(accountID: row.actorAccountID, role: row.actorRole, name: row.actorName),
                    subjectType: row.subjectType, subjectID: row.subjectID, action: row.action,
                    fromStage: row.fromStage, toStage: row.toStage, reason: row.reason,
                    ruleVersion: row.ruleVersion, explanation: row.explanation, occurredAt: row.occurredAt)
                if hash(seq: seq, previous: previous, entry: entry) != row.hash {
                    return AuditVerification(checked: checked, firstBroken: seq,
                                             problem: "row \(seq) was changed after it was written (hash mismatch)")
                }
                previous = row.hash
                expectedSeq += 1
                checked += 1
            }
        }
        if let head = try await AuditHead.find(1, on: database), head.seq != checked {
            return AuditVerification(checked: checked, firstBroken: checked + 1,
                                     problem: "the chain head says \(head.seq) rows but \(checked) were found")
        }
        return AuditVerification(checked: checked, firstBroken: nil, problem: nil)
    }

    static func hash(seq: Int, previous: String, entry: AuditEntry) -> String {
        let milliseconds = Int64((entry.occurredAt.timeIntervalSince1970 * 1000).rounded())
        // Length-prefixed fields: no choice of separator can be forged by a field's content.
        let fields: [String?] = [
            String(seq), previous, String(milliseconds), entry.actor.accountID?.uuidString, entry.actor.role,
            entry.actor.name, entry.subjectType, entry.subjectID, entry.action, entry.fromStage, entry.toStage,
            entry.reason, entry.ruleVersion, entry.explanation,
        ]
        var data = Data()
        for field in fields {
            if let field {
                let bytes = Data(field.utf8)
                data.append(contentsOf: "\(bytes.count):".utf8)
                data.append(bytes)
            } else {
                data.append(contentsOf: "-:".utf8)
            }
        }
        return Hex.string(SHA256.hash(data: data))
    }
}
