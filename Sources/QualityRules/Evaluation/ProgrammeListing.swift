import Foundation

/// The list `qualitycity programs` prints: every programme with its policy's status on a day.
public struct ProgrammeListing: Sendable, Hashable, Codable {
    public var on: CalendarDate
    public var programmes: [Row]

    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var kind: ProgrammeKind
        public var title: LocalizedText
        public var seed: String
        public var policy: String
        public var document: String
        public var status: PolicyStatus
        public var inForceFrom: CalendarDate?
        public var inForceTo: CalendarDate?
    }

    public init(catalog: PolicyCatalog, on date: CalendarDate) {
        on = date
        programmes = catalog.programmes.map { entry in
            Row(id: entry.programme.id, kind: entry.programme.kind, title: entry.programme.title, seed: entry.policy.seed,
                policy: entry.policy.id, document: entry.policy.citationLabel, status: entry.policy.status(on: date),
                inForceFrom: entry.policy.inForce?.start, inForceTo: entry.policy.inForce?.end)
        }
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A plain-text table, columns aligned for a terminal (Chinese characters are two columns wide).
    public func table() -> String {
        let header = ["ID", "名称", "Title", "Seed", "状态 Status", "施行 In force"]
        let rows = programmes.map { row in
            [row.id, row.title.zh, row.title.en, row.seed, "\(row.status.label.zh) \(row.status.rawValue)",
             row.inForceFrom.map { "\($0.iso) – \(row.inForceTo?.iso ?? "open")" } ?? "—"]
        }
        return TextTable.render(header: header, rows: rows)
    }
}

/// Aligns columns by display width, counting East Asian wide characters as two columns.
enum TextTable {
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - width(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
