/// Writes one table as a worksheet part: header row (bold, frozen), column widths, typed cells.
struct WorksheetWriter {
    /// Excel keeps about 15 significant digits; longer integers (ID card numbers, 18-digit codes) would be
    /// silently rounded, so they are written as text.
    static let largestExactInteger: Int64 = 999_999_999_999_999
    static let maxTextLength = 32_767

    let table: Table
    let sheetName: String
    let options: XLSXWriter.Options
    let isFirstSheet: Bool

    func xml(styles: inout StyleTable, sharedStrings: inout SharedStrings) throws -> [UInt8] {
        let hasHeader = !table.columns.isEmpty
        let rowCount = table.rows.count + (hasHeader ? 1 : 0)
        let columnCount = max(table.columns.count, table.rows.map(\.cells.count).max() ?? 0)
        guard rowCount <= CellReference.maxRows else {
            throw SpreadsheetError.tooManyRows(sheet: sheetName, count: rowCount)
        }
        guard columnCount <= CellReference.maxColumns else {
            throw SpreadsheetError.tooManyColumns(sheet: sheetName, count: columnCount)
        }
        let columnNames = (0..<columnCount).map(CellReference.columnName)

        var out = Array((XMLPart.declaration
            + "<worksheet xmlns=\"\(XMLPart.mainNamespace)\" xmlns:r=\"\(XMLPart.relationshipsNamespace)\">").utf8)
        let lastCell = columnCount > 0 && rowCount > 0 ? "A1:\(columnNames[columnCount - 1])\(rowCount)" : "A1"
        out.append(contentsOf: "<dimension ref=\"\(lastCell)\"/>".utf8)
        out.append(contentsOf: sheetView(frozen: hasHeader && options.freezeHeader).utf8)
        if columnCount > 0 {
            out.append(contentsOf: "<cols>".utf8)
            for (index, width) in columnWidths(columnCount: columnCount).enumerated() {
                out.append(contentsOf: "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>".utf8)
            }
            out.append(contentsOf: "</cols>".utf8)
        }

        out.append(contentsOf: "<sheetData>".utf8)
        var rowNumber = 0
        if hasHeader {
            rowNumber = 1
            let headerStyle = styles.index(bold: options.boldHeader, format: nil)
            out.append(contentsOf: "<row r=\"1\">".utf8)
            for (index, column) in table.columns.enumerated() where !column.title.isEmpty {
                try appendText(column.title, reference: columnNames[index] + "1", row: 1, column: index,
                               style: headerStyle, to: &out, sharedStrings: &sharedStrings)
            }
            out.append(contentsOf: "</row>".utf8)
        }
        for row in table.rows {
            rowNumber += 1
            guard !row.cells.allSatisfy({ $0.isEmpty }) else { continue }
            let rowText = String(rowNumber)
            out.append(contentsOf: "<row r=\"\(rowText)\">".utf8)
            for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
                let format = index < table.columns.count ? table.columns[index].format : nil
                try appendCell(cell, reference: columnNames[index] + rowText, row: rowNumber, column: index,
                               columnFormat: format, to: &out, styles: &styles, sharedStrings: &sharedStrings)
            }
            out.append(contentsOf: "</row>".utf8)
        }
        out.append(contentsOf: "</sheetData></worksheet>".utf8)
        return out
    }

    private func sheetView(frozen: Bool) -> String {
        let selected = isFirstSheet ? " tabSelected=\"1\"" : ""
        guard frozen else { return "<sheetViews><sheetView\(selected) workbookViewId=\"0\"/></sheetViews>" }
        return "<sheetViews><sheetView\(selected) workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
    }

    private func columnWidths(columnCount: Int) -> [String] {
        (0..<columnCount).map { index in
            let column = index < table.columns.count ? table.columns[index] : nil
            if let width = column?.width { return DecimalText.plain(width, fractionDigits: 2) }
            let grouped = column?.format?.code.contains(",") ?? true
            let widths = table.rows.prefix(ColumnWidth.sampledRows).map { ColumnWidth.display($0[index], grouped: grouped) }
            let estimate = ColumnWidth.estimate(titleWidth: ColumnWidth.display(column?.title ?? ""), cellWidths: widths)
            return DecimalText.plain(estimate, fractionDigits: 2)
        }
    }

    private func appendCell(_ cell: Cell, reference: String, row: Int, column: Int, columnFormat: NumberFormat?,
                            to out: inout [UInt8], styles: inout StyleTable, sharedStrings: inout SharedStrings) throws {
        // A column's format applies to the cells it suits: a date column's format to dates, a money
        // column's to numbers; a date in a money column still shows as a date.
        let columnKind = columnFormat?.kind
        func number(_ value: String, defaultFormat: NumberFormat?) {
            let isDate = defaultFormat == .date || defaultFormat == .dateTime
            let suits = isDate ? columnKind == .date : columnKind == .number
            let style = styles.index(format: suits ? columnFormat : defaultFormat)
            out.append(contentsOf: "<c r=\"\(reference)\"\(Self.styleAttribute(style))><v>\(value)</v></c>".utf8)
        }
        let textStyle = styles.index(format: columnFormat)
        switch cell {
        case .empty:
            return
        case .text(let text):
            try appendText(text, reference: reference, row: row, column: column, style: textStyle,
                           to: &out, sharedStrings: &sharedStrings)
        case .integer(let value):
            if value.magnitude > Self.largestExactInteger.magnitude {
                try appendText(String(value), reference: reference, row: row, column: column, style: textStyle,
                               to: &out, sharedStrings: &sharedStrings)
            } else {
                number(String(value), defaultFormat: nil)
            }
        case .decimal(let value):
            number(DecimalText.plain(value), defaultFormat: nil)
        case .fixed(let units, let scale):
            number(FixedPoint.text(units: units, scale: scale), defaultFormat: .fixed(scale: scale))
        case .date(let date):
            guard let serial = ExcelSerial.serial(of: date) else {
                // Before 1900 Excel has no date; the ISO text still reads right.
                return try appendText(date.iso, reference: reference, row: row, column: column, style: textStyle,
                                      to: &out, sharedStrings: &sharedStrings)
            }
            number(String(serial), defaultFormat: .date)
        case .dateTime(let dateTime):
            guard let serial = ExcelSerial.serial(of: dateTime) else {
                return try appendText(dateTime.description, reference: reference, row: row, column: column,
                                      style: textStyle, to: &out, sharedStrings: &sharedStrings)
            }
            number(ExcelSerial.text(serial), defaultFormat: .dateTime)
        case .boolean(let value):
            out.append(contentsOf: "<c r=\"\(reference)\"\(Self.styleAttribute(textStyle)) t=\"b\"><v>\(value ? 1 : 0)</v></c>".utf8)
        }
    }

    private func appendText(_ text: String, reference: String, row: Int, column: Int, style: Int,
                            to out: inout [UInt8], sharedStrings: inout SharedStrings) throws {
        guard text.utf16.count <= Self.maxTextLength else {
            throw SpreadsheetError.textTooLong(sheet: sheetName, row: row, column: column + 1)
        }
        if options.sharedStrings {
            let index = sharedStrings.index(of: text)
            out.append(contentsOf: "<c r=\"\(reference)\"\(Self.styleAttribute(style)) t=\"s\"><v>\(index)</v></c>".utf8)
        } else {
            out.append(contentsOf: "<c r=\"\(reference)\"\(Self.styleAttribute(style)) t=\"inlineStr\"><is>".utf8)
            Self.appendTextElement(text, to: &out)
            out.append(contentsOf: "</is></c>".utf8)
        }
    }

    /// `<t>` keeps leading and trailing spaces and line breaks only with `xml:space="preserve"`.
    static func appendTextElement(_ text: String, to out: inout [UInt8]) {
        let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
        out.append(contentsOf: (preserve ? "<t xml:space=\"preserve\">" : "<t>").utf8)
        OOXMLText.appendEscaped(text, to: &out)
        out.append(contentsOf: "</t>".utf8)
    }

    private static func styleAttribute(_ style: Int) -> String {
        style == 0 ? "" : " s=\"\(style)\""
    }
}
