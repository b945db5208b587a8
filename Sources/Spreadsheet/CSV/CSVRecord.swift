/// One record of a CSV file with its position, for messages such as "第 12 行".
public struct CSVRecord: Hashable, Sendable {
    public var fields: [String]
    /// 1-based record number: the row Excel shows it in (a quoted field spanning lines stays one row).
    public var row: Int
    /// 1-based physical line of the file where the record starts.
    public var line: Int

    public init(fields: [String], row: Int, line: Int) {
        self.fields = fields
        self.row = row
        self.line = line
    }

    /// The field at `index`, or "" past the end (short rows are common in hand-edited files).
    public subscript(index: Int) -> String {
        index >= 0 && index < fields.count ? fields[index] : ""
    }
}

/// Where a field's bytes are: in the read buffer as they stand, or unescaped into the scratch buffer.
struct FieldSpan {
    var start: Int
    var end: Int
    var inScratch: Bool
}

/// A record lent to `CSVReader.forEachRow` without copying it out: fields stay bytes in the reader's buffer
/// until asked for. Non-copyable, so it cannot outlive the call that lends it.
public struct CSVRow: ~Copyable {
    let base: UnsafePointer<UInt8>
    let scratch: UnsafePointer<UInt8>
    let spans: UnsafeBufferPointer<FieldSpan>
    /// See `CSVRecord.row`.
    public let row: Int
    /// See `CSVRecord.line`.
    public let line: Int

    public var count: Int { spans.count }

    /// The field's UTF-8 bytes, unquoted and unescaped; valid only inside `body`.
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let span = spans[index]
        let origin = span.inScratch ? scratch : base
        return try body(UnsafeBufferPointer(start: origin + span.start, count: span.end - span.start))
    }

    /// The field as text; throws `notUTF8` rather than guessing at mojibake. "" past the last field.
    public func string(at index: Int) throws -> String {
        guard index >= 0 && index < spans.count else { return "" }
        let span = spans[index]
        let origin = span.inScratch ? scratch : base
        let bytes = UnsafeBufferPointer(start: origin + span.start, count: span.end - span.start)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SpreadsheetError.notUTF8(row: row, line: line, column: index + 1)
        }
        return text
    }

    public func strings() throws -> [String] {
        var result: [String] = []
        result.reserveCapacity(spans.count)
        for index in 0..<spans.count {
            result.append(try string(at: index))
        }
        return result
    }
}
