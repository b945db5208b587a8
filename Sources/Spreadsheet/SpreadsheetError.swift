/// Everything that can go wrong reading or writing a sheet.
///
/// Cases carry the facts (row, line, sheet, part) rather than prose, so the web layer can put them into its
/// zh-CN/English string table; `description` is English for logs.
public enum SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    // Files
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    // CSV
    /// A quoted field opened at `line` (file line) of record `row` never closes.
    case unterminatedQuote(row: Int, line: Int)
    /// A field is not UTF-8 — almost always a CSV saved by Excel on Chinese Windows in GBK/GB18030.
    /// The remedy is "另存为 CSV UTF-8" in Excel.
    case notUTF8(row: Int, line: Int, column: Int)

    // XLSX reading
    /// Neither a ZIP package nor a CSV: the bytes are not a workbook at all.
    case notAWorkbook(reason: String)
    /// An OLE2 compound file: a legacy .xls, or an .xlsx protected by a password (both are stored that way).
    case legacyOrEncryptedWorkbook
    case missingPart(path: String)
    case corruptPart(path: String, line: Int, reason: String)
    /// A part larger than the reader's limit once inflated — a zip bomb or a sheet far beyond an upload's size.
    case partTooLarge(path: String, limit: Int)
    case sheetNotFound(name: String, available: [String])
    case sheetIndexOutOfRange(index: Int, count: Int)

    // XLSX writing
    case noSheets
    /// Excel refuses cells longer than 32,767 characters.
    case textTooLong(sheet: String, row: Int, column: Int)
    case tooManyRows(sheet: String, count: Int)
    case tooManyColumns(sheet: String, count: Int)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .unterminatedQuote(let row, let line):
            "row \(row) (line \(line)): a quoted field is never closed"
        case .notUTF8(let row, let line, let column):
            "row \(row) (line \(line)), column \(column): text is not UTF-8; save the file as \"CSV UTF-8\""
        case .notAWorkbook(let reason): "not an XLSX workbook: \(reason)"
        case .legacyOrEncryptedWorkbook:
            "a legacy .xls or password-protected workbook; save it as an unprotected .xlsx"
        case .missingPart(let path): "the workbook has no part \(path)"
        case .corruptPart(let path, let line, let reason): "\(path) line \(line) is not valid XML: \(reason)"
        case .partTooLarge(let path, let limit): "\(path) is larger than \(limit) bytes uncompressed"
        case .sheetNotFound(let name, let available):
            "no sheet named \"\(name)\"; the workbook has \(available.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .sheetIndexOutOfRange(let index, let count): "no sheet at index \(index); the workbook has \(count)"
        case .noSheets: "a workbook needs at least one sheet"
        case .textTooLong(let sheet, let row, let column):
            "sheet \"\(sheet)\" row \(row) column \(column): text longer than Excel's 32,767 characters"
        case .tooManyRows(let sheet, let count): "sheet \"\(sheet)\" has \(count) rows; Excel holds 1,048,576"
        case .tooManyColumns(let sheet, let count): "sheet \"\(sheet)\" has \(count) columns; Excel holds 16,384"
        }
    }
}
