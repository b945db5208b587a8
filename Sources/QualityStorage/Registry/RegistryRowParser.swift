import Foundation
import QualityRules
import Spreadsheet

/// A row refused, and why: the file, the row Excel shows, the column, and a reason in both languages.
public struct RejectedRow: Error, Sendable, Hashable, Codable {
    public var file: String
    public var row: Int
    public var column: String
    public var reason: LocalizedText
}

/// Why a field's text was refused.
public struct FieldProblem: Error, Sendable {
    public var reason: LocalizedText
}

/// A row read and checked: the values to store, the record it names and a hash of its content.
public struct RegistryRow: Sendable {
    public var creditCode: String
    public var values: [RegistryValue]
    /// The natural key within the enterprise (see `RegistryLayout.key`).
    public var recordKey: String
    /// FNV-1a of the stored values: equal content, equal hash, whatever the file's formatting was.
    public var hash: Int64
    public var row: Int
    /// Registrations only: the facts' `registration` member, made while the file is read (on the reading
    /// task, beside the writer) rather than by the writer for each of a million enterprises.
    public var registration: String?
}

/// Reads one kind of registry file's rows against its layout. Checks are those of the facts schema
/// (`docs/facts.md`), so a row that passes makes facts the engine accepts.
public struct RegistryRowParser: Sendable {
    public let layout: RegistryLayout
    public let file: String
    /// Field index → CSV column index (nil: the file has no such column).
    let columns: [Int?]

    public enum HeaderProblem: Error, Sendable, Equatable {
        case missingColumns([String])
        case duplicateColumn(String)
        case empty

        public var message: LocalizedText {
            switch self {
            case .missingColumns(let names):
                LocalizedText(zh: "文件缺少必需的列：\(names.joined(separator: "、"))（见 docs/registry-import.md）",
                              en: "The file lacks required columns: \(names.joined(separator: ", ")) (see docs/registry-import.md)")
            case .duplicateColumn(let name):
                LocalizedText(zh: "列“\(name)”出现了两次", en: "Column '\(name)' appears twice")
            case .empty:
                LocalizedText(zh: "文件为空：第 1 行应为列名", en: "The file is empty: row 1 must hold the column names")
            }
        }
    }

    /// Matches the header row to the layout: English names or Chinese headers, in any order; columns the
    /// layout does not know are ignored.
    public init(layout: RegistryLayout, file: String, header: [String]) throws(HeaderProblem) {
        self.layout = layout
        self.file = file
        let names = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var columns: [Int?] = []
        var missing: [String] = []
        for field in layout.fields {
            let matches = names.indices.filter { names[$0] == field.column || names[$0] == field.header.zh }
            if matches.count > 1 { throw .duplicateColumn(field.column) }
            columns.append(matches.first)
            if matches.isEmpty && field.required { missing.append("\(field.column)（\(field.header.zh)）") }
        }
        guard missing.isEmpty else { throw .missingColumns(missing) }
        self.columns = columns
    }

    public func parse(_ row: CSVRecord) -> Result<RegistryRow, RejectedRow> {
        var values: [RegistryValue] = []
        values.reserveCapacity(layout.fields.count)
        for (index, field) in layout.fields.enumerated() {
            let text = columns[index].map { row[$0] } ?? ""
            switch Self.read(trimmed(text), as: field) {
            case .success(let value): values.append(value)
            case .failure(let problem): return .failure(reject(row.row, field, problem.reason))
            }
        }
        if let problem = crossCheck(values) { return .failure(reject(row.row, problem.0, problem.1)) }
        let code = values[0].text ?? ""
        return .success(RegistryRow(creditCode: code, values: values, recordKey: recordKey(values),
                                    hash: Self.hash(values), row: row.row,
                                    registration: layout.kind == .registrations ? RegistrySections.registrationJSON(values) : nil))
    }

