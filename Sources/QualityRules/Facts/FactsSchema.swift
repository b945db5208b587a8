/// The facts schema: what `EnterpriseFacts` accepts, field by field. `docs/facts.md` explains it for people.
public enum FactsSchema {
    public static let id = "https://qualitycity.example/schemas/facts.schema.json"

    private static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String] where E.RawValue == String {
        E.allCases.map(\.rawValue)
    }
    private static func text(_ description: String? = nil) -> JSONSchema { .string(description: description, pattern: nil, format: nil, values: nil) }
    private static func date(_ description: String) -> JSONSchema { .string(description: description, pattern: nil, format: "date", values: nil) }
    private static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ description: String? = nil) -> JSONSchema where E.RawValue == String {
        .string(description: description, pattern: nil, format: nil, values: values(type))
    }
    private static func list<E: CaseIterable & RawRepresentable>(of type: E.Type, _ description: String? = nil) -> JSONSchema where E.RawValue == String {
        .array(of: enumeration(type), description: description)
    }
    private static let fen = JSONSchema.integer(description: "Amount in fen (1/100 yuan), never negative", minimum: 0, maximum: nil)
    private static let year = JSONSchema.integer(description: "Calendar year", minimum: 1900, maximum: 2999)
    private static func count(_ description: String) -> JSONSchema { .integer(description: description, minimum: 0, maximum: 1_000_000) }

    /// Record definitions by name, referenced from the root.
    public static let definitions: [(String, JSONSchema)] = [
        ("registration", .object(description: "Who the enterprise is (registry data)", properties: [
            ("creditCode", .string(description: "Unified social credit code, 18 characters, GB 32100-2015 check digit", pattern: "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", format: "credit-code", values: nil)),
            ("name", text("Registered name")),
            ("divisionCode", .string(description: "Six-digit administrative division code of the place of registration; defaults to characters 3-8 of the credit code", pattern: "^[0-9]{6}$", format: nil, values: nil)),
            ("city", text("City, as the registry writes it")),
            ("district", text("District, as the registry writes it")),
            ("registeredOn", date("Date of registration")),
            ("legalForm", enumeration(LegalForm.self)),
            ("industryCode", .string(description: "GB/T 4754-2017 industry code: section letter and up to four digits (C3981)", pattern: "^[A-T]([0-9]{2}([0-9]{1,2})?)?$", format: nil, values: nil)),
            ("operatingStatus", enumeration(OperatingStatus.self)),
        ], required: ["creditCode", "name", "registeredOn", "legalForm", "industryCode", "operatingStatus"])),
        ("certification", .object(description: "A certificate held", properties: [
            ("type", enumeration(CertificationType.self)), ("number", text("Certificate number")), ("issuer", text()),
            ("validFrom", date("First day of validity")), ("validTo", date("Last day of validity; absent if it does not expire")),
        ], required: ["type", "number", "validFrom"])),
        ("taxYear", .object(description: "Tax paid in one calendar year", properties: [("year", year), ("amount", fen)], required: ["year", "amount"])),
        ("event", .object(description: "A penalty, accident, complaint, spot check, commissioned test or other violation record", properties: [
            ("date", date("The day it happened or was decided")), ("kind", enumeration(EventKind.self)), ("area", enumeration(EventArea.self)),
            ("severity", enumeration(Severity.self)), ("outcome", enumeration(EventOutcome.self)),
            ("level", enumeration(AdministrativeLevel.self, "Level of the authority that acted")),
            ("reference", text("Decision or report number")), ("note", text()),
        ], required: ["date", "kind", "area", "severity", "outcome", "level"])),
        ("patent", .object(description: "A granted patent", properties: [
            ("number", text()), ("kind", enumeration(PatentKind.self)), ("jurisdiction", enumeration(Jurisdiction.self)), ("grantedOn", date("Grant date")),
        ], required: ["kind", "jurisdiction", "grantedOn"])),
        ("standard", .object(description: "A published standard naming the enterprise as a drafting unit", properties: [
            ("number", text()), ("level", enumeration(StandardLevel.self)), ("role", enumeration(DraftingRole.self)), ("publishedOn", date("Publication date")),
        ], required: ["level", "role", "publishedOn"])),
        ("secretariat", .object(description: "A TC/SC secretariat held", properties: [
            ("committee", text("Committee number, e.g. SAC/TC 28")), ("level", enumeration(AdministrativeLevel.self)),
            ("joint", .boolean(description: "Held jointly with another body")), ("since", date("First day held")), ("until", date("Last day held; absent while held")),
        ], required: ["level", "joint"])),
        ("trademark", .object(description: "A registered trademark", properties: [
            ("number", text()), ("jurisdiction", enumeration(Jurisdiction.self)), ("registeredOn", date("Registration date")),
        ], required: ["jurisdiction", "registeredOn"])),
        ("award", .object(description: "An award or title won", properties: [
            ("kind", enumeration(AwardKind.self)), ("name", text()), ("level", enumeration(AdministrativeLevel.self)), ("year", year), ("date", date("Day conferred, if known")),
        ], required: ["kind", "level", "year"])),
        ("lab", .object(description: "A testing laboratory of the enterprise", properties: [
            ("name", text()), ("independent", .boolean(description: "An independent inspection room")), ("cnas", .boolean(description: "CNAS accredited")),
        ], required: ["independent"])),
        ("project", .object(description: "A project undertaken", properties: [
            ("name", text()), ("level", enumeration(AdministrativeLevel.self)), ("kind", enumeration(ProjectKind.self)), ("year", year),
        ], required: ["level", "kind", "year"])),
        ("staff", .object(description: "Quality staff and professional titles", properties: [
            ("fullTimeQualityStaff", count("Full-time quality management staff")),
            ("professionalTitles", .array(of: .object(description: "People holding a title of one field and level", properties: [
                ("field", enumeration(TitleField.self)), ("level", enumeration(TitleLevel.self)), ("count", count("Number of people")),
            ], required: ["field", "level", "count"]), description: nil)),
        ], required: [])),
        ("chiefQualityOfficer", .object(description: "The chief quality officer", properties: [
            ("appointed", .boolean(description: "A CQO system with an appointed CQO")),
            ("trained", .boolean(description: "The CQO holds the CQO training certificate")),
        ], required: [])),
        ("attestation", .object(description: "A reviewer's finding on a clause that needs judgement", properties: [
            ("key", .string(description: "Attestation key named by the rule", pattern: "^[A-Za-z0-9-]+$", format: nil, values: nil)),
            ("finding", enumeration(Finding.self)), ("by", text("Reviewer")), ("on", date("Day of the finding")), ("note", text()),
        ], required: ["key", "finding", "by", "on"])),
        ("titleRecord", .object(description: "A title held under a programme", properties: [
            ("programme", text("Programme id")), ("grantedOn", date("Day granted")), ("validTo", date("Last day of validity")),
            ("revokedOn", date("Day revoked (取消资格)")), ("revocationReason", text()), ("terminatedOn", date("Day terminated without blame (终止资格)")),
        ], required: ["programme", "grantedOn"])),
        ("grantRecord", .object(description: "A grant received", properties: [
            ("programme", text("Programme id")), ("policy", text("Policy id")), ("matter", text("Matter key, e.g. certificate:NUMBER")),
            ("date", date("Day granted")), ("amount", fen),
        ], required: ["programme", "policy", "matter", "date", "amount"])),
        ("history", .object(description: "What the platform knows of past titles and grants", properties: [
            ("titles", .array(of: .ref("titleRecord"), description: nil)), ("grants", .array(of: .ref("grantRecord"), description: nil)),
        ], required: [])),
    ]

    public static let root = JSONSchema.object(description: "What the QualityCity rules engine reads about one enterprise", properties: [
        ("schemaVersion", .integer(description: "Always 1", minimum: 1, maximum: 1)),
        ("registration", .ref("registration")),
        ("certifications", .array(of: .ref("certification"), description: nil)),
        ("taxes", .array(of: .ref("taxYear"), description: "Tax paid per calendar year; one entry per year")),
        ("events", .array(of: .ref("event"), description: nil)),
        ("patents", .array(of: .ref("patent"), description: nil)),
        ("standards", .array(of: .ref("standard"), description: nil)),
        ("secretariats", .array(of: .ref("secretariat"), description: nil)),
        ("trademarks", .array(of: .ref("trademark"), description: nil)),
        ("awards", .array(of: .ref("award"), description: nil)),
        ("labs", .array(of: .ref("lab"), description: nil)),
        ("projects", .array(of: .ref("project"), description: nil)),
        ("staff", .ref("staff")),
        ("chiefQualityOfficer", .ref("chiefQualityOfficer")),
        ("practices", list(of: ManagementPractice.self, "Management practices the enterprise declares (002 indicators 6 and 9)")),
        ("attestations", .array(of: .ref("attestation"), description: nil)),
        ("history", .ref("history")),
    ], required: ["registration"])

    static let definitionIndex: [String: JSONSchema] = Dictionary(uniqueKeysWithValues: definitions)

    /// `docs/facts.schema.json`, byte for byte.
    public static func document() -> String {
        var node = root.rendered()
        node["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        node["$id"] = id
        node["title"] = "QualityCity enterprise facts"
        node["$defs"] = Dictionary(uniqueKeysWithValues: definitions.map { ($0.0, $0.1.rendered()) })
        let data = try! JSONSerialization.data(withJSONObject: node, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

import Foundation
