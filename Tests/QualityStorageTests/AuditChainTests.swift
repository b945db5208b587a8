import FluentKit
import FluentSQL
import Foundation
import QualityStorage
import QualityTestSupport
import Testing

@Suite("The audit chain")
struct AuditChainTests {
    static func entry(_ n: Int, reason: String? = nil) -> AuditEntry {
        AuditEntry(actor: AuditActor(accountID: UUID(), role: "city_officer", name: "Officer \(n)"),
                   subjectType: "application", subjectID: "app-\(n)", action: "forward",
                   fromStage: "submitted", toStage: "forwarded", reason: reason ?? "reason \(n)",
                   ruleVersion: "jm-innovation-centre@1", explanation: "{\"verdict\":\"eligible\"}",
                   occurredAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(n) + 0.1234))
    }

    @Test("appended rows link to each other and verify")
    func intact() async throws {
        try await TestStorage.withDatabase { db in
            for n in 1...5 {
                try await db.writeTransaction { try await AuditChain.append(Self.entry(n), on: $0) }
            }
            let result = try await AuditChain.verify(on: db)
            #expect(result.isIntact)
            #expect(result.checked == 5)
        }
    }

    @Test("a row edited behind the application's back is reported as the first broken link")
    func editedRow() async throws {
        try await TestStorage.withDatabase { db in
            for n in 1...5 {
                try await db.writeTransaction { try await AuditChain.append(Self.entry(n), on: $0) }
            }
            // MUT: change a reason directly in the database
            try await (db as! any SQLDatabase).raw("UPDATE audit_events SET reason = 'quietly changed' WHERE seq = 3").run()
            // validation
            let result = try await AuditChain.verify(on: db)
            #expect(result.firstBroken == 3)
            #expect(result.problem?.contains("hash mismatch") == true)
        }
    }

    @Test("a deleted row is reported")
    func deletedRow() async throws {
        try await TestStorage.withDatabase { db in
            for n in 1...4 {
                try await db.writeTransaction { try await AuditChain.append(Self.entry(n), on: $0) }
            }
            try await (db as! any SQLDatabase).raw("DELETE FROM audit_events WHERE seq = 2").run()
            let result = try await AuditChain.verify(on: db)
            #expect(result.firstBroken == 2)
        }
    }

    @Test("a deleted last row is reported through the chain head")
    func deletedLastRow() async throws {
        try await TestStorage.withDatabase { db in
            for n in 1...3 {
                try await db.writeTransaction { try await AuditChain.append(Self.entry(n), on: $0) }
            }
            try await (db as! any SQLDatabase).raw("DELETE FROM audit_events WHERE seq = 3").run()
            let result = try await AuditChain.verify(on: db)
            #expect(result.firstBroken == 3)
        }
    }

    @Test("concurrent writers never fork the chain")
    func concurrentAppends() async throws {
        try await TestStorage.withDatabase { db in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...24 {
                    group.addTask { () async throws -> Void in
                        _ = try await db.writeTransaction { try await AuditChain.append(Self.entry(n), on: $0) }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditChain.verify(on: db)
            #expect(result.isIntact)
            #expect(result.checked == 24)
        }
    }

    @Test("a rolled-back change leaves no audit row behind")
    func rollback() async throws {
        try await TestStorage.withDatabase { db in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await db.writeTransaction { tx in
                    try await AuditChain.append(Self.entry(1), on: tx)
                    throw Refused()
                }
            }
            #expect(try await AuditEvent.query(on: db).count() == 0)
            let result = try await AuditChain.verify(on: db)
            #expect(result.isIntact)
            #expect(result.checked == 0)
        }
    }
}
