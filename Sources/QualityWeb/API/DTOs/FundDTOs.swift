import Foundation
import QualityRules
import QualityStorage
import Vapor

// Money leaves the API as integer fen and comes in as text in yuan ("100000", "12.50"), parsed strictly:
// a negative amount or one finer than a fen is refused, never rounded.

struct FundBalancesDTO: Content, Equatable {
    /// What has been appropriated in all.
    var appropriated: Int64
    var available: Int64
    var committed: Int64
    var disbursed: Int64
    var clawedBack: Int64
    var entries: Int

    init(_ balances: FundBalances) {
        appropriated = balances.appropriated.fen
        available = balances.available
        committed = balances.committed
        disbursed = balances.disbursed
        clawedBack = balances.clawedBack
        entries = balances.entries
    }
}

struct FundDTO: Content {
    var id: UUID
    var policyId: String
    var programmeId: String?
    var year: Int
    var name: LocalizedText
    var source: FundSource
    var funderName: String
    var funderCreditCode: String?
    var sandbox: Bool
    /// Summed from the ledger's entries.
    var balances: FundBalancesDTO

    init(_ overview: FundService.Overview) {
        let fund = overview.fund
        id = fund.id!
        policyId = fund.policyID
        programmeId = fund.programmeID
        year = fund.year
        name = fund.name
        source = fund.source
        funderName = fund.funderName
        funderCreditCode = fund.funderCreditCode
        sandbox = fund.sandbox
        balances = FundBalancesDTO(overview.balances)
    }
}

struct FundListDTO: Content {
    var funds: [FundDTO]
}

struct LedgerEntryDTO: Content {
    var id: UUID
    var sequence: Int
    var movement: LedgerMovement
    var from: LedgerAccount
    var to: LedgerAccount
    var amount: Int64
    var grantId: UUID?
    var batchId: UUID?
    var memo: String
    var actorName: String
    var recordedOn: CalendarDate
    var recordedAt: Date

    init(_ entry: LedgerEntry) {
        id = entry.id!
        sequence = entry.sequence
        movement = entry.movement
        from = entry.fromAccount
        to = entry.toAccount
        amount = entry.amount
        grantId = entry.grantID
        batchId = entry.batchID
        memo = entry.memo
        actorName = entry.actorName
        recordedOn = entry.recordedOn
        recordedAt = entry.recordedAt
    }
}

struct FundDetailDTO: Content {
    var fund: FundDTO
    /// The counter row approvals test against; always equal to `fund.balances`.
    var counter: FundBalancesDTO?
    var reconciled: Bool
    /// Newest first.
    var entries: [LedgerEntryDTO]
}

/// `POST /api/v1/funds`
struct CreateFundInput: APIInput {
    var policyId: String
    var programmeId: String?
    var year: Int
    var nameZh: String?
    var nameEn: String?
    var source: FundSource?
    var funderName: String?
    var funderCreditCode: String?
    /// Yuan, as text.
    var budget: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case policyId, programmeId, year, nameZh, nameEn, source, funderName, funderCreditCode, budget
    }
}

/// `POST /api/v1/funds/{fundId}/movements`
struct FundMovementInput: APIInput {
    var movement: LedgerMovement
    var amount: String
    var memo: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case movement, amount, memo
    }
}

struct GrantClaimDTO: Content {
    var tier: String?
    var officerAmount: Int64?
    var reason: String?
    var score: Int?
    var maximumScore: Int?
    var rank: Int?
}

struct FundUseReportDTO: Content {
    var kind: FundUseReportKind
    /// 0 for the plan.
    var year: Int
    var text: String
    var spent: Int64?
    var submittedAt: Date
    var submittedBy: String
}

struct DueReportDTO: Content {
    var kind: FundUseReportKind
    var year: Int
    var dueOn: CalendarDate?
    var overdue: Bool
}

struct GrantEnterpriseDTO: Content {
    var name: String
    var creditCode: String
}

struct GrantDTO: Content {
    var id: UUID
    var reference: String
    var fundId: UUID?
    var enterprise: GrantEnterpriseDTO
    var policyId: String
    var programmeId: String
    var programmeTitle: LocalizedText
    var origin: GrantOrigin
    var titleId: UUID?
    var stage: GrantStage
    var matters: [String]
    var claim: GrantClaimDTO
    var findings: [String: Bool]
    var statement: String
    var offered: Int64?
    var cap: Int64?
    var approvedAmount: Int64?
    var disbursedAmount: Int64?
    var engineVerdict: String?
    var ruleVersion: String?
    var decidedOn: CalendarDate?
    var decisionReason: String?
    var batchId: UUID?
    var paidOn: CalendarDate?
    var paymentReference: String?
    var endedReason: String?
    var sandbox: Bool
    var version: Int
    var submittedAt: Date
    var reports: [FundUseReportDTO]?
    var dueReports: [DueReportDTO]?

