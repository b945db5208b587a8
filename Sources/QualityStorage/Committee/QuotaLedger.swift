import FluentKit
import Foundation

/// How many titles of a programme a year may carry (000: ≤100; 002: ≤5), and how many are taken. The count
/// moves only by conditional updates (`approved < quota`), so two committee members approving at the same
/// moment — on any number of app instances — can never take it past the quota.
public final class QuotaLedger: Model, @unchecked Sendable {
    public static let schema = "quota_ledgers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: String
    @Field(key: "year") public var year: Int
    @Field(key: "quota") public var quota: Int
    @Field(key: "approved") public var approved: Int

    public init() {}

    public var properties: [any AnyProperty] { [$id, $programmeID, $year, $quota, $approved] }

    public init(programmeID: String, year: Int, quota: Int) {
        self.programmeID = programmeID
        self.year = year
        self.quota = quota
        self.approved = 0
    }
}
