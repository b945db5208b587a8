import Foundation
import QualityRules
import Spreadsheet

extension FactsWorkbook {
    /// Where in the workbook something is: a sheet, a row as Excel numbers it, a column (or, on the
    /// registration sheet, an item).
    struct Location: Hashable, Sendable {
        var sheetIndex: Int
        var row: Int?
        var columnIndex: Int?

        var sheet: LocalizedText? { FactsWorkbook.sheets.indices.contains(sheetIndex) ? FactsWorkbook.sheets[sheetIndex].title : nil }
        var isItem: Bool {
            guard FactsWorkbook.sheets.indices.contains(sheetIndex), case .items = FactsWorkbook.sheets[sheetIndex].shape else { return false }
            return true
        }
        var column: LocalizedText? {
            guard let columnIndex, let sheet = FactsWorkbook.sheets.indices.contains(sheetIndex) ? FactsWorkbook.sheets[sheetIndex] : nil
            else { return nil }
            if columnIndex == Location.itemColumn { return Strings.FactsWorkbook.Columns.item }
            return sheet.fields.indices.contains(columnIndex) ? sheet.fields[columnIndex].title : nil
        }

        /// The "项目 Item" column of the registration sheet, named when its label is not an item.
        static let itemColumn = -1
    }

    /// One thing wrong with an upload, where it is and what.
    struct Problem: Hashable, Sendable {
        var location: Location?
        var message: LocalizedText

        /// "工作表「专利」第 5 行「授予日期」列：日期不存在".
        var text: LocalizedText {
            Strings.FactsWorkbook.problem(sheet: location?.sheet, row: location?.row, column: location?.column,
                                          isItem: location?.isItem ?? false, message: message)
        }
    }

    /// An upload refused, with every problem found.
    struct Refusal: Error, Sendable {
        var problems: [Problem]
    }

    /// Reads an uploaded workbook into the facts that replace `stored`. The identity of the enterprise
    /// (credit code, name, city, district) must be as stored; the reviewers' attestations and the platform's
    /// history are taken from `stored`, not from the workbook. Nothing partial: either every sheet reads and
    /// the whole document validates, or every problem is returned.
    static func read(_ data: Data, replacing stored: EnterpriseFacts) -> Result<EnterpriseFacts, Refusal> {
        let general = { (message: LocalizedText) in Result<EnterpriseFacts, Refusal>.failure(Refusal(problems: [Problem(location: nil, message: message)])) }
        let reader: XLSXReader
        do {
            guard try SpreadsheetFile.format(of: data) == .xlsx else { return general(Strings.FactsWorkbook.notXLSX) }
            reader = try XLSXReader(data: data, limits: .init(maxPartBytes: 64 << 20))
        } catch SpreadsheetError.legacyOrEncryptedWorkbook {
            return general(Strings.FactsWorkbook.legacyWorkbook)
        } catch {
            return general(Strings.FactsWorkbook.unreadableWorkbook)
        }
        var upload = Import()
        for (index, sheet) in sheets.enumerated() {
            let rows: [Row]
            do {
                rows = try reader.rows(sheetNamed: sheet.name)
            } catch SpreadsheetError.sheetNotFound {
                upload.report(Location(sheetIndex: index), Strings.FactsWorkbook.missingSheet)
                continue
            } catch {
                return general(Strings.FactsWorkbook.unreadableWorkbook)
            }
            switch sheet.shape {
            case .items: upload.readItems(sheet, index, rows)
            case .records(let path): upload.readRecords(sheet, index, rows, path: path)
            case .checklist: upload.readChecklist(sheet, index, rows)
            }
        }
        upload.checkIdentity(against: stored.registration)
        return upload.finish(keeping: stored)
    }

    /// The state of one import: the JSON built so far, where each value came from, what is wrong.
    private struct Import {
        var json = Value.object([:])
        /// JSON path → the cell (or row) it was read from.
        var locations: [String: Location] = [:]
        var problems: [Problem] = []

        mutating func report(_ location: Location?, _ message: LocalizedText) {
            problems.append(Problem(location: location, message: message))
        }