    init(_ grant: GrantApplication, title: LocalizedText, reports: [FundUseReport]? = nil, due: [GrantReports.Due]? = nil) {
        id = grant.id!
        reference = grant.reference
        fundId = grant.$fund.id
        enterprise = GrantEnterpriseDTO(name: grant.enterprise.name, creditCode: grant.enterprise.creditCode)
        policyId = grant.policyID
        programmeId = grant.programmeID
        programmeTitle = title
        origin = grant.origin
        titleId = grant.titleID
        stage = grant.stage
        matters = grant.matters
        let claim = grant.claim
        self.claim = GrantClaimDTO(tier: claim.tier, officerAmount: claim.officerAmount?.fen, reason: claim.reason, score: claim.score,
                                   maximumScore: claim.maximumScore, rank: claim.rank)
        findings = grant.findings
        statement = grant.statement
        offered = grant.offered
        cap = grant.cap
        approvedAmount = grant.approvedAmount
        disbursedAmount = grant.disbursedAmount
        engineVerdict = grant.engineVerdict
        ruleVersion = grant.ruleVersion
        decidedOn = grant.decidedOn
        decisionReason = grant.decisionReason
        batchId = grant.batchID
        paidOn = grant.paidOn
        paymentReference = grant.paymentReference
        endedReason = grant.endedReason
        sandbox = grant.sandbox
        version = grant.version
        submittedAt = grant.submittedAt
        self.reports = reports?.map { FundUseReportDTO(kind: $0.kind, year: $0.year, text: $0.text, spent: $0.spent,
                                                       submittedAt: $0.submittedAt, submittedBy: $0.submittedBy) }
        dueReports = due?.map { DueReportDTO(kind: $0.kind, year: $0.year, dueOn: $0.dueOn, overdue: $0.overdue) }
    }
}

struct GrantListDTO: Content {
    var grants: [GrantDTO]
}

/// `POST /api/v1/grants`
struct ApplyGrantInput: APIInput {
    var fundId: String
    var programmeId: String
    var matters: [String]?
    var tier: String?
    var statement: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fundId, programmeId, matters, tier, statement
    }
}

/// `POST /api/v1/grants/{grantId}/approve`
struct ApproveGrantInput: APIInput {
    var version: Int
    var fundId: String?
    /// Yuan, as text; for "up to" items.
    var amount: String?
    var reason: String?
    var tier: String?
    var score: Int?
    var maximumScore: Int?
    var rank: Int?
    var findings: [String: Bool]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, fundId, amount, reason, tier, score, maximumScore, rank, findings
    }
}

/// `POST /api/v1/grants/{grantId}/reject`
struct RejectGrantInput: APIInput {
    var version: Int
    var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, reason
    }
}

/// `POST /api/v1/grants/{grantId}/withdraw`
struct WithdrawGrantInput: APIInput {
    var version: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version
    }
}

/// `POST /api/v1/grants/{grantId}/clawback`
struct ClawbackInput: APIInput {
    var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case reason
    }
}

/// `POST /api/v1/grants/{grantId}/reports`
struct FundUseReportInput: APIInput {
    var kind: String
    var year: Int?
    var text: String
    var spent: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, year, text, spent
    }
}

struct BatchDTO: Content {
    var id: UUID
    var fundId: UUID
    var label: String
    var stage: BatchStage
    var total: Int64
    var paidOn: CalendarDate?
    var paymentReference: String?
    var grantIds: [UUID]

    init(_ batch: FundDisbursements.Batch) {
        id = batch.batch.id!
        fundId = batch.batch.$fund.id
        label = batch.batch.label
        stage = batch.batch.stage
        total = batch.total.fen
        paidOn = batch.batch.paidOn
        paymentReference = batch.batch.paymentReference
        grantIds = batch.grants.compactMap(\.id)
    }
}

struct BatchListDTO: Content {
    var batches: [BatchDTO]
}

/// `POST /api/v1/disbursements`
struct CreateBatchInput: APIInput {
    var label: String
    var grantIds: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, grantIds
    }
}

/// `POST /api/v1/disbursements/{batchId}/paid`
struct MarkPaidInput: APIInput {
    var paymentReference: String
    var paidOn: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case paymentReference, paidOn
    }
}

struct HistoryImportDTO: Content {
    struct RowError: Content {
        var row: Int
        var column: String
        var message: LocalizedText
    }

    var imported: Int
    var errors: [RowError]
}
