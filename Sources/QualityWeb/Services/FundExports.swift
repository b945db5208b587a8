import Fluent
import Foundation
import QualityRules
import QualityStorage
import Spreadsheet

/// What finance officers open (grants and disbursements as CSV and XLSX), and what the public may reuse:
/// the grants as open data in the shape of the 360Giving standard (JSON and CSV). Sandbox grants (003 drafts)
/// never appear.
struct FundExports: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    enum Format: String, Sendable {
        case csv, xlsx, json

        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .json: "application/json"
            }
        }
    }

    private func grants(stages: [GrantStage]? = nil) async throws -> [GrantApplication] {
        let query = GrantApplication.query(on: database).filter(\.$sandbox == false).with(\.$enterprise).with(\.$fund)
        if let stages { query.filter(\.$stage ~~ stages) }
        return try await query.sort(\.$submittedAt).all()
    }

    private func title(_ programmeID: String) -> LocalizedText { GrantEngine.title(of: programmeID, assessor: assessor) }

    private static func day(_ date: CalendarDate?) -> Cell {
        guard let date, let sheet = SheetDate(year: date.year, month: date.month, day: date.day) else { return .empty }
        return .date(sheet)
    }

    private static func money(_ fen: Int64?) -> Cell { fen.map { .fixed($0, scale: 2) } ?? .empty }

    // MARK: Finance

    func grantsTable(_ language: Language) async throws -> Table {
        let rows: [Row] = try await grants().map { grant in
            let clawed: Int64? = grant.stage == .clawedBack ? grant.disbursedAmount : nil
            return Row([
                .text(grant.reference), .text(grant.enterprise.creditCode), .text(grant.enterprise.name), .text(grant.policyID),
                .text(grant.programmeID), .text(title(grant.programmeID).text(language)), .text(grant.fund?.name.text(language) ?? ""),
                .text(grant.fund.map { Strings.Funds.source($0.source).text(language) } ?? ""),
                .text(grant.matters.joined(separator: "; ")), .text(Strings.Funds.stage(grant.stage).text(language)),
                Self.money(grant.approvedAmount), Self.money(grant.disbursedAmount), Self.money(clawed),
                Self.day(grant.decidedOn), Self.day(grant.paidOn), .text(grant.paymentReference ?? ""),
            ])
        }
        let c = Strings.Funds.Columns.self
        return Table(name: Strings.Funds.grantsSheet.text(language), columns: [
            Column(c.reference.text(language), format: .text), Column(c.creditCode.text(language), format: .text),
            Column(c.enterprise.text(language), width: 30), Column(c.policy.text(language)), Column(c.programme.text(language)),
            Column(c.programmeTitle.text(language), width: 30), Column(c.fund.text(language), width: 30), Column(c.source.text(language)),
            Column(c.matters.text(language), width: 30), Column(c.stage.text(language)),
            Column(c.approved.text(language), format: .money), Column(c.disbursed.text(language), format: .money),
            Column(c.clawedBack.text(language), format: .money), Column(c.decidedOn.text(language), format: .date),
            Column(c.paidOn.text(language), format: .date), Column(c.paymentReference.text(language), format: .text),
        ], rows: rows)
    }

    func disbursementsTable(_ language: Language) async throws -> Table {
        let batches = try await FundDisbursements(database: database, clock: clock).batches()
        var rows: [Row] = []
        for entry in batches {
            for grant in entry.grants {
                rows.append(Row([
                    .text(entry.batch.label), .text(Strings.Funds.batchStage(entry.batch.stage).text(language)),
                    .text(entry.batch.paymentReference ?? ""), Self.day(entry.batch.paidOn), .text(entry.batch.fund.name.text(language)),
                    .text(grant.reference), .text(grant.enterprise.creditCode), .text(grant.enterprise.name),
                    .text(title(grant.programmeID).text(language)), Self.money(grant.approvedAmount),
                    .text(Strings.Funds.stage(grant.stage).text(language)),
                ]))
            }
        }
        let c = Strings.Funds.Columns.self
        return Table(name: Strings.Funds.disbursementsSheet.text(language), columns: [
            Column(c.batch.text(language), width: 24), Column(c.batchStage.text(language)), Column(c.paymentReference.text(language), format: .text),
            Column(c.paidOn.text(language), format: .date), Column(c.fund.text(language), width: 30), Column(c.reference.text(language), format: .text),
            Column(c.creditCode.text(language), format: .text), Column(c.enterprise.text(language), width: 30),
            Column(c.programmeTitle.text(language), width: 30), Column(c.amount.text(language), format: .money), Column(c.stage.text(language)),
        ], rows: rows)
    }

    func file(_ table: Table, format: Format) throws -> Data {
        switch format {
        case .csv: table.csvData(options: .excel)
        case .xlsx: try XLSXWriter().data([table])
        case .json: Data()
        }
    }

    // MARK: Open data (360Giving)

    /// One grant in the 360Giving standard's shape.
    struct GivingGrant: Codable, Sendable, Equatable {
        struct Organisation: Codable, Sendable, Equatable {
            var id: String
            var name: String
        }

        struct Programme: Codable, Sendable, Equatable {
            var code: String
            var title: String
        }

        var id: String
        var title: String
        var description: String
        var currency: String
        var amountAwarded: Decimal
        var amountDisbursed: Decimal?
        var awardDate: String
        var recipientOrganization: [Organisation]
        var fundingOrganization: [Organisation]
        var grantProgramme: [Programme]
        var dataSource: String?
    }

    struct GivingPackage: Codable, Sendable {
        var grants: [GivingGrant]
    }

    static let identifierPrefix = "360G-qualitycity-"

    static func organisationID(creditCode: String) -> String { "CN-USCC-\(creditCode)" }

    static func funderID(_ fund: Fund) -> String {
        fund.funderCreditCode.map(organisationID) ?? "CN-QUALITYCITY-\(fund.policyID)"
    }

    static func yuan(_ fen: Int64) -> Decimal { Decimal(fen) / 100 }

    /// Grants awarded (approved, paid, or paid and reclaimed), as 360Giving records.
    func openData() async throws -> [GivingGrant] {
        try await grants(stages: [.approved, .disbursed, .clawedBack]).compactMap { grant in
            guard let fund = grant.fund, let awarded = grant.approvedAmount, let decided = grant.decidedOn else { return nil }
            let programme = title(grant.programmeID)
            var description = "\(programme.zh)：\(grant.matters.joined(separator: "、"))（\(fund.nameZh)）"
            if grant.stage == .clawedBack { description += "；已追回" }
            let disbursed = grant.stage == .clawedBack ? Int64(0) : grant.disbursedAmount
            return GivingGrant(
                id: Self.identifierPrefix + grant.id!.uuidString.lowercased(),
                title: "\(programme.zh) — \(grant.enterprise.name)",
                description: description, currency: "CNY",
                amountAwarded: Self.yuan(awarded), amountDisbursed: disbursed.map(Self.yuan), awardDate: decided.iso,
                recipientOrganization: [.init(id: Self.organisationID(creditCode: grant.enterprise.creditCode), name: grant.enterprise.name)],
                fundingOrganization: [.init(id: Self.funderID(fund), name: fund.funderName)],
                grantProgramme: [.init(code: grant.programmeID, title: programme.zh)],
                dataSource: nil)
        }
    }

    func openDataJSON() async throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(GivingPackage(grants: try await openData()))
    }

    /// The 360Giving spreadsheet template's column titles.
    static let givingColumns = ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Amount Disbursed", "Award Date",
                                "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name",
                                "Grant Programme:Code", "Grant Programme:Title"]

    func openDataTable() async throws -> Table {
        let rows: [Row] = try await openData().map { grant in
            func fen(_ yuan: Decimal?) -> Cell {
                guard let yuan else { return .empty }
                return Cell.decimal(yuan).scaledInteger(scale: 2).map { .fixed($0, scale: 2) } ?? .empty
            }
            return Row([
                .text(grant.id), .text(grant.title), .text(grant.description), .text(grant.currency), fen(grant.amountAwarded),
                fen(grant.amountDisbursed), .text(grant.awardDate), .text(grant.recipientOrganization[0].id),
                .text(grant.recipientOrganization[0].name), .text(grant.fundingOrganization[0].id), .text(grant.fundingOrganization[0].name),
                .text(grant.grantProgramme[0].code), .text(grant.grantProgramme[0].title),
            ])
        }
        return Table(name: "grants", columns: Self.givingColumns.map { Column($0) }, rows: rows)
    }
}
