import FluentKit
import FluentSQL
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
import Testing

/// A fund's ledger on its own: entries move money between accounts, balances are their sums, the counter
/// row follows them, and nothing overdraws — one at a time, at random, and all at once.
@Suite("Fund ledger")
struct LedgerTests {
    static let actor = AuditActor(accountID: nil, role: "finance", name: "测试会计")
    static let day = CalendarDate(year: 2026, month: 11, day: 24)!

    static func makeFund(on db: any Database, year: Int = 2026, programme: String? = nil) async throws -> UUID {
        let fund = Fund(policyID: "sz-quality-brand-measures-2023", programmeID: programme ?? "p-\(UUID().uuidString.prefix(8))", year: year,
                        nameZh: "测试资金", nameEn: "Test fund", source: .cityBudget, funderName: "测试局")
        try await fund.create(on: db)
        try await FundBalance(fundID: fund.id!).create(on: db)
        return fund.id!
    }

    static func post(_ movement: LedgerMovement, _ fen: Int64, fund: UUID, on db: any Database) async throws -> LedgerEntry {
        try await db.writeTransaction { tx in
            try await FundLedger.post(.init(movement, amount: Money(fen: fen), memo: movement.rawValue, actor: actor,
                                            at: Date(timeIntervalSince1970: 1_790_000_000), on: day), fundID: fund, on: tx)
        }
    }

    @Test("each movement is one entry between two accounts; balances are the sums and the counter follows")
    func movements() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let fund = try await Self.makeFund(on: db)
            // MUT
            _ = try await Self.post(.appropriation, 1_000_000, fund: fund, on: db)
            _ = try await Self.post(.commitment, 300_000, fund: fund, on: db)
            _ = try await Self.post(.disbursement, 200_000, fund: fund, on: db)
            _ = try await Self.post(.release, 100_000, fund: fund, on: db)
            _ = try await Self.post(.clawback, 50_000, fund: fund, on: db)
            let last = try await Self.post(.reduction, 100_000, fund: fund, on: db)
            // validation
            let balances = try await FundLedger.balances(fundID: fund, on: db)
            #expect(balances.appropriated == Money(fen: 900_000))
            #expect(balances.available == 700_000)
            #expect(balances.committed == 0)
            #expect(balances.disbursed == 150_000)
            #expect(balances.clawedBack == 50_000)
            #expect(balances.entries == 6)
            #expect(balances.isBalanced && balances.isNonNegative)
            #expect(try await FundLedger.counter(fundID: fund, on: db) == balances)
            #expect(last.sequence == 6)
            let entries = try await LedgerEntry.query(on: db).filter(\.$fund.$id == fund).sort(\.$sequence).all()
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5, 6])
            #expect(entries.allSatisfy { $0.amount > 0 && $0.fromAccount != $0.toAccount })
        }
    }

    @Test("exactly enough is taken; one fen short is refused with the balance, and nothing is written")
    func boundary() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let fund = try await Self.makeFund(on: db)
            _ = try await Self.post(.appropriation, 500_000, fund: fund, on: db)
            _ = try await Self.post(.commitment, 200_000, fund: fund, on: db)
            // MUT: one fen more than is left
            await #expect(throws: FundLedger.Refusal.insufficient(account: .available, balance: Money(fen: 300_000), needed: Money(fen: 300_001))) {
                _ = try await Self.post(.commitment, 300_001, fund: fund, on: db)
            }
            // validation: unchanged, then exactly what is left goes through
            #expect(try await FundLedger.balances(fundID: fund, on: db).entries == 2)
            _ = try await Self.post(.commitment, 300_000, fund: fund, on: db)
            let balances = try await FundLedger.balances(fundID: fund, on: db)
            #expect(balances.available == 0 && balances.committed == 500_000)
            #expect(try await FundLedger.counter(fundID: fund, on: db) == balances)
        }
    }

    @Test("zero, negative and unknown funds are refused")
    func refusals() async throws {
        try await TestStorage.withDatabase { db in
            let fund = try await Self.makeFund(on: db)
            await #expect(throws: FundLedger.Refusal.notPositive) { _ = try await Self.post(.appropriation, 0, fund: fund, on: db) }
            await #expect(throws: FundLedger.Refusal.notPositive) { _ = try await Self.post(.appropriation, -5, fund: fund, on: db) }
            await #expect(throws: FundLedger.Refusal.unknownFund) { _ = try await Self.post(.appropriation, 5, fund: UUID(), on: db) }
            #expect(try await LedgerEntry.query(on: db).count() == 0)
        }
    }

    @Test("twenty commitments at the same moment against money for five: exactly five go through")
    func concurrentCommitments() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let fund = try await Self.makeFund(on: db)
            _ = try await Self.post(.appropriation, 5 * 100_000, fund: fund, on: db)
            // MUT
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            _ = try await Self.post(.commitment, 100_000, fund: fund, on: db)
                            return true
                        } catch is FundLedger.Refusal {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // validation
            #expect(outcomes.filter { $0 }.count == 5)
            let balances = try await FundLedger.balances(fundID: fund, on: db)
            #expect(balances.available == 0 && balances.committed == 500_000 && balances.entries == 6)
            #expect(try await FundLedger.counter(fundID: fund, on: db) == balances)
        }
    }

    @Test("a funded matter can be claimed once per enterprise; a counter never passes its limit")
    func claimsAndCounters() async throws {
        try await TestStorage.withDatabase { db in
            // setup
            let enterprise = Enterprise(creditCode: "91440300MA5QC00056", name: "测试企业", city: "深圳市", district: "南山区", factsJSON: "{}")
            try await enterprise.create(on: db)
            let claim = { (policy: String) in
                try await db.writeTransaction { tx in
                    try await GrantMatter.claim(enterpriseID: enterprise.id!, matter: "certificate:C-1", policyID: policy, programmeID: "x",
                                                grantID: nil, priorGrantID: nil, grantedOn: Self.day, amount: Money(fen: 1), on: tx)
                }
            }
            // MUT + validation: the same certificate under two policies
            #expect(try await claim("sz-quality-brand-measures-2023"))
            #expect(try await claim("sz-quality-brand-fund-draft") == false)
            let key = GrantCounter.perYearKey(enterpriseID: enterprise.id!, programmeID: "x", year: 2026)
            try await db.writeTransaction { tx in try await GrantCounter.ensure(key: key, limit: 3, used: 1, on: tx) }
            try await db.writeTransaction { tx in try await GrantCounter.ensure(key: key, limit: 9, used: 0, on: tx) }
            #expect(try await db.writeTransaction { try await GrantCounter.take(key: key, count: 2, on: $0) })
            #expect(try await db.writeTransaction { try await GrantCounter.take(key: key, count: 1, on: $0) } == false)
            try await db.writeTransaction { try await GrantCounter.give(key: key, count: 1, on: $0) }
            #expect(try await db.writeTransaction { try await GrantCounter.take(key: key, count: 1, on: $0) })
            let counter = try #require(try await GrantCounter.query(on: db).filter(\.$key == key).first())
            #expect(counter.used == 3 && counter.limit == 3)
        }
    }
}
