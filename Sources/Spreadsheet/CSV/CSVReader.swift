import Foundation

/// Reads RFC 4180 CSV from a file, streaming, or from memory.
///
/// Quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF/LF/CR line ends and a
/// UTF-8 BOM are handled. Like Excel, text after a closing quote is kept (`"ab"c` reads as `abc`) and a
/// stray quote inside an unquoted field is literal. The parser works on bytes and only makes `String`s
/// for the fields asked for.
///
/// ```swift
/// let reader = try CSVReader(url: upload)
/// while let record = try reader.next() { … record.fields, record.row … }
/// try reader.forEachRow { row in let code = try row.string(at: 0) … }   // hot path
/// ```
public final class CSVReader {
    private let options: CSVReadOptions
    private var handle: FileHandle?
    private let path: String

    // Bytes [start, end) of `buffer` are read but not yet parsed.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var exhausted = false
    private var bomChecked = false

    // The current record: its fields' spans and, for fields with doubled quotes, their unescaped bytes.
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64
    private var spanCount = 0
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1024
    private var scratchCount = 0

    private var nextRowNumber = 1
    private var nextLineNumber = 1
    private var recordRow = 0
    private var recordLine = 0

    /// Opens `url` for streaming; the file is read `chunkSize` bytes at a time.
    public init(url: URL, options: CSVReadOptions = CSVReadOptions()) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw SpreadsheetError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
        self.options = options
        self.path = url.path
        capacity = options.chunkSize
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    public init<Bytes: Collection>(bytes: Bytes, options: CSVReadOptions = CSVReadOptions()) where Bytes.Element == UInt8 {
        self.options = options
        self.path = "<memory>"
        capacity = max(bytes.count, 1)
        buffer = .allocate(capacity: capacity)
        _ = UnsafeMutableBufferPointer(start: buffer, count: capacity).initialize(from: bytes)
        end = bytes.count
        exhausted = true
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    public convenience init(data: Data, options: CSVReadOptions = CSVReadOptions()) {
        self.init(bytes: data, options: options)
    }

    public convenience init(string: String, options: CSVReadOptions = CSVReadOptions()) {
        self.init(bytes: Array(string.utf8), options: options)
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
        scratch.deallocate()
        try? handle?.close()
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> CSVRecord? {
        guard try advance() else { return nil }
        return CSVRecord(fields: try withCurrentRow { try $0.strings() }, row: recordRow, line: recordLine)
    }

    /// Calls `body` with each remaining record in place — no `String` is made unless `body` asks for one.
    public func forEachRow(_ body: (borrowing CSVRow) throws -> Void) throws {
        while try advance() {
            try withCurrentRow(body)
        }
    }

    /// All remaining records.
    public func readAll() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() {
            records.append(record)
        }
        return records
    }

    private func withCurrentRow<R>(_ body: (borrowing CSVRow) throws -> R) rethrows -> R {
        let row = CSVRow(base: UnsafePointer(buffer), scratch: UnsafePointer(scratch),
                         spans: UnsafeBufferPointer(start: spans, count: spanCount),
                         row: recordRow, line: recordLine)
        return try body(row)
    }

    // MARK: - Reading records

    /// Parses the next record into `spans`; false at the end of input.
    private func advance() throws -> Bool {
        while true {
            if !bomChecked {
                if end - start < 3 && !exhausted {
                    try refill()
                    continue
                }
                if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                    start += 3
                }
                bomChecked = true
            }
            if start >= end {
                if exhausted { return false }
                try refill()
                continue
            }
            guard let (next, lines) = try parseRecord(final: exhausted) else {
                try refill()
                continue
            }
            let recordStart = start
            recordRow = nextRowNumber
            recordLine = nextLineNumber
            start = next
            nextRowNumber += 1
            nextLineNumber += lines
            let isBlankLine = spanCount == 1 && !spans[0].inScratch && spans[0].start == spans[0].end
                && (recordStart == end || buffer[recordStart] == 0x0D || buffer[recordStart] == 0x0A)
            if isBlankLine && options.skipEmptyLines { continue }
            return true
        }
    }

