import FluentKit
import Foundation
import QualityRules

/// The accounts of a fund's ledger. Money only ever moves between two of them, in one entry.
///
/// `budget` is the source: appropriating money moves it from `budget` to `available`, so the budget
/// account's balance is minus what has been appropriated. Every other account's balance is never negative.
public enum LedgerAccount: String, Codable, CaseIterable, Sendable {
    /// 预算来源: the appropriation (balance = −appropriated).
    case budget
    /// 可用余额: appropriated and not yet committed.
    case available
    /// 已承诺（已批准待拨付）: approved grants not yet paid.
    case committed
    /// 已拨付
    case disbursed
    /// 已追回: paid money reclaimed after a revocation for fraud.
    case clawedBack = "clawed_back"

    /// The counter column that mirrors this account in `fund_balances`.
    public var column: String { rawValue }
}

/// The movements the ledger knows: each is one entry from one account to another.
public enum LedgerMovement: String, Codable, CaseIterable, Sendable {
    /// 预算下达: budget → available.
    case appropriation
    /// 预算调减: available → budget (unused money returned).
    case reduction
    /// 批准资助: available → committed.
    case commitment
    /// 撤销承诺: committed → available (an approval undone before payment, e.g. a title revoked).
    case release
    /// 拨付: committed → disbursed.
    case disbursement
    /// 追回: disbursed → clawed back.
    case clawback

    public var from: LedgerAccount {
        switch self {
        case .appropriation: .budget
        case .reduction, .commitment: .available
        case .release, .disbursement: .committed
        case .clawback: .disbursed
        }
    }

    public var to: LedgerAccount {
        switch self {
        case .appropriation, .release: .available
        case .reduction: .budget
        case .commitment: .committed
        case .disbursement: .disbursed
        case .clawback: .clawedBack
        }
    }
}

/// One entry of a fund's ledger: `amount` moved from `fromAccount` to `toAccount`. Entries are only ever
/// inserted; a mistake is corrected by a further entry, never by editing one. `sequence` numbers a fund's
/// entries 1, 2, 3… without gaps (it is taken from the fund's counter row in the same statement that moves
/// the money).
public final class LedgerEntry: Model, @unchecked Sendable {
    public static let schema = "ledger_entries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "fund_id") public var fund: Fund
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "movement") public var movement: LedgerMovement
    @Field(key: "from_account") public var fromAccount: LedgerAccount
    @Field(key: "to_account") public var toAccount: LedgerAccount
    /// Fen, always positive.
    @Field(key: "amount") public var amount: Int64
    @OptionalField(key: "grant_id") public var grantID: UUID?
    @OptionalField(key: "batch_id") public var batchID: UUID?
    @Field(key: "memo") public var memo: String
    @OptionalField(key: "actor_account_id") public var actorAccountID: UUID?
    @Field(key: "actor_name") public var actorName: String
    @Field(key: "recorded_at") public var recordedAt: Date
    @Field(key: "recorded_on") public var recordedOn: CalendarDate

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $fund, $sequence, $movement, $fromAccount, $toAccount, $amount, $grantID, $batchID, $memo, $actorAccountID,
         $actorName, $recordedAt, $recordedOn]
    }

    public var money: Money { Money(fen: amount) }
}

/// The balance of every account of a fund, in fen.
public struct FundBalances: Sendable, Hashable, Codable {
    public var budget: Int64 = 0
    public var available: Int64 = 0
    public var committed: Int64 = 0
    public var disbursed: Int64 = 0
    public var clawedBack: Int64 = 0
    /// How many entries the fund has.
    public var entries: Int = 0

    public init() {}

    public subscript(account: LedgerAccount) -> Int64 {
        get {
            switch account {
            case .budget: budget
            case .available: available
            case .committed: committed
            case .disbursed: disbursed
            case .clawedBack: clawedBack
            }
        }
        set {
            switch account {
            case .budget: budget = newValue
            case .available: available = newValue
            case .committed: committed = newValue
            case .disbursed: disbursed = newValue
            case .clawedBack: clawedBack = newValue
            }
        }
    }

    /// What has been appropriated in all (the budget account's balance, negated).
    public var appropriated: Money { Money(fen: -budget) }

    /// Double entry: the accounts always add up to zero.
    public var isBalanced: Bool { LedgerAccount.allCases.reduce(Int64(0)) { $0 + self[$1] } == 0 }

    /// No account but the source is below zero.
    public var isNonNegative: Bool { LedgerAccount.allCases.allSatisfy { $0 == .budget || self[$0] >= 0 } }
}

/// The counter row of a fund: the balances of `FundBalances`, moved only by conditional updates in the same
/// transaction as the entries they mirror, so that two approvals can never take the same money. A test
/// checks that it always equals the sum of the entries.
public final class FundBalance: Model, @unchecked Sendable {
    public static let schema = "fund_balances"

    /// The fund's id.
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "budget") public var budget: Int64
    @Field(key: "available") public var available: Int64
    @Field(key: "committed") public var committed: Int64
    @Field(key: "disbursed") public var disbursed: Int64
    @Field(key: "clawed_back") public var clawedBack: Int64
    @Field(key: "entries") public var entries: Int

    public init() {}

    public var properties: [any AnyProperty] { [$id, $budget, $available, $committed, $disbursed, $clawedBack, $entries] }

    public init(fundID: UUID) {
        self.id = fundID
        self.budget = 0
        self.available = 0
        self.committed = 0
        self.disbursed = 0
        self.clawedBack = 0
        self.entries = 0
    }

    public var balances: FundBalances {
        var result = FundBalances()
        result.budget = budget
        result.available = available
        result.committed = committed
        result.disbursed = disbursed
        result.clawedBack = clawedBack
        result.entries = entries
        return result
    }
}
