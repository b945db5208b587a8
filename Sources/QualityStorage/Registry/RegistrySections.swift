import Foundation
import QualityRules

/// Which members of the facts document each kind of registry row makes, and how.
///
/// The registry owns a section for an enterprise once it has sent rows of that kind for it: the section
/// then holds exactly the registry's rows (in record-key order). Sections it has sent nothing for, and
/// what the platform records itself (reviewer findings, titles, grants), are left as they are.
enum RegistrySections {
    /// The facts members a kind writes.
    static func members(of kind: RegistryKind) -> [String] {
        switch kind {
        case .registrations: ["registration"]
        case .quality: ["chiefQualityOfficer", "practices", "staff"]
        case .professionalTitles: ["staff"]
        default: [kind.facts]
        }
    }

    /// Rebuilds the members `kind` owns from the enterprise's stored rows (in record-key order).
    static func apply(_ kind: RegistryKind, rows: [[RegistryValue]], to document: inout FactsDocument) throws {
        guard !rows.isEmpty else { return }
        let layout = kind.layout
        func value(_ row: [RegistryValue], _ column: String) -> RegistryValue { row[layout.index(of: column)!] }
        func text(_ row: [RegistryValue], _ column: String) -> String? { value(row, column).text }
        func date(_ row: [RegistryValue], _ column: String) -> CalendarDate? { text(row, column).flatMap { CalendarDate(iso: $0) } }
        func int(_ row: [RegistryValue], _ column: String) -> Int { Int(value(row, column).integer ?? 0) }
        func flag(_ row: [RegistryValue], _ column: String) -> Bool { value(row, column).boolean ?? false }
        func choice<T: RawRepresentable>(_ row: [RegistryValue], _ column: String) throws -> T where T.RawValue == String {
            guard let raw = text(row, column), let parsed = T(rawValue: raw) else { throw SectionError.unreadable(kind, column) }
            return parsed
        }
        switch kind {
        case .registrations:
            document.set("registration", json: registrationJSON(rows[rows.count - 1]))
        case .certifications:
            try set(&document, kind, try rows.map { r in
                Certification(type: try choice(r, "type"), number: text(r, "number") ?? "", issuer: text(r, "issuer"),
                              validFrom: try required(date(r, "valid_from"), kind, "valid_from"), validTo: date(r, "valid_to"))
            })
        case .taxes:
            try set(&document, kind, rows.map { r in TaxYear(year: int(r, "year"), amount: Money(fen: value(r, "amount").integer ?? 0)) })
        case .events:
            try set(&document, kind, try rows.map { r in
                Event(date: try required(date(r, "date"), kind, "date"), kind: try choice(r, "kind"), area: try choice(r, "area"),
                      severity: try choice(r, "severity"), outcome: try choice(r, "outcome"), level: try choice(r, "level"),
                      reference: text(r, "reference"), note: text(r, "note"))
            })
        case .patents:
            try set(&document, kind, try rows.map { r in
                Patent(number: text(r, "number"), kind: try choice(r, "kind"), jurisdiction: try choice(r, "jurisdiction"),
                       grantedOn: try required(date(r, "granted_on"), kind, "granted_on"))
            })
        case .standards:
            try set(&document, kind, try rows.map { r in
                DraftedStandard(number: text(r, "number"), level: try choice(r, "level"), role: try choice(r, "role"),
                                publishedOn: try required(date(r, "published_on"), kind, "published_on"))
            })
        case .secretariats:
            try set(&document, kind, try rows.map { r in
                Secretariat(committee: text(r, "committee"), level: try choice(r, "level"), joint: flag(r, "joint"),
                            since: date(r, "since"), until: date(r, "until"))
            })
        case .trademarks:
            try set(&document, kind, try rows.map { r in
                Trademark(number: text(r, "number"), jurisdiction: try choice(r, "jurisdiction"),
                          registeredOn: try required(date(r, "registered_on"), kind, "registered_on"))
            })
        case .awards:
            try set(&document, kind, try rows.map { r in
                AwardRecord(kind: try choice(r, "kind"), name: text(r, "name"), level: try choice(r, "level"), year: int(r, "year"),
                            date: date(r, "date"))
            })
        case .labs:
            try set(&document, kind, rows.map { r in Lab(name: text(r, "name"), independent: flag(r, "independent"), cnas: flag(r, "cnas")) })
        case .projects:
            try set(&document, kind, try rows.map { r in
                Project(name: text(r, "name"), level: try choice(r, "level"), kind: try choice(r, "kind"), year: int(r, "year"))
            })
        case .quality:
            let r = rows[rows.count - 1]
            document.set("chiefQualityOfficer", json: try encode(ChiefQualityOfficer(appointed: flag(r, "cqo_appointed"), trained: flag(r, "cqo_trained"))))
            let practices = (text(r, "practices") ?? "").split(separator: ";").compactMap { ManagementPractice(rawValue: String($0)) }
            document.set("practices", json: try encode(practices))
            var staff = existingStaff(document)
            staff.fullTimeQualityStaff = int(r, "quality_staff")
            document.set("staff", json: try encode(staff))
        case .professionalTitles:
            var staff = existingStaff(document)
            staff.professionalTitles = try rows.map { r in
                ProfessionalTitles(field: try choice(r, "field"), level: try choice(r, "level"), count: int(r, "people"))
            }
            document.set("staff", json: try encode(staff))
        }
    }

