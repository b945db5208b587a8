import Fluent
import QualityStorage

/// Deletes the demo city's records, children before parents.
enum DemoCleaner {
    static func removeDemoRecords(on database: any Database) async throws {
        let demoEnterprises = try await Enterprise.query(on: database).filter(\.$isDemo == true).all().compactMap(\.id)
        let demoCalls = try await Call.query(on: database).filter(\.$isDemo == true).all().compactMap(\.id)
        let applications = try await CallApplication.query(on: database).group(.or) {
            $0.filter(\.$call.$id ~~ demoCalls).filter(\.$enterprise.$id ~~ demoEnterprises)
        }.all().compactMap(\.id)
        try await DemoFunds.remove(on: database, enterprises: demoEnterprises, applications: applications)
        let seats = try await PanelAssignment.query(on: database).filter(\.$application.$id ~~ applications).all().compactMap(\.id)
        try await ExpertScore.query(on: database).filter(\.$assignment.$id ~~ seats).delete()
        try await PanelAssignment.query(on: database).filter(\.$id ~~ seats).delete()
        try await Recusal.query(on: database).filter(\.$application.$id ~~ applications).delete()
        try await Complaint.query(on: database).filter(\.$application.$id ~~ applications).delete()
        let titles = try await Title.query(on: database).filter(\.$application.$id ~~ applications).all().compactMap(\.id)
        try await AnnualReport.query(on: database).filter(\.$title.$id ~~ titles).delete()
        try await Rectification.query(on: database).filter(\.$title.$id ~~ titles).delete()
        try await ChangeReport.query(on: database).filter(\.$title.$id ~~ titles).delete()
        try await ReReview.query(on: database).filter(\.$title.$id ~~ titles).delete()
        try await Title.query(on: database).filter(\.$id ~~ titles).delete()
        try await ApplicationMaterial.query(on: database).filter(\.$application.$id ~~ applications).delete()
        try await CallApplication.query(on: database).filter(\.$id ~~ applications).delete()
        let accounts = try await Account.query(on: database).filter(\.$username =~ "demo-").all().compactMap(\.id)
        try await DemoTargets.remove(on: database, accounts: accounts, enterprises: demoEnterprises)
        try await InboxMessage.query(on: database).filter(\.$account.$id ~~ accounts).delete()
        try await UserSession.query(on: database).filter(\.$account.$id ~~ accounts).delete()
        try await EvidenceFile.query(on: database).filter(\.$enterprise.$id ~~ demoEnterprises).delete()
        try await Expert.query(on: database).filter(\.$account.$id ~~ accounts).delete()
        try await Account.query(on: database).filter(\.$id ~~ accounts).delete()
        try await Call.query(on: database).filter(\.$id ~~ demoCalls).delete()
        try await Enterprise.query(on: database).filter(\.$id ~~ demoEnterprises).delete()
        // Quota ledgers count approvals; after removing demo approvals, count what is left.
        for ledger in try await QuotaLedger.query(on: database).all() {
            let calls = try await Call.query(on: database).filter(\.$programmeID == ledger.programmeID).filter(\.$year == ledger.year)
                .all().compactMap(\.id)
            ledger.approved = try await CallApplication.query(on: database).filter(\.$call.$id ~~ calls)
                .filter(\.$stage ~~ [.proposed, .selected]).count()
            try await ledger.update(on: database)
        }
    }
}
