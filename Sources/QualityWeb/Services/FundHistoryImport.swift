import Fluent
import Foundation
import QualityRules
import QualityStorage
import Spreadsheet

/// Grants made before the platform, imported from a CSV or XLSX file so that first-time-only, per-year and
/// double-benefit checks see them. Every row is checked; if any is wrong, nothing is imported and the
/// report names each wrong row, column and reason.
struct FundHistoryImport: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    static let maxRows = 10_000

    /// The columns, by their Chinese title or their English name.
    enum Field: CaseIterable, Sendable {
        case creditCode, programmeID, matter, grantedOn, amount, note

        var titles: [String] {
            switch self {
            case .creditCode: ["统一社会信用代码", "creditCode"]
            case .programmeID: ["项目编号", "programmeId"]
            case .matter: ["事项", "matter"]
            case .grantedOn: ["资助日期", "grantedOn"]
            case .amount: ["资助金额（元）", "资助金额(元)", "amountYuan"]
            case .note: ["备注", "note"]
            }
        }

        var isRequired: Bool { self != .note }
    }

    struct RowError: Sendable, Equatable {
        /// The row as the spreadsheet shows it (the header is row 1); 0 for the file as a whole.
        var row: Int
        var column: String
        var message: LocalizedText
    }

    struct Report: Sendable {
        var imported: Int
        var errors: [RowError]
    }

    static let matterPrefixes = ["certificate:", "award:", "project:", "title:", "programme:"]

    func run(data: Data, filename: String, actor: AuditActor) async throws -> Report {
        let rows: [Row]
        do {
            rows = try SpreadsheetFile.rows(data: data)
        } catch let error as SpreadsheetError {
            return Report(imported: 0, errors: [RowError(row: 0, column: "", message: Strings.Funds.unreadableFile(error))])
        }
        let table = Table(name: filename, readRows: rows)
        var columns: [Field: Int] = [:]
        for field in Field.allCases {
            if let index = field.titles.lazy.compactMap({ table.columnIndex(titled: $0) }).first { columns[field] = index }
        }
        let missing = Field.allCases.filter { $0.isRequired && columns[$0] == nil }
        guard missing.isEmpty else {
            return Report(imported: 0, errors: missing.map { RowError(row: 0, column: $0.titles[0], message: Strings.Funds.missingColumn($0.titles[0])) })
        }
        let dataRows = table.rows.filter { !$0.isEmpty }
        guard !dataRows.isEmpty else { return Report(imported: 0, errors: [RowError(row: 0, column: "", message: Strings.Funds.emptyFile)]) }
        guard dataRows.count <= Self.maxRows else {
            return Report(imported: 0, errors: [RowError(row: 0, column: "", message: Strings.Funds.tooManyRows(Self.maxRows))])
        }
        let engine = try GrantEngine.from(assessor)
        let today = clock.today()
        var errors: [RowError] = []
        var parsed: [PriorGrant] = []
        var seen: Set<String> = []
        var enterprises: [String: UUID?] = [:]
        for (offset, row) in dataRows.enumerated() {
            let number = row.number ?? offset + 2
            func text(_ field: Field) -> String { columns[field].map { row[$0].plainText.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "" }
            func fail(_ field: Field, _ message: LocalizedText) { errors.append(RowError(row: number, column: field.titles[0], message: message)) }
            var enterpriseID: UUID?
            switch CreditCode.validate(text(.creditCode).uppercased()) {
            case .success(let code):
                if enterprises[code.value] == nil {
                    enterprises[code.value] = try await Enterprise.query(on: database).filter(\.$creditCode == code.value).first()?.id
                }
                enterpriseID = enterprises[code.value] ?? nil
                if enterpriseID == nil { fail(.creditCode, Strings.Funds.unknownEnterprise(code.value)) }
            case .failure(let problem):
                fail(.creditCode, problem.message)
            }
            let programmeID = text(.programmeID)
            let entry = engine.programme(programmeID)
            if entry == nil { fail(.programmeID, Strings.Funds.unknownProgrammeID(programmeID)) }
            let matter = text(.matter)
            if !Self.matterPrefixes.contains(where: { matter.hasPrefix($0) && matter.count > $0.count }) || matter.count > 200 {
                fail(.matter, Strings.Funds.badMatter(Self.matterPrefixes))
            }
            var grantedOn: CalendarDate?
            if let column = columns[.grantedOn], case .date(let date) = row[column] {
                grantedOn = CalendarDate(year: date.year, month: date.month, day: date.day)
            } else {
                grantedOn = CalendarDate(iso: text(.grantedOn))
            }
            if grantedOn == nil { fail(.grantedOn, Strings.Funds.badDate) } else if grantedOn! > today { fail(.grantedOn, Strings.Funds.notInFuture) }
            var amount: Money?
            if let column = columns[.amount], let fen = row[column].scaledInteger(scale: 2), row[column].decimalValue != nil {
                amount = fen > 0 ? Money(fen: fen) : nil
                if amount == nil { fail(.amount, fen < 0 ? Money.ParseError.negative.message : Strings.Funds.amountPositive) }
            } else if let column = columns[.amount], row[column].decimalValue != nil {
                fail(.amount, Money.ParseError.fractionalFen.message)
            } else {
                switch Money.parse(yuan: text(.amount)) {
                case .success(let money) where money.fen > 0: amount = money
                case .success: fail(.amount, Strings.Funds.amountPositive)
                case .failure(let error): fail(.amount, error.message)
                }
            }
            let note = text(.note)
            if note.count > 500 { fail(.note, Strings.Form.tooLong(500)) }
            guard let enterpriseID, let (policy, _) = entry, let grantedOn, let amount, !matter.isEmpty else { continue }
            let key = "\(enterpriseID.uuidString)|\(matter)"
            if !seen.insert(key).inserted { fail(.matter, Strings.Funds.duplicateRow(matter)); continue }
            if try await GrantMatter.query(on: database).filter(\.$enterprise.$id == enterpriseID).filter(\.$matterKey == matter).first() != nil {
                fail(.matter, Strings.Funds.alreadyRecorded(matter))
                continue
            }
            parsed.append(PriorGrant(enterpriseID: enterpriseID, policyID: policy.id, programmeID: programmeID, matterKey: matter,
                                     grantedOn: grantedOn, amount: amount, note: note, source: "\(filename) #\(number)",
                                     importedAt: clock.now(), importedBy: actor.name))
        }
        guard errors.isEmpty else { return Report(imported: 0, errors: errors) }
        let at = clock.now()
        let imported = parsed
        try await database.writeTransaction { tx in
            for prior in imported {
                try await prior.create(on: tx)
                guard try await GrantMatter.claim(enterpriseID: prior.$enterprise.id, matter: prior.matterKey, policyID: prior.policyID,
                                                  programmeID: prior.programmeID, grantID: nil, priorGrantID: prior.id,
                                                  grantedOn: prior.grantedOn, amount: Money(fen: prior.amount), on: tx)
                else { throw AppError.conflict(Strings.Funds.alreadyRecorded(prior.matterKey)) }
                // Counters already made for this enterprise and programme count the earlier grant too.
                try await GrantCounter.add(key: GrantCounter.perYearKey(enterpriseID: prior.$enterprise.id, programmeID: prior.programmeID,
                                                                        year: prior.grantedOn.year), count: 1, on: tx)
                try await GrantCounter.add(key: GrantCounter.firstTimeKey(enterpriseID: prior.$enterprise.id, programmeID: prior.programmeID),
                                           count: 1, on: tx)
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "grant_history", subjectID: filename, action: "grant_history_import",
                                                   reason: "\(imported.count) rows", occurredAt: at), on: tx)
        }
        return Report(imported: imported.count, errors: [])
    }
}
