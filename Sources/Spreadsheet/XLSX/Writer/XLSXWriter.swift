import Foundation
import ZIPFoundation

/// Writes tables as an XLSX workbook, one sheet per table, that Excel, WPS and LibreOffice open without
/// repair. The same tables always give the same bytes (fixed entry dates, stable part order).
///
/// ```swift
/// let data = try XLSXWriter().data([grants, disbursements])
/// ```
public struct XLSXWriter: Sendable {
    public struct Options: Sendable {
        /// Shared strings (Excel's own choice, smaller for repeated text) or inline strings.
        public var sharedStrings: Bool
        public var boldHeader: Bool
        /// Keeps the header row visible while scrolling.
        public var freezeHeader: Bool

        public init(sharedStrings: Bool = true, boldHeader: Bool = true, freezeHeader: Bool = true) {
            self.sharedStrings = sharedStrings
            self.boldHeader = boldHeader
            self.freezeHeader = freezeHeader
        }
    }

    /// 1980-01-01 00:00 UTC, the earliest a ZIP entry can carry, so output never depends on the clock.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The sheet names the workbook will use for these table names (see `Table.name`): forbidden
    /// characters replaced, cut to 31 characters, made unique.
    public static func sheetNames(for names: [String]) -> [String] {
        SheetName.sanitized(names)
    }

    public func data(_ tables: [Table]) throws -> Data {
        guard !tables.isEmpty else { throw SpreadsheetError.noSheets }
        let names = SheetName.sanitized(tables.map(\.name))
        var styles = StyleTable()
        var sharedStrings = SharedStrings()
        var sheets: [[UInt8]] = []
        for (index, table) in tables.enumerated() {
            let writer = WorksheetWriter(table: table, sheetName: names[index], options: options, isFirstSheet: index == 0)
            sheets.append(try writer.xml(styles: &styles, sharedStrings: &sharedStrings))
        }

        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", XMLPart.contentTypes(sheetCount: tables.count, sharedStrings: options.sharedStrings)),
            ("_rels/.rels", XMLPart.rootRelationships),
            ("xl/workbook.xml", XMLPart.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels",
             XMLPart.workbookRelationships(sheetCount: tables.count, sharedStrings: options.sharedStrings)),
            ("xl/styles.xml", styles.xml),
        ]
        if options.sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings.xml)) }
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet))
        }
        return try Self.zip(parts)
    }

    public func write(_ tables: [Table], to url: URL) throws {
        let data = try data(tables)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw SpreadsheetError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(start + size, bytes.count)])
                }
            }
            guard let data = archive.data else {
                throw SpreadsheetError.cannotWrite(path: "<memory>", reason: "the ZIP archive produced no data")
            }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.cannotWrite(path: "<memory>", reason: String(describing: error))
        }
    }
}

extension Table {
    /// This table alone as an XLSX workbook.
    public func xlsxData(options: XLSXWriter.Options = XLSXWriter.Options()) throws -> Data {
        try XLSXWriter(options: options).data([self])
    }
}
