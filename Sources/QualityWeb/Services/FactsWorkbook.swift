import Foundation
import QualityRules
import Spreadsheet

/// The enterprise facts as an Excel workbook its staff can keep: one sheet per section of `EnterpriseFacts`,
/// bilingual column titles, vocabulary written as Chinese labels, dates as date cells and money in yuan.
///
/// The workbook is a view of the facts JSON: export encodes the facts and turns each JSON value into a
/// cell by its column's kind; import turns cells back into JSON values, remembering which cell each value
/// came from, and lets `EnterpriseFacts.validate` judge the document, so the workbook accepts exactly what
/// the engine accepts. A problem at a JSON path is reported at the sheet, row and column it came from.
///
/// Reviewers' attestations and the platform's history are not in the workbook; an import keeps them as
/// stored.
enum FactsWorkbook {
    /// How a column's cells map to JSON values.
    enum Kind: Sendable {
        case text
        /// `YYYY-MM-DD` in the facts; a date cell in the sheet.
        case date
        /// Integer fen in the facts; yuan with two decimals in the sheet, converted exactly.
        case money
        case integer
        /// true/false in the facts; 是/否 in the sheet.
        case boolean
        /// A code of a closed vocabulary in the facts; its Chinese label in the sheet.
        case choice(Vocabulary)
    }

    struct Field: Sendable {
        /// Where the value sits in a record (one key), or in the facts (a path, for the registration sheet).
        var path: [String]
        var title: LocalizedText
        var kind: Kind
        /// The schema requires it (a test keeps these in step with `FactsSchema`).
        var required: Bool
        var note: LocalizedText?

        init(_ path: String..., title: LocalizedText, _ kind: Kind, required: Bool = false, note: LocalizedText? = nil) {
            self.path = path
            self.title = title
            self.kind = kind
            self.required = required
            self.note = note
        }

        var key: String { path.last! }

        /// The column title in the sheet: "类型 Type".
        var header: String { "\(title.zh) \(title.en)" }

        /// What a header cell may say for this column: both languages, either one, or the JSON key.
        func isTitled(_ text: String) -> Bool {
            let wanted = Vocabulary.normalised(text)
            return [header, title.zh, title.en, key].contains { Vocabulary.normalised($0) == wanted }
        }
    }

    enum Shape: Sendable {
        /// Label/value rows (基本信息): each field is one row.
        case items
        /// One record per row, the array at `path` in the facts.
        case records(path: [String])
        /// Every management practice, one per row, with 是/否 (管理实践).
        case checklist
    }

    struct Sheet: Sendable {
        var title: LocalizedText
        var shape: Shape
        var fields: [Field]

        /// The sheet's tab name: Chinese, as the enterprise's staff know it.
        var name: String { title.zh }
    }

    // MARK: The layout

    private typealias C = Strings.FactsWorkbook.Columns
    private typealias S = Strings.FactsWorkbook.Sheets
    private typealias N = Strings.FactsWorkbook.Notes

    static let registration = Sheet(title: S.registration, shape: .items, fields: [
        Field("registration", "creditCode", title: C.creditCode, .text, required: true, note: N.identity),
        Field("registration", "name", title: C.name, .text, required: true, note: N.identity),
        Field("registration", "divisionCode", title: C.divisionCode, .text, note: N.divisionDefault),
        Field("registration", "city", title: C.city, .text, note: N.identity),
        Field("registration", "district", title: C.district, .text, note: N.identity),
        Field("registration", "registeredOn", title: C.registeredOn, .date, required: true),
        Field("registration", "legalForm", title: C.legalForm, .choice(Vocabulary(LegalForm.self)), required: true),
        Field("registration", "industryCode", title: C.industryCode, .text, required: true),
        Field("registration", "operatingStatus", title: C.operatingStatus, .choice(Vocabulary(OperatingStatus.self)), required: true),
        Field("staff", "fullTimeQualityStaff", title: C.fullTimeQualityStaff, .integer),
        Field("chiefQualityOfficer", "appointed", title: C.cqoAppointed, .boolean),
        Field("chiefQualityOfficer", "trained", title: C.cqoTrained, .boolean),
    ])

