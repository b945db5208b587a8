import Foundation
import QualityStorage
import Vapor

/// Who reads funds, ledgers and exports: the city bureau (which decides grants) and finance (which pays them).
struct FundViewer: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard user.role == .cityOfficer || user.role == .finance else { return nil }
        self.user = user
    }

    var isFinance: Bool { user.role == .finance }
}

/// Who has grants to look at: enterprises (their own), the city bureau and finance (all).
struct GrantParticipant: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard [.enterprise, .cityOfficer, .finance].contains(user.role) else { return nil }
        if user.role == .enterprise, user.enterpriseID == nil { return nil }
        self.user = user
    }
}

extension Request {
    var grants: GrantService {
        GrantService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor, uploads: qualityCity.uploads)
    }

    var grantApproval: GrantApproval { GrantApproval(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
    var funds: FundService { FundService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
    var disbursements: FundDisbursements { FundDisbursements(database: db, clock: qualityCity.clock) }
    var grantReports: GrantReports { GrantReports(database: db, clock: qualityCity.clock) }
    var fundExports: FundExports { FundExports(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
    var fundHistoryImport: FundHistoryImport { FundHistoryImport(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
}

/// The downloads of the finance pages.
enum FundExportFile: String, CaseIterable, Sendable {
    case grantsCSV = "grants.csv"
    case grantsXLSX = "grants.xlsx"
    case disbursementsCSV = "disbursements.csv"
    case disbursementsXLSX = "disbursements.xlsx"
}

/// The public open-data files (360Giving).
enum OpenDataFile: String, CaseIterable, Sendable {
    case grantsJSON = "grants.json"
    case grantsCSV = "grants.csv"
}

/// The actions on a grant application that have their own POST route.
enum GrantActionPath: String, CaseIterable, Sendable {
    case approve, reject, withdraw, clawback, reports, evidence
}
