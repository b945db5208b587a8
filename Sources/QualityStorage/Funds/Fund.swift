import FluentKit
import Foundation
import QualityRules

/// Where a fund's money comes from (002 第九条: "资助资金由市本级财政承担").
public enum FundSource: String, Codable, CaseIterable, Sendable {
    /// 市本级财政
    case cityBudget = "city_budget"
    /// 区级财政
    case districtBudget = "district_budget"
    /// 省级转移支付
    case provincialTransfer = "provincial_transfer"
    /// 中央转移支付
    case centralTransfer = "central_transfer"
    case other
}

/// A special fund (专项资金): the money one policy (optionally one measure of it) may pay out in one year.
///
/// A fund holds no balance of its own. What it has, has committed and has paid is the sum of its ledger
/// entries (`LedgerEntry`); `FundBalance` keeps the same sums as a counter so that approvals can take money
/// with one conditional update.
public final class Fund: Model, @unchecked Sendable {
    public static let schema = "funds"

    @ID(key: .id) public var id: UUID?
    /// `policy/programme-or-*/year`: at most one fund per scope.
    @Field(key: "scope_key") public var scopeKey: String
    @Field(key: "policy_id") public var policyID: String
    /// Set when the fund pays for one measure only (004 item 3); nil when it pays for every item of the policy.
    @OptionalField(key: "programme_id") public var programmeID: String?
    @Field(key: "year") public var year: Int
    @Field(key: "name_zh") public var nameZh: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "source") public var source: FundSource
    /// The organisation that pays (市市场监督管理局), for open data.
    @Field(key: "funder_name") public var funderName: String
    @OptionalField(key: "funder_credit_code") public var funderCreditCode: String?
    /// A fund of a draft policy (003), for the policy sandbox only: never offered to enterprises, never
    /// exported as open data.
    @Field(key: "sandbox") public var sandbox: Bool
    @Field(key: "is_demo") public var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $scopeKey, $policyID, $programmeID, $year, $nameZh, $nameEn, $source, $funderName, $funderCreditCode, $sandbox,
         $isDemo, $createdAt]
    }

    public init(id: UUID? = nil, policyID: String, programmeID: String?, year: Int, nameZh: String, nameEn: String,
                source: FundSource, funderName: String, funderCreditCode: String? = nil, sandbox: Bool = false, isDemo: Bool = false) {
        self.id = id
        self.scopeKey = Fund.scopeKey(policyID: policyID, programmeID: programmeID, year: year)
        self.policyID = policyID
        self.programmeID = programmeID
        self.year = year
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.source = source
        self.funderName = funderName
        self.funderCreditCode = funderCreditCode
        self.sandbox = sandbox
        self.isDemo = isDemo
    }

    public static func scopeKey(policyID: String, programmeID: String?, year: Int) -> String {
        "\(policyID)/\(programmeID ?? "*")/\(year)"
    }

    public var name: LocalizedText { LocalizedText(zh: nameZh, en: nameEn) }

    /// Whether a grant of `programme` under `policy` may be paid from this fund.
    public func covers(policyID: String, programmeID: String) -> Bool {
        self.policyID == policyID && (self.programmeID == nil || self.programmeID == programmeID)
    }
}