    static let practices = Sheet(title: S.practices, shape: .checklist, fields: [
        Field("practice", title: C.practice, .choice(Vocabulary(ManagementPractice.self)), required: true),
        Field("declared", title: C.declared, .boolean),
    ])

    static let level = Kind.choice(Vocabulary(AdministrativeLevel.self))
    static let jurisdiction = Kind.choice(Vocabulary(Jurisdiction.self))

    /// Every sheet in tab order (the read-me sheet is added after them).
    static let sheets: [Sheet] = [
        registration,
        Sheet(title: S.certifications, shape: .records(path: ["certifications"]), fields: [
            Field("type", title: C.certificateType, .choice(Vocabulary(CertificationType.self)), required: true),
            Field("number", title: C.certificateNumber, .text, required: true),
            Field("issuer", title: C.issuer, .text),
            Field("validFrom", title: C.validFrom, .date, required: true),
            Field("validTo", title: C.validTo, .date, note: N.noExpiry),
        ]),
        Sheet(title: S.taxes, shape: .records(path: ["taxes"]), fields: [
            Field("year", title: C.taxYear, .integer, required: true),
            Field("amount", title: C.taxAmount, .money, required: true),
        ]),
        Sheet(title: S.events, shape: .records(path: ["events"]), fields: [
            Field("date", title: C.eventDate, .date, required: true),
            Field("kind", title: C.eventKind, .choice(Vocabulary(EventKind.self)), required: true),
            Field("area", title: C.eventArea, .choice(Vocabulary(EventArea.self)), required: true),
            Field("severity", title: C.severity, .choice(Vocabulary(Severity.self)), required: true),
            Field("outcome", title: C.outcome, .choice(Vocabulary(EventOutcome.self)), required: true),
            Field("level", title: C.authorityLevel, level, required: true),
            Field("reference", title: C.reference, .text),
            Field("note", title: C.note, .text),
        ]),
        Sheet(title: S.patents, shape: .records(path: ["patents"]), fields: [
            Field("number", title: C.patentNumber, .text),
            Field("kind", title: C.patentKind, .choice(Vocabulary(PatentKind.self)), required: true),
            Field("jurisdiction", title: C.patentJurisdiction, jurisdiction, required: true),
            Field("grantedOn", title: C.grantedOn, .date, required: true),
        ]),
        Sheet(title: S.standards, shape: .records(path: ["standards"]), fields: [
            Field("number", title: C.standardNumber, .text),
            Field("level", title: C.standardLevel, .choice(Vocabulary(StandardLevel.self)), required: true),
            Field("role", title: C.draftingRole, .choice(Vocabulary(DraftingRole.self)), required: true),
            Field("publishedOn", title: C.publishedOn, .date, required: true),
        ]),
        Sheet(title: S.secretariats, shape: .records(path: ["secretariats"]), fields: [
            Field("committee", title: C.committee, .text),
            Field("level", title: C.level, level, required: true),
            Field("joint", title: C.joint, .boolean, required: true),
            Field("since", title: C.since, .date),
            Field("until", title: C.until, .date, note: N.stillHeld),
        ]),
        Sheet(title: S.trademarks, shape: .records(path: ["trademarks"]), fields: [
            Field("number", title: C.trademarkNumber, .text),
            Field("jurisdiction", title: C.trademarkJurisdiction, jurisdiction, required: true),
            Field("registeredOn", title: C.trademarkRegisteredOn, .date, required: true),
        ]),
        Sheet(title: S.awards, shape: .records(path: ["awards"]), fields: [
            Field("kind", title: C.awardKind, .choice(Vocabulary(AwardKind.self)), required: true),
            Field("name", title: C.awardName, .text),
            Field("level", title: C.level, level, required: true),
            Field("year", title: C.year, .integer, required: true),
            Field("date", title: C.awardDate, .date),
        ]),
        Sheet(title: S.labs, shape: .records(path: ["labs"]), fields: [
            Field("name", title: C.labName, .text),
            Field("independent", title: C.independent, .boolean, required: true),
            Field("cnas", title: C.cnas, .boolean),
        ]),
        Sheet(title: S.projects, shape: .records(path: ["projects"]), fields: [
            Field("name", title: C.projectName, .text),
            Field("level", title: C.level, level, required: true),
            Field("kind", title: C.projectKind, .choice(Vocabulary(ProjectKind.self)), required: true),
            Field("year", title: C.projectYear, .integer, required: true),
        ]),
        Sheet(title: S.professionalTitles, shape: .records(path: ["staff", "professionalTitles"]), fields: [
            Field("field", title: C.titleField, .choice(Vocabulary(TitleField.self)), required: true),
            Field("level", title: C.titleLevel, .choice(Vocabulary(TitleLevel.self)), required: true),
            Field("count", title: C.count, .integer, required: true),
        ]),
        practices,
    ]

