import FluentKit
import Foundation
import QualityStorage
import Testing

/// Every model lists its Fluent properties (`properties`) instead of letting FluentKit find them by
/// reflection on each query, row and insert. A list that misses a property would silently stop reading or
/// writing that column, so each list is checked here against what reflection finds, in order.
@Suite("Models list their properties")
struct ModelPropertiesTests {
    static let models: [any Model.Type] = [
        Account.self, UserSession.self, LoginThrottle.self, CallApplication.self, EvidenceFile.self, ApplicationMaterial.self,
        AuditEvent.self, AuditHead.self, Call.self, QuotaLedger.self, CreditRecord.self, Enterprise.self, DisbursementBatch.self,
        FundUseReport.self, Fund.self, GrantApplication.self, GrantEvidence.self, GrantMatter.self, GrantCounter.self,
        PriorGrant.self, LedgerEntry.self, FundBalance.self, InboxMessage.self, Job.self, AnnualReport.self, Rectification.self,
        ChangeReport.self, ReReview.self, PerformanceEvaluation.self, Complaint.self, RegistryImport.self, MatchRun.self,
        MatchCandidate.self, SandboxDraft.self, Expert.self, PanelAssignment.self, Recusal.self, ExpertScore.self, Setting.self,
        Department.self, CityIndicator.self, IndicatorDepartment.self, ReportingPeriod.self, IndicatorReport.self, Title.self,
    ]

    @Test("each model's list is exactly its property wrappers, in declaration order", arguments: models.map { ModelType($0) })
    func listed(_ type: ModelType) {
        let model = type.type.init()
        let reflected = Mirror(reflecting: model).children.compactMap { child -> (String, any AnyProperty)? in
            (child.value as? any AnyProperty).map { (String((child.label ?? "?").dropFirst()), $0) }
        }
        let listed = model.properties
        let names = reflected.map(\.0)
        #expect(listed.count == reflected.count, "\(type): lists \(listed.count) properties, declares \(reflected.count): \(names)")
        for (index, (name, property)) in reflected.enumerated() where index < listed.count {
            #expect(listed[index] === property, "\(type): property \(index) should be $\(name)")
        }
    }

    @Test("the list is what Fluent reads and writes: a query selects every column")
    func keys() {
        // `CallApplication.keys` is FluentKit's own use of `properties`; the reflected wrappers' keys must all be there.
        let reflected = Mirror(reflecting: CallApplication()).children.compactMap { $0.value as? any AnyDatabaseProperty }
        #expect(Set(CallApplication.keys.map(\.description)) == Set(reflected.flatMap(\.keys).map(\.description)))
    }

    /// A model type that the test's arguments can name.
    struct ModelType: CustomStringConvertible, Sendable {
        let type: any Model.Type
        init(_ type: any Model.Type) { self.type = type }
        var description: String { "\(type)" }
    }
}