    private func trimmed(_ text: String) -> String {
        // Most registry fields have no surrounding space; skip the scan when neither end is one.
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !Self.isWhitespace(first) && !Self.isWhitespace(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `scalar.properties.isWhitespace`, answered without Unicode's property tables for letters and digits
    /// (ASCII, and everything past U+3000, the last whitespace scalar: every Chinese character).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.value <= 0x3000 && scalar.properties.isWhitespace
    }

    /// The layout's name for a column of the file, or its position.
    func columnName(csvColumn: Int) -> String {
        columns.firstIndex(of: csvColumn).map { layout.fields[$0].column } ?? "column \(csvColumn + 1)"
    }

    func reject(_ row: Int, _ field: RegistryField, _ reason: LocalizedText) -> RejectedRow {
        RejectedRow(file: file, row: row, column: field.column, reason: reason)
    }

    /// Periods that end before they start, as the facts' consistency check refuses them.
    private func crossCheck(_ values: [RegistryValue]) -> (RegistryField, LocalizedText)? {
        func pair(_ start: String, _ end: String) -> (RegistryField, LocalizedText)? {
            guard let s = layout.index(of: start), let e = layout.index(of: end),
                  let from = values[s].text, let to = values[e].text, to < from else { return nil }
            return (layout.fields[e], LocalizedText(zh: "\(layout.fields[e].header.zh) \(to) 早于 \(layout.fields[s].header.zh) \(from)",
                                                    en: "\(end) \(to) is before \(start) \(from)"))
        }
        switch layout.kind {
        case .certifications: return pair("valid_from", "valid_to")
        case .secretariats: return pair("since", "until")
        default: return nil
        }
    }

    func recordKey(_ values: [RegistryValue]) -> String {
        if layout.kind == .events, values[layout.index(of: "reference")!] == .null {
            // No document number: the event is named by its content, so the same event imported twice is one.
            return "#" + String(UInt64(bitPattern: Self.hash(values)), radix: 16)
        }
        return layout.key.map { column in
            switch values[layout.index(of: column)!] {
            case .null: ""
            case .text(let text): text
            case .integer(let number): String(number)
            case .boolean(let flag): flag ? "1" : "0"
            }
        }.joined(separator: "|")
    }

    static func hash(_ values: [RegistryValue]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        for value in values {
            switch value {
            case .null: mix(0)
            case .text(let text):
                mix(1)
                for byte in text.utf8 { mix(byte) }
            case .integer(let number):
                mix(2)
                var n = UInt64(bitPattern: number)
                for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: n)); n >>= 8 }
            case .boolean(let flag): mix(flag ? 3 : 4)
            }
            mix(0x1F)
        }
        return Int64(bitPattern: hash)
    }

    // MARK: - Fields

    static func read(_ text: String, as field: RegistryField) -> Result<RegistryValue, FieldProblem> {
        func fail(_ reason: LocalizedText) -> Result<RegistryValue, FieldProblem> { .failure(FieldProblem(reason: reason)) }
        if text.isEmpty {
            return field.required
                ? fail(LocalizedText(zh: "必填项“\(field.header.zh)”为空", en: "'\(field.column)' is required but empty"))
                : .success(.null)
        }
        switch field.type {
        case .creditCode:
            if let code = FastCreditCode.validated(text) { return .success(.text(code)) }
            switch CreditCode.validate(text) {
            case .success(let code): return .success(.text(code.value))
            case .failure(let problem): return fail(problem.message)
            }
        case .divisionCode:
            guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return fail(LocalizedText(zh: "行政区划代码应为 6 位数字，当前为“\(text)”", en: "A division code has six digits; got '\(text)'"))
            }
            return .success(.text(text))
        case .industryCode:
            let code = text.uppercased()
            let bytes = Array(code.utf8)
            let digits = bytes.dropFirst()
            guard let first = bytes.first, first >= 0x41, first <= 0x54, [0, 2, 3, 4].contains(digits.count),
                  digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return fail(LocalizedText(zh: "行业代码应为门类字母 A–T 加 2 至 4 位数字（如 C3981），当前为“\(text)”",
                                              en: "An industry code is a section letter A–T and 2 to 4 digits (C3981); got '\(text)'"))
            }
            return .success(.text(code))
        case .text(let maxLength):
            guard text.count <= maxLength else {
                return fail(LocalizedText(zh: "“\(field.header.zh)”超过 \(maxLength) 个字符", en: "'\(field.column)' is longer than \(maxLength) characters"))
            }
            return .success(.text(text))
        case .date:
            guard let date = CalendarDate(iso: text) else {
                return fail(LocalizedText(zh: "“\(text)”不是存在的日期（格式 YYYY-MM-DD）", en: "'\(text)' is not a date that exists (YYYY-MM-DD)"))
            }
            return .success(.text(date.iso))
        case .year:
            guard let year = Int(text), (1900...2100).contains(year) else {
                return fail(LocalizedText(zh: "年度应为 1900–2100 之间的整数，当前为“\(text)”", en: "A year is a whole number from 1900 to 2100; got '\(text)'"))
            }
            return .success(.integer(Int64(year)))
        case .money:
            switch Money.parse(yuan: text) {
            case .success(let money): return .success(.integer(money.fen))
            case .failure(let problem): return fail(problem.message)
            }
        case .integer(let range):
            guard let number = Int(text), range.contains(number) else {
                return fail(LocalizedText(zh: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数，当前为“\(text)”",
                                              en: "Must be a whole number from \(range.lowerBound) to \(range.upperBound); got '\(text)'"))
            }
            return .success(.integer(Int64(number)))
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes", "y", "是": return .success(.boolean(true))
            case "false", "0", "no", "n", "否": return .success(.boolean(false))
            default:
                return fail(LocalizedText(zh: "应为 是/否（true/false），当前为“\(text)”", en: "Must be true or false (是/否); got '\(text)'"))
            }
        case .choice(let accepted):
            guard let value = accepted[text] else { return fail(notAccepted(text, accepted)) }
            return .success(.text(value))
        case .choices(let accepted):
            var chosen: [String] = []
            for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                guard let value = accepted[part] else { return fail(notAccepted(part, accepted)) }
                if !chosen.contains(value) { chosen.append(value) }
            }
            return .success(chosen.isEmpty ? .null : .text(chosen.joined(separator: ";")))
        }
    }

    static func notAccepted(_ text: String, _ accepted: [String: String]) -> LocalizedText {
        let names = Set(accepted.values).sorted().joined(separator: ", ")
        return LocalizedText(zh: "“\(text)”不是可接受的取值（可用：\(names)）", en: "'\(text)' is not an accepted value (one of: \(names))")
    }
}

/// The GB 32100 check on bytes, for the million-row import: most codes are upper-case ASCII and right,
/// and for those this is a fraction of `CreditCode.validate`'s cost. Anything else goes to the full check,
/// which says what is wrong.
enum FastCreditCode {
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in "0123456789ABCDEFGHJKLMNPQRTUWXY".utf8.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    static func validated(_ text: String) -> String? {
        let checked: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.count == 18 else { return nil }
            var sum = 0
            for index in 0..<17 {
                let byte = bytes[index]
                guard byte < 128 else { return nil }
                let value = Int(values[Int(byte)])
                guard value >= 0 else { return nil }
                if index >= 2 && index < 8 && !(byte >= 0x30 && byte <= 0x39) { return nil }
                sum += value * weights[index]
            }
            return bytes[17] == alphabet[(31 - sum % 31) % 31] ? text : nil
        }
        return checked ?? nil
    }
}
