import Foundation

/// One sheet of an export or an import, the same for CSV and XLSX.
///
/// An export describes its columns (the header row) and rows once and is written as either format; an import
/// of either format comes back as the same rows, each carrying the row number the uploader sees in Excel.
public struct Table: Hashable, Sendable {
    public var name: String
    public var columns: [Column]
    public var rows: [Row]

    public init(name: String, columns: [Column] = [], rows: [Row] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Reads a header from rows of a file: the first row that is not empty gives the column titles
    /// (trimmed), the rows after it are the data.
    public init(name: String, readRows: [Row]) {
        self.name = name
        guard let headerIndex = readRows.firstIndex(where: { !$0.isEmpty }) else {
            self.columns = []
            self.rows = []
            return
        }
        self.columns = readRows[headerIndex].cells.map {
            Column($0.plainText.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        self.rows = Array(readRows[(headerIndex + 1)...])
    }

    /// The index of the first column titled `title` (exact match after trimming).
    public func columnIndex(titled title: String) -> Int? {
        let wanted = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return columns.firstIndex { $0.title == wanted }
    }
}

public struct Column: Hashable, Sendable {
    public var title: String
    /// How XLSX shows the column's numbers and dates; CSV always writes plain values.
    public var format: NumberFormat?
    /// Width in Excel's units (characters of '0'); nil means computed from the content.
    public var width: Double?

    public init(_ title: String, format: NumberFormat? = nil, width: Double? = nil) {
        self.title = title
        self.format = format
        self.width = width
    }
}

/// One row of a table. `number` is where the row was in the file it was read from (1-based, as Excel shows
/// it), so an import can say "第 12 行"; rows built in code have none.
public struct Row: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var cells: [Cell]
    public var number: Int?

    public init(_ cells: [Cell], number: Int? = nil) {
        self.cells = cells
        self.number = number
    }

    public init(arrayLiteral elements: Cell...) {
        self.init(elements)
    }

    /// The cell in `column`; `.empty` past the last one, since files drop trailing empty cells.
    public subscript(column: Int) -> Cell {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }

    public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}
