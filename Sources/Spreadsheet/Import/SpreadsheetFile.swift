import Foundation

/// An uploaded sheet of either format, told apart by its bytes rather than its name (people rename
/// .csv to .xlsx and back).
public enum SpreadsheetFile {
    public enum Format: Sendable, Equatable {
        case csv
        case xlsx
    }

    /// XLSX when the bytes are a ZIP package; an error for a legacy .xls or encrypted workbook; CSV otherwise.
    public static func format(of head: Data) throws -> Format {
        let bytes = [UInt8](head.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetError.legacyOrEncryptedWorkbook
        }
        return .csv
    }

    public static func format(of url: URL) throws -> Format {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try format(of: try handle.read(upToCount: 8) ?? Data())
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The rows of a CSV file, or of one sheet of a workbook (the first unless `sheet` names one).
    /// CSV cells are text; XLSX cells are typed. Every row carries the number Excel shows for it.
    public static func rows(at url: URL, sheet: String? = nil, csv: CSVReadOptions = CSVReadOptions()) throws -> [Row] {
        switch try format(of: url) {
        case .csv:
            return try Table.csvRows(from: CSVReader(url: url, options: csv))
        case .xlsx:
            let reader = try XLSXReader(url: url)
            return try sheet.map { try reader.rows(sheetNamed: $0) } ?? reader.rows(sheetAt: 0)
        }
    }

    /// The same from bytes in memory (an upload body).
    public static func rows(data: Data, sheet: String? = nil, csv: CSVReadOptions = CSVReadOptions()) throws -> [Row] {
        switch try format(of: data) {
        case .csv:
            return try Table.csvRows(from: CSVReader(data: data, options: csv))
        case .xlsx:
            let reader = try XLSXReader(data: data)
            return try sheet.map { try reader.rows(sheetNamed: $0) } ?? reader.rows(sheetAt: 0)
        }
    }

    /// A table whose header is the first non-empty row; named after the sheet, or the file for CSV.
    public static func table(at url: URL, sheet: String? = nil, csv: CSVReadOptions = CSVReadOptions()) throws -> Table {
        switch try format(of: url) {
        case .csv:
            return Table(name: url.deletingPathExtension().lastPathComponent,
                         readRows: try Table.csvRows(from: CSVReader(url: url, options: csv)))
        case .xlsx:
            let reader = try XLSXReader(url: url)
            return try sheet.map { try reader.table(sheetNamed: $0) } ?? reader.table(sheetAt: 0)
        }
    }
}