        /// A cell's value: nil when the cell is empty or wrong (and then reported).
        mutating func value(_ cell: Cell, _ field: Field, at location: Location) -> Value? {
            switch field.kind.reading(cell) {
            case .value(let value):
                return value
            case .empty:
                // A blank yes/no means no; any other blank is only wrong where the schema requires a value.
                if case .boolean = field.kind { return .bool(false) }
                if field.required { report(location, Strings.FactsWorkbook.requiredCell) }
                return nil
            case .problem(let message):
                report(location, message)
                return nil
            }
        }

        /// The column of each field, or nil (reported) when one is missing.
        mutating func columns(of sheet: Sheet, _ index: Int, _ table: Table, headerRow: Int?) -> [Int]? {
            var columns: [Int] = []
            for (fieldIndex, field) in sheet.fields.enumerated() {
                if let column = table.columns.firstIndex(where: { field.isTitled($0.title) }) {
                    columns.append(column)
                } else {
                    report(Location(sheetIndex: index, row: headerRow, columnIndex: fieldIndex), Strings.FactsWorkbook.missingColumn)
                }
            }
            return columns.count == sheet.fields.count ? columns : nil
        }

        mutating func readRecords(_ sheet: Sheet, _ index: Int, _ rows: [Row], path: [String]) {
            let table = Table(name: sheet.name, readRows: rows)
            // A sheet with nothing at all in it holds no records.
            guard !table.columns.isEmpty else { return json.set(.array([]), at: path) }
            guard let columns = columns(of: sheet, index, table, headerRow: rows.first { !$0.isEmpty }?.number) else { return }
            var records: [Value] = []
            let base = "$." + path.joined(separator: ".")
            for row in table.rows where !Self.isBlank(row, columns) {
                let recordPath = "\(base)[\(records.count)]"
                locations[recordPath] = Location(sheetIndex: index, row: row.number)
                var members: [String: Value] = [:]
                for (fieldIndex, field) in sheet.fields.enumerated() {
                    let location = Location(sheetIndex: index, row: row.number, columnIndex: fieldIndex)
                    locations["\(recordPath).\(field.key)"] = location
                    members[field.key] = value(row[columns[fieldIndex]], field, at: location)
                }
                records.append(.object(members))
            }
            json.set(.array(records), at: path)
        }

        /// 基本信息: one row per field, told by its label, in any order.
        mutating func readItems(_ sheet: Sheet, _ index: Int, _ rows: [Row]) {
            let table = Table(name: sheet.name, readRows: rows)
            let headerRow = rows.first { !$0.isEmpty }?.number
            let C = Strings.FactsWorkbook.Columns.self
            let item = table.columns.firstIndex { Field("item", title: C.item, .text).isTitled($0.title) }
            let valueColumn = table.columns.firstIndex { Field("value", title: C.value, .text).isTitled($0.title) }
            guard let item, let valueColumn else {
                return report(Location(sheetIndex: index, row: headerRow), Strings.FactsWorkbook.missingColumn)
            }
            var seen = Set<Int>()
            for row in table.rows where !Self.isBlank(row, [item, valueColumn]) {
                let label = row[item].plainText
                guard let fieldIndex = sheet.fields.firstIndex(where: { $0.isTitled(label) }) else {
                    report(Location(sheetIndex: index, row: row.number, columnIndex: Location.itemColumn), Strings.FactsWorkbook.unknownItem)
                    continue
                }
                let field = sheet.fields[fieldIndex]
                let location = Location(sheetIndex: index, row: row.number, columnIndex: fieldIndex)
                guard seen.insert(fieldIndex).inserted else {
                    report(location, Strings.FactsWorkbook.duplicateItem)
                    continue
                }
                locations["$." + field.path.joined(separator: ".")] = location
                if let value = value(row[valueColumn], field, at: location) { json.set(value, at: field.path) }
            }
            for (fieldIndex, _) in sheet.fields.enumerated() where !seen.contains(fieldIndex) {
                report(Location(sheetIndex: index, columnIndex: fieldIndex), Strings.FactsWorkbook.missingItem)
            }
        }

