import Foundation

/// Reads sheets of an XLSX workbook — written by this library, Excel, WPS, LibreOffice or openpyxl — into
/// rows of typed cells, each row numbered as Excel shows it.
///
/// Text comes from shared or inline strings; numbers are exact (`.integer` or `.decimal`); cells whose
/// number format is a date become `.date`/`.dateTime` (1900 and 1904 systems); formulas give their cached
/// values. Problems are `SpreadsheetError`s: not a workbook, missing sheet, corrupt XML, oversized part.
///
/// ```swift
/// let reader = try XLSXReader(url: upload)
/// let facts = try reader.table(sheetNamed: "企业基本信息")
/// ```
public final class XLSXReader {
    public struct Limits: Sendable {
        /// The most bytes one part (a sheet, the shared strings) may inflate to.
        public var maxPartBytes: Int

        public init(maxPartBytes: Int = 256 << 20) {
            self.maxPartBytes = maxPartBytes
        }
    }

    /// Sheet names in tab order (hidden sheets included).
    public let sheetNames: [String]

    private let package: WorkbookPackage
    private let sheetPaths: [String?]
    private let date1904: Bool
    private let sharedStringsPath: String?
    private let stylesPath: String?
    private lazy var sharedStrings: Result<[String], any Error> = Result { try loadSharedStrings() }
    private lazy var styles: Result<StylesHandler, any Error> = Result { try loadStyles() }

    public convenience init(url: URL, limits: Limits = Limits()) throws {
        try self.init(package: try WorkbookPackage.open(url: url, maxPartBytes: limits.maxPartBytes))
    }

    public convenience init(data: Data, limits: Limits = Limits()) throws {
        try self.init(package: try WorkbookPackage.open(data: data, maxPartBytes: limits.maxPartBytes))
    }

    private init(package: WorkbookPackage) throws {
        self.package = package
        let workbookPath = try package.relationships(of: "").first { $0.isType("officeDocument") }?.path
            ?? "xl/workbook.xml"
        guard package.contains(workbookPath) else {
            throw SpreadsheetError.notAWorkbook(reason: "the package has no workbook part (is it a .docx or a plain ZIP?)")
        }
        let workbook = WorkbookHandler()
        try XMLEvents.parse(try package.read(workbookPath), path: workbookPath, into: workbook)
        let relationships = try package.relationships(of: workbookPath)
        sheetNames = workbook.sheets.map(\.name)
        sheetPaths = workbook.sheets.map { sheet in
            relationships.first { $0.id == sheet.relationshipID }?.path
        }
        date1904 = workbook.date1904
        sharedStringsPath = relationships.first { $0.isType("sharedStrings") }?.path
        stylesPath = relationships.first { $0.isType("styles") }?.path
    }

    /// The non-empty rows of the sheet named `name` (exact match, else ignoring case as Excel does).
    public func rows(sheetNamed name: String) throws -> [Row] {
        try rows(sheetAt: index(ofSheet: name))
    }

    /// The non-empty rows of the sheet at `index` in tab order (0-based).
    public func rows(sheetAt index: Int) throws -> [Row] {
        guard sheetPaths.indices.contains(index) else {
            throw SpreadsheetError.sheetIndexOutOfRange(index: index, count: sheetPaths.count)
        }
        guard let path = sheetPaths[index] else {
            throw SpreadsheetError.missingPart(path: "worksheet of sheet \"\(sheetNames[index])\"")
        }
        let handler = WorksheetHandler(path: path, sharedStrings: try sharedStrings.get(), styles: try styles.get(),
                                       date1904: date1904)
        try XMLEvents.parse(try package.read(path), path: path, into: handler)
        return handler.rows
    }

    /// The sheet as a table: its first non-empty row is the header (see `Table.init(name:readRows:)`).
    public func table(sheetNamed name: String) throws -> Table {
        let index = try index(ofSheet: name)
        return Table(name: sheetNames[index], readRows: try rows(sheetAt: index))
    }

    public func table(sheetAt index: Int) throws -> Table {
        Table(name: sheetNames.indices.contains(index) ? sheetNames[index] : "", readRows: try rows(sheetAt: index))
    }

    private func index(ofSheet name: String) throws -> Int {
        if let index = sheetNames.firstIndex(of: name) { return index }
        let folded = name.lowercased()
        if let index = sheetNames.firstIndex(where: { $0.lowercased() == folded }) { return index }
        throw SpreadsheetError.sheetNotFound(name: name, available: sheetNames)
    }

    private func loadSharedStrings() throws -> [String] {
        guard let path = sharedStringsPath, package.contains(path) else { return [] }
        let handler = SharedStringsHandler()
        try XMLEvents.parse(try package.read(path), path: path, into: handler)
        return handler.strings
    }

    private func loadStyles() throws -> StylesHandler {
        let handler = StylesHandler()
        guard let path = stylesPath, package.contains(path) else { return handler }
        try XMLEvents.parse(try package.read(path), path: path, into: handler)
        return handler
    }
}
