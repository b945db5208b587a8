import Fluent
import Foundation
import QualityRules
import QualityStorage

/// 002 第十一条: the grantee keeps the grant under a financial system and makes a fund-use plan (资金使用计划),
/// and within the title's validity sends each year, by 31 January, its report on the year before. Grants
/// made with a title (002) owe both; the yearly report is the title's own (`AnnualReport`, filed on the
/// title's page with its fund use), so it is not asked twice. Other grantees may file plans and reports here.
struct GrantReports: Sendable {
    let database: any Database
    let clock: any WallClock

    var today: CalendarDate { clock.today() }

    /// A report a grant owes: the plan (year 0) or the report on `year`, due by `dueOn` (nil: no date set).
    struct Due: Sendable, Equatable {
        var grantID: UUID
        var kind: FundUseReportKind
        var year: Int
        var dueOn: CalendarDate?
        var overdue: Bool
    }

    static let reportingStages: [GrantStage] = [.approved, .disbursed]

    func reports(of grantID: UUID) async throws -> [FundUseReport] {
        try await FundUseReport.query(on: database).filter(\.$grant.$id == grantID).sort(\.$year).all()
    }

    /// The yearly reports filed for the grant's title (with their fund use).
    func titleReports(of grant: GrantApplication) async throws -> [AnnualReport] {
        guard let titleID = grant.titleID else { return [] }
        return try await AnnualReport.query(on: database).filter(\.$title.$id == titleID).sort(\.$year).all()
    }

    /// What the grant still owes today.
    func due(_ grant: GrantApplication) async throws -> [Due] {
        guard grant.origin == .title, Self.reportingStages.contains(grant.stage), let decided = grant.decidedOn, let id = grant.id else { return [] }
        var filed = Set(try await reports(of: id).map { "\($0.kind.rawValue):\($0.year)" })
        var validUntil: CalendarDate?
        if let titleID = grant.titleID {
            validUntil = try await Title.find(titleID, on: database)?.validUntil
            for report in try await titleReports(of: grant) { filed.insert("annual:\(report.year)") }
        }
        var result: [Due] = []
        if !filed.contains("plan:0") { result.append(Due(grantID: id, kind: .plan, year: 0, dueOn: nil, overdue: false)) }
        let lastYear = min(today.year - 1, validUntil?.year ?? today.year - 1)
        if decided.year <= lastYear {
            for year in decided.year...lastYear where !filed.contains("annual:\(year)") {
                let dueOn = CalendarDate(year: year + 1, month: 1, day: 31)!
                result.append(Due(grantID: id, kind: .annual, year: year, dueOn: dueOn, overdue: today > dueOn))
            }
        }
        return result
    }

    /// Every overdue report of every grant, for the city bureau.
    func overdue() async throws -> [(GrantApplication, Due)] {
        let grants = try await GrantApplication.query(on: database).filter(\.$origin == .title)
            .filter(\.$stage ~~ Self.reportingStages).with(\.$enterprise).all()
        var result: [(GrantApplication, Due)] = []
        for grant in grants {
            for due in try await due(grant) where due.overdue { result.append((grant, due)) }
        }
        return result
    }

    func submit(_ enterprise: EnterpriseUser, grant: GrantApplication, kind rawKind: String, year rawYear: String,
                text rawText: String, spent rawSpent: String) async throws -> FundUseReport {
        guard Self.reportingStages.contains(grant.stage), let grantID = grant.id else {
            throw AppError.conflict(Strings.Funds.reportsOnlyWhenGranted)
        }
        var problems: [String: LocalizedText] = [:]
        let kind = FundUseReportKind(rawValue: rawKind)
        if kind == nil { problems["kind"] = Strings.Funds.badReportKind }
        if kind == .annual, grant.origin == .title, let titleID = grant.titleID {
            throw AppError.conflict(Strings.Funds.annualWithTitle(SiteURL.title(.value(titleID)).path))
        }
        var year = 0
        if kind == .annual {
            let decidedYear = grant.decidedOn?.year ?? today.year
            if let value = Int(rawYear.trimmingCharacters(in: .whitespaces)), value >= decidedYear, value < today.year {
                year = value
            } else {
                problems["year"] = Strings.Funds.reportYear(from: decidedYear, to: today.year - 1)
            }
        }
        let text = rawText.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 10 { problems["text"] = Strings.Funds.reportTooShort }
        if text.count > 5000 { problems["text"] = Strings.Form.tooLong(5000) }
        var spent: Money?
        let spentText = rawSpent.trimmingCharacters(in: .whitespaces)
        if !spentText.isEmpty {
            switch Money.parse(yuan: spentText) {
            case .success(let money): spent = money
            case .failure(let error): problems["spent"] = error.message
            }
        }
        guard problems.isEmpty, let kind else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }
        if try await FundUseReport.query(on: database).filter(\.$grant.$id == grantID).filter(\.$kind == kind).filter(\.$year == year).first() != nil {
            throw AppError.conflict(Strings.Funds.reportExists(kind, year: year))
        }
        let report = FundUseReport(grantID: grantID, kind: kind, year: year, text: text, spent: spent, fileID: nil,
                                   submittedAt: clock.now(), submittedBy: enterprise.user.displayName)
        let at = clock.now()
        let reportYear = year
        do {
            try await database.writeTransaction { tx in
                try await report.create(on: tx)
                try await AuditChain.append(AuditEntry(actor: enterprise.user.auditActor, subjectType: "grant", subjectID: grantID.uuidString,
                                                       action: "fund_use_\(kind.rawValue)", reason: kind == .annual ? String(reportYear) : nil,
                                                       occurredAt: at), on: tx)
            }
        } catch {
            // A double click: the unique (grant, kind, year) kept the first.
            throw AppError.conflict(Strings.Funds.reportExists(kind, year: year))
        }
        return report
    }
}