    /// The registration member, written by hand (members in key order, absent ones left out): a million of
    /// these are made by one import.
    static func registrationJSON(_ r: [RegistryValue]) -> String {
        var out = "{"
        out.reserveCapacity(320)
        var first = true
        for (key, index, optional) in registrationMembers {
            let value = r[index].text
            guard value != nil || !optional else { continue }
            if !first { out += "," }
            first = false
            out += key
            JSONQuote.append(value ?? "", to: &out)
        }
        out += "}"
        return out
    }

    /// The registration's JSON names (quoted, with their colon) in sorted order, their columns, and
    /// whether the member is left out when empty (the others are written as "").
    private static let registrationMembers: [(String, Int, Bool)] = {
        let layout = RegistryKind.registrations.layout
        let names = ["city": "city", "credit_code": "creditCode", "district": "district", "division_code": "divisionCode",
                     "industry_code": "industryCode", "legal_form": "legalForm", "name": "name",
                     "operating_status": "operatingStatus", "registered_on": "registeredOn"]
        let optional: Set = ["division_code", "city", "district"]
        return names.sorted { $0.value < $1.value }.map {
            (JSONQuote.quote($0.value) + ":", layout.index(of: $0.key)!, optional.contains($0.key))
        }
    }()

    private static func existingStaff(_ document: FactsDocument) -> Staff {
        document["staff"].flatMap { try? JSONDecoder().decode(Staff.self, from: Data($0.utf8)) } ?? Staff()
    }

    private static func set<T: Encodable>(_ document: inout FactsDocument, _ kind: RegistryKind, _ records: [T]) throws {
        document.set(kind.facts, json: try encode(records))
    }

    private static func required<T>(_ value: T?, _ kind: RegistryKind, _ column: String) throws -> T {
        guard let value else { throw SectionError.unreadable(kind, column) }
        return value
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    enum SectionError: Error, CustomStringConvertible {
        case unreadable(RegistryKind, String)
        var description: String {
            switch self {
            case .unreadable(let kind, let column): "a stored \(kind.rawValue) row has an unreadable \(column)"
            }
        }
    }
}

extension RegistryKind {
    /// The facts collection a kind of record goes into.
    var facts: String {
        switch self {
        case .registrations: "registration"
        case .quality: "staff"
        case .professionalTitles: "staff"
        default: rawValue
        }
    }
}