    /// Moves the unparsed tail to the front and reads more; grows the buffer when one record fills it.
    private func refill() throws {
        guard let handle else {
            exhausted = true
            return
        }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(buffer, buffer + start, remaining) }
            start = 0
            end = remaining
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: capacity - end)
        } catch {
            throw SpreadsheetError.cannotRead(path: path, reason: error.localizedDescription)
        }
        guard let chunk, !chunk.isEmpty else {
            exhausted = true
            return
        }
        chunk.copyBytes(to: buffer + end, count: chunk.count)
        end += chunk.count
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses one record starting at `start`. Returns where the next record starts and how many line
    /// breaks were consumed, or nil when the buffer ends inside the record and more input may follow.
    private func parseRecord(final: Bool) throws -> (next: Int, lines: Int)? {
        let p = buffer
        let end = self.end
        let delimiter = options.delimiter
        let quote = Self.quote, cr = Self.cr, lf = Self.lf
        var i = start
        var lines = 0
        spanCount = 0
        scratchCount = 0
        while true {
            if i < end && p[i] == quote {
                let openedAfterLines = lines
                i += 1
                var segment = i
                var unescaped = false
                var scratchStart = scratchCount
                while true {
                    while i < end {
                        let byte = p[i]
                        if byte == quote { break }
                        if byte == lf { lines += 1 }
                        i += 1
                    }
                    guard i < end else {
                        if final {
                            throw SpreadsheetError.unterminatedQuote(row: nextRowNumber,
                                                                    line: nextLineNumber + openedAfterLines)
                        }
                        return nil
                    }
                    if i + 1 < end {
                        guard p[i + 1] == quote else { break }
                        if !unescaped {
                            unescaped = true
                            scratchStart = scratchCount
                        }
                        appendScratch(p + segment, count: i + 1 - segment)
                        i += 2
                        segment = i
                        continue
                    }
                    if !final { return nil }
                    break
                }
                let closing = i
                i += 1
                let tail = i
                while i < end {
                    let byte = p[i]
                    if byte == delimiter || byte == cr || byte == lf { break }
                    i += 1
                }
                if unescaped || i > tail {
                    if !unescaped { scratchStart = scratchCount }
                    appendScratch(p + segment, count: closing - segment)
                    appendScratch(p + tail, count: i - tail)
                    appendSpan(FieldSpan(start: scratchStart, end: scratchCount, inScratch: true))
                } else {
                    appendSpan(FieldSpan(start: segment, end: closing, inScratch: false))
                }
            } else {
                let fieldStart = i
                while i < end {
                    let byte = p[i]
                    if byte == delimiter || byte == cr || byte == lf { break }
                    i += 1
                }
                appendSpan(FieldSpan(start: fieldStart, end: i, inScratch: false))
            }
            guard i < end else { return final ? (i, lines) : nil }
            let byte = p[i]
            if byte == delimiter {
                i += 1
                continue
            }
            if byte == cr {
                if i + 1 < end {
                    i += p[i + 1] == lf ? 2 : 1
                } else if final {
                    i += 1
                } else {
                    return nil
                }
            } else {
                i += 1
            }
            return (i, lines + 1)
        }
    }

    @inline(__always)
    private func appendSpan(_ span: FieldSpan) {
        if spanCount == spanCapacity {
            let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
            grown.initialize(from: spans, count: spanCount)
            spans.deallocate()
            spans = grown
            spanCapacity *= 2
        }
        (spans + spanCount).initialize(to: span)
        spanCount += 1
    }

    private func appendScratch(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        if scratchCount + count > scratchCapacity {
            var newCapacity = scratchCapacity * 2
            while scratchCount + count > newCapacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = grown
            scratchCapacity = newCapacity
        }
        (scratch + scratchCount).update(from: bytes, count: count)
        scratchCount += count
    }
}
