import Foundation
import QualityRules
import Spreadsheet

extension FactsWorkbook {
    /// The facts as a workbook: every section's sheet, then the read-me sheet.
    static func data(_ facts: EnterpriseFacts) throws -> Data {
        try XLSXWriter().data(tables(facts))
    }

    static func tables(_ facts: EnterpriseFacts) throws -> [Table] {
        let json = try Value(encoding: facts)
        return sheets.map { table($0, json) } + [readMe()]
    }

    static func table(_ sheet: Sheet, _ json: Value) -> Table {
        switch sheet.shape {
        case .items:
            let C = Strings.FactsWorkbook.Columns.self
            let columns = [Column(header(C.item)), Column(header(C.value)), Column(header(C.notes))]
            let rows: [Row] = sheet.fields.map { field in
                // Each value cell carries its own type; the writer gives date and money cells their formats.
                [.text(field.header), field.kind.cell(for: json[field.path]), field.note.map { .text(header($0)) } ?? .empty]
            }
            return Table(name: sheet.name, columns: columns, rows: rows)

        case .records(let path):
            let records: [Value] = if case .array(let items)? = json[path] { items } else { [] }
            let rows = records.map { record in
                Row(sheet.fields.map { $0.kind.cell(for: record[$0.path]) })
            }
            return Table(name: sheet.name, columns: columns(sheet), rows: rows)

        case .checklist:
            // Declared practices first, in the order the facts keep them, then the others: a full checklist
            // that reads back as the same list.
            let declared: [String] = if case .array(let items)? = json[["practices"]] {
                items.compactMap { if case .string(let code) = $0 { code } else { nil } }
            } else { [] }
            let vocabulary = Vocabulary(ManagementPractice.self)
            let others = vocabulary.entries.map(\.code).filter { !declared.contains($0) }
            let rows = (declared.map { ($0, true) } + others.map { ($0, false) }).map { code, isDeclared in
                Row([sheet.fields[0].kind.cell(for: .string(code)), sheet.fields[1].kind.cell(for: .bool(isDeclared))])
            }
            return Table(name: sheet.name, columns: columns(sheet), rows: rows)
        }
    }

    private static func columns(_ sheet: Sheet) -> [Column] {
        sheet.fields.map { Column($0.header, format: $0.kind.format) }
    }

    static func header(_ text: LocalizedText) -> String { "\(text.zh) \(text.en)" }

    /// 说明: how to fill in the workbook, then every column of every sheet with what it accepts.
    static func readMe() -> Table {
        let C = Strings.FactsWorkbook.Columns.self
        let columns = [C.sheet, C.column, C.required, C.notes, C.allowedValues].map { Column(header($0)) }
        var rows: [Row] = Strings.FactsWorkbook.readMeLines.map { line in [.empty, .empty, .empty, .text(line.zh + "\n" + line.en), .empty] }
        rows.append([])
        for sheet in sheets {
            for field in sheet.fields {
                let note = [field.kind.description, field.note].compactMap { $0 }
                let allowed: Cell = if case .choice(let vocabulary) = field.kind {
                    .text(vocabulary.entries.map { "\($0.label.zh) / \($0.label.en) / \($0.code)" }.joined(separator: "\n"))
                } else { .empty }
                rows.append([
                    .text(header(sheet.title)), .text(field.header),
                    .text(field.required ? Strings.FactsWorkbook.yes.zh : ""),
                    .text(note.map(\.zh).joined(separator: "；") + "\n" + note.map(\.en).joined(separator: "; ")),
                    allowed,
                ])
            }
        }
        return Table(name: readMeSheetName, columns: columns, rows: rows)
    }
}
