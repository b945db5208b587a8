import Foundation
import QualityRules
import QualityStorage
import Spreadsheet

/// Candidate lists as spreadsheets: the officer's CSV or Excel download, and `qualitycity match --out`.
public enum MatchExport {
    public enum Format: String, Sendable, CaseIterable {
        case csv, xlsx
    }

    static func table(_ rows: [(programme: String, candidate: MatchCandidate)], language: Language, runDay: String) -> Table {
        let t = { (text: LocalizedText) in text.text(language) }
        return Table(
            name: t(Strings.Matching.sheetName),
            columns: [Column(t(Strings.Matching.programme)), Column(t(Strings.Matching.creditCode), format: .text),
                      Column(t(Strings.Matching.name)), Column(t(Strings.Matching.city)), Column(t(Strings.Matching.district)),
                      Column(t(Strings.Matching.verdict)), Column(t(Strings.Matching.score), format: NumberFormat("0.00")),
                      Column(t(Strings.Matching.awardYuan), format: .money), Column(t(Strings.Matching.runDay), format: .text)],
            rows: rows.map { row in
                let c = row.candidate
                return Row([.text(row.programme), .text(c.creditCode), .text(c.enterpriseName), .text(c.city), .text(c.district),
                            .text(t(Strings.Verdicts.name(c.verdict))),
                            c.score.map { .fixed(Int64($0), scale: 2) } ?? .empty,
                            c.awardFen.map { .fixed($0, scale: 2) } ?? .empty, .text(runDay)])
            })
    }

    public static func data(_ rows: [(programme: String, candidate: MatchCandidate)], format: Format, language: QualityRules.Language,
                            runDay: String) throws -> Data {
        let table = table(rows, language: language, runDay: runDay)
        switch format {
        case .csv: return table.csvData()
        case .xlsx: return try XLSXWriter().data([table])
        }
    }
}

