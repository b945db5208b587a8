import FluentKit
import Foundation
import QualityRules

public enum BatchStage: String, Codable, CaseIterable, Sendable {
    /// Assembled by finance; its grants are still committed, not paid.
    case open
    /// Paid: every grant in it moved from committed to disbursed, with the payment reference.
    case paid
}

/// A disbursement batch (拨付批次): approved grants of one fund paid together with one bank transfer.
public final class DisbursementBatch: Model, @unchecked Sendable {
    public static let schema = "disbursement_batches"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "fund_id") public var fund: Fund
    @Field(key: "label") public var label: String
    @Field(key: "stage") public var stage: BatchStage
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "created_by") public var createdBy: String
    @OptionalField(key: "paid_on") public var paidOn: CalendarDate?
    @OptionalField(key: "payment_reference") public var paymentReference: String?
    @OptionalField(key: "paid_by") public var paidBy: String?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $fund, $label, $stage, $createdAt, $createdBy, $paidOn, $paymentReference, $paidBy]
    }

    public init(id: UUID = UUID(), fundID: UUID, label: String, createdAt: Date, createdBy: String) {
        self.id = id
        self.$fund.id = fundID
        self.label = label
        self.stage = .open
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

public enum FundUseReportKind: String, Codable, CaseIterable, Sendable {
    /// 资金使用计划 (002 第十一条)
    case plan
    /// 年度工作总结 / 资金使用情况（每年 1 月 31 日前，上一年度）
    case annual
}

/// A grantee's fund-use plan, or its yearly report on the previous year (002 第十一条).
public final class FundUseReport: Model, @unchecked Sendable {
    public static let schema = "fund_use_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "grant_id") public var grant: GrantApplication
    @Field(key: "kind") public var kind: FundUseReportKind
    /// The year reported on; 0 for the plan.
    @Field(key: "year") public var year: Int
    @Field(key: "text") public var text: String
    /// Fen the grantee says it spent in the year (annual reports).
    @OptionalField(key: "spent") public var spent: Int64?
    @OptionalParent(key: "file_id") public var file: EvidenceFile?
    @Field(key: "submitted_at") public var submittedAt: Date
    @Field(key: "submitted_by") public var submittedBy: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $grant, $kind, $year, $text, $spent, $file, $submittedAt, $submittedBy] }

    public init(grantID: UUID, kind: FundUseReportKind, year: Int, text: String, spent: Money?, fileID: UUID?,
                submittedAt: Date, submittedBy: String) {
        self.$grant.id = grantID
        self.kind = kind
        self.year = year
        self.text = text
        self.spent = spent?.fen
        self.$file.id = fileID
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
    }
}