        /// 管理实践: the practices marked 是, in row order.
        mutating func readChecklist(_ sheet: Sheet, _ index: Int, _ rows: [Row]) {
            let table = Table(name: sheet.name, readRows: rows)
            guard !table.columns.isEmpty else { return json.set(.array([]), at: ["practices"]) }
            guard let columns = columns(of: sheet, index, table, headerRow: rows.first { !$0.isEmpty }?.number) else { return }
            var declared: [Value] = []
            for row in table.rows where !Self.isBlank(row, columns) {
                let practiceAt = Location(sheetIndex: index, row: row.number, columnIndex: 0)
                let practice = value(row[columns[0]], sheet.fields[0], at: practiceAt)
                let inPlace = value(row[columns[1]], sheet.fields[1], at: Location(sheetIndex: index, row: row.number, columnIndex: 1))
                if let practice, inPlace == .bool(true) {
                    locations["$.practices[\(declared.count)]"] = practiceAt
                    declared.append(practice)
                }
            }
            json.set(.array(declared), at: ["practices"])
        }

        /// The credit code, name, city and district are the registry's, not the enterprise's to change.
        mutating func checkIdentity(against registration: Registration) {
            let registered: [(String, String?)] = [("creditCode", registration.creditCode.value), ("name", registration.name),
                                                   ("city", registration.city), ("district", registration.district)]
            let reported = Set(problems.compactMap(\.location))
            for (key, expected) in registered {
                let path = ["registration", key]
                guard let location = locations["$." + path.joined(separator: ".")], !reported.contains(location) else { continue }
                let uploaded: String? = if case .string(let text)? = json[path] { text } else { nil }
                if uploaded != expected {
                    report(location, Strings.FactsWorkbook.identityChanged(registered: expected ?? "", uploaded: uploaded ?? ""))
                }
            }
        }

        /// Adds what the workbook does not hold, lets the engine's validation judge the document, and
        /// reports its problems at the cells they came from.
        mutating func finish(keeping stored: EnterpriseFacts) -> Result<EnterpriseFacts, Refusal> {
            json.set(.integer(Int64(EnterpriseFacts.currentSchemaVersion)), at: ["schemaVersion"])
            if let attestations = try? Value(encoding: stored.attestations) { json.set(attestations, at: ["attestations"]) }
            if let history = try? Value(encoding: stored.history) { json.set(history, at: ["history"]) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var facts: EnterpriseFacts?
            switch EnterpriseFacts.validate(data: (try? encoder.encode(json)) ?? Data()) {
            case .success(let valid):
                facts = valid
            case .failure(let refusal):
                var reported = Set(problems.compactMap(\.location))
                for problem in refusal.problems {
                    let location = self.location(of: problem.path)
                    // A cell already reported (a blank required cell, a date that does not exist) is not
                    // reported again for the hole it left in the document.
                    if let location, reported.contains(location) { continue }
                    if let location { reported.insert(location) }
                    report(location, problem.message)
                }
            }
            guard problems.isEmpty, let facts else {
                return .failure(Refusal(problems: problems.sorted(by: Self.inWorkbookOrder)))
            }
            return .success(facts)
        }

        /// A row with nothing but spaces in the workbook's columns is no record, whatever notes sit beside it.
        static func isBlank(_ row: Row, _ columns: [Int]) -> Bool {
            columns.allSatisfy { row[$0].plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }

        /// The cell a JSON path was read from, or the nearest enclosing row or sheet.
        func location(of path: String) -> Location? {
            var path = Substring(path)
            while !path.isEmpty {
                if let location = locations[String(path)] { return location }
                guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
                path = path[..<cut]
            }
            return nil
        }

        static func inWorkbookOrder(_ a: Problem, _ b: Problem) -> Bool {
            func key(_ p: Problem) -> (Int, Int, Int) {
                guard let l = p.location else { return (-1, 0, 0) }
                return (l.sheetIndex, l.row ?? 0, l.columnIndex ?? -2)
            }
            return key(a) < key(b)
        }
    }
}
