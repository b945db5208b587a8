import Foundation

extension Table {
    /// The table as CSV: a header row of the column titles (when there are columns), then the rows.
    public func csvData(options: CSVWriteOptions = .excel) -> Data {
        var writer = CSVWriter(options: options)
        if !columns.isEmpty { writer.writeRow(columns.map(\.title)) }
        for row in rows { writer.writeRow(row.cells) }
        return writer.data
    }

    /// Rows of a CSV file as text cells ("" becomes `.empty`), numbered as Excel shows them. Rows with
    /// nothing in them (",,,") are left out, as the XLSX reader leaves out empty rows.
    /// CSV has no types, so numbers and dates stay text for the importer to parse strictly.
    /// For million-row files use `CSVReader.forEachRow` instead of holding every row.
    public static func csvRows(from reader: CSVReader) throws -> [Row] {
        var rows: [Row] = []
        while let record = try reader.next() {
            let row = Row(record.fields.map { $0.isEmpty ? .empty : .text($0) }, number: record.row)
            if !row.isEmpty { rows.append(row) }
        }
        return rows
    }
}