    static let readMeSheetName = Strings.FactsWorkbook.Sheets.readMe.zh
}

// MARK: - Vocabularies

extension FactsWorkbook {
    /// A closed vocabulary of the facts with its labels: written as the Chinese label, read back from the
    /// Chinese label, the English label or the code (ignoring case, spaces and full-width brackets).
    struct Vocabulary: Sendable {
        struct Entry: Sendable {
            var code: String
            var label: LocalizedText
        }

        let entries: [Entry]
        private let lookup: [String: String]

        init<E: CaseIterable & RawRepresentable & Labelled>(_ type: E.Type) where E.RawValue == String {
            entries = E.allCases.map { Entry(code: $0.rawValue, label: $0.label) }
            var lookup: [String: String] = [:]
            // Codes first, then English, then Chinese: a later spelling never hides an earlier one's meaning,
            // and the test of the vocabularies proves no spelling names two values.
            for entry in entries { lookup[Self.normalised(entry.code)] = entry.code }
            for entry in entries { lookup[Self.normalised(entry.label.en)] = entry.code }
            for entry in entries { lookup[Self.normalised(entry.label.zh)] = entry.code }
            self.lookup = lookup
        }

        func label(of code: String) -> LocalizedText? {
            entries.first { $0.code == code }?.label
        }

        func code(for text: String) -> String? {
            lookup[Self.normalised(text)]
        }

        /// Every spelling each code is accepted under, for the vocabulary test.
        var spellings: [(spelling: String, code: String)] {
            entries.flatMap { entry in
                [entry.code, entry.label.en, entry.label.zh].map { (Self.normalised($0), entry.code) }
            }
        }

        static func normalised(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
                if CharacterSet.whitespacesAndNewlines.contains(scalar) { return nil }
                switch scalar {
                case "（": return "("
                case "）": return ")"
                default: return Character(scalar)
                }
            })
        }
    }
}

// MARK: - The facts as JSON values

extension FactsWorkbook {
    /// A JSON value as the facts document holds it (the facts have no fractional numbers).
    indirect enum Value: Hashable, Sendable, Codable {
        case null
        case bool(Bool)
        case integer(Int64)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int64.self) { self = .integer(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([Value].self) { self = .array(value) }
            else { self = .object(try container.decode([String: Value].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }

        init<T: Encodable>(encoding value: T) throws {
            self = try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
        }

        subscript(path: [String]) -> Value? {
            var node = self
            for key in path {
                guard case .object(let members) = node, let next = members[key] else { return nil }
                node = next
            }
            return node
        }

        /// Sets the value at `path`, making the objects on the way.
        mutating func set(_ value: Value, at path: [String]) {
            guard let key = path.first else { self = value; return }
            var members: [String: Value] = [:]
            if case .object(let existing) = self { members = existing }
            var child = members[key] ?? .object([:])
            child.set(value, at: Array(path.dropFirst()))
            members[key] = child
            self = .object(members)
        }
    }
}
