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
        try await ApplicationMaterial.query(on: database).filter(\.$application.$id ~~ applications).delete()
        try await CallApplication.query(on: database).filter(\.$id ~~ applications).delete()
        let accounts = try await Account.query(on: database).filter(\.$username =~ "demo-").all().compactMap(\.id)
        try await InboxMessage.query(on: database).filter(\.$account.$id ~~ accounts).delete()
        try await UserSession.query(on: database).filter(\.$account.$id ~~ accounts).delete()
        try await EvidenceFile.query(on: database).filter(\.$enterprise.$id ~~ demoEnterprises).delete()
        try await Account.query(on: database).filter(\.$id ~~ accounts).delete()
        try await Call.query(on: database).filter(\.$id ~~ demoCalls).delete()
        try await Enterprise.query(on: database).filter(\.$id ~~ demoEnterprises).delete()
    }
}
