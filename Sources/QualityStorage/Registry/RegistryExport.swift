import Foundation
import QualityRules

/// Facts written back as registry rows, in the import layouts: the inverse of the import, used to make
/// test files and the benchmark's synthetic registry.
public enum RegistryExport {
    /// The CSV header of a kind (its English column names).
    public static func header(_ kind: RegistryKind) -> [String] { kind.layout.fields.map(\.column) }

    /// The rows `facts` gives for `kind` (none when the facts hold nothing of that kind).
    public static func rows(_ kind: RegistryKind, _ facts: EnterpriseFacts) -> [[String]] {
        let code = facts.registration.creditCode.value
        func yuan(_ money: Money) -> String { money.yuanString }
        func bool(_ flag: Bool) -> String { flag ? "true" : "false" }
        switch kind {
        case .registrations:
            let r = facts.registration
            return [[code, r.name, r.divisionCode ?? "", r.city ?? "", r.district ?? "", r.registeredOn.iso, r.legalForm.rawValue,
                     r.industryCode, r.operatingStatus.rawValue]]
        case .certifications:
            return facts.certifications.map { [code, $0.type.rawValue, $0.number, $0.issuer ?? "", $0.validFrom.iso, $0.validTo?.iso ?? ""] }
        case .taxes:
            return facts.taxes.map { [code, String($0.year), yuan($0.amount)] }
        case .events:
            return facts.events.map {
                [code, $0.date.iso, $0.kind.rawValue, $0.area.rawValue, $0.severity.rawValue, $0.outcome.rawValue, $0.level.rawValue,
                 $0.reference ?? "", $0.note ?? ""]
            }
        case .patents:
            return facts.patents.map { [code, $0.number ?? "", $0.kind.rawValue, $0.jurisdiction.rawValue, $0.grantedOn.iso] }
        case .standards:
            return facts.standards.map { [code, $0.number ?? "", $0.level.rawValue, $0.role.rawValue, $0.publishedOn.iso] }
        case .secretariats:
            return facts.secretariats.map { [code, $0.committee ?? "", $0.level.rawValue, bool($0.joint), $0.since?.iso ?? "", $0.until?.iso ?? ""] }
        case .trademarks:
            return facts.trademarks.map { [code, $0.number ?? "", $0.jurisdiction.rawValue, $0.registeredOn.iso] }
        case .awards:
            return facts.awards.map { [code, $0.kind.rawValue, $0.name ?? "", $0.level.rawValue, String($0.year), $0.date?.iso ?? ""] }
        case .labs:
            return facts.labs.map { [code, $0.name ?? "", bool($0.independent), bool($0.cnas)] }
        case .projects:
            return facts.projects.map { [code, $0.name ?? "", $0.level.rawValue, $0.kind.rawValue, String($0.year)] }
        case .quality:
            let cqo = facts.chiefQualityOfficer
            guard cqo.appointed || cqo.trained || facts.staff.fullTimeQualityStaff > 0 || !facts.practices.isEmpty else { return [] }
            return [[code, bool(cqo.appointed), bool(cqo.trained), String(facts.staff.fullTimeQualityStaff),
                     facts.practices.map(\.rawValue).joined(separator: ";")]]
        case .professionalTitles:
            return facts.staff.professionalTitles.map { [code, $0.field.rawValue, $0.level.rawValue, String($0.count)] }
        }
    }

    /// One CSV line (RFC 4180 quoting where needed), with its CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    /// Writes files of the given kinds for `count` enterprises made by `facts(i)`, one pass over them.
    /// Returns the rows written per kind.
    public static func writeFiles(to directory: URL, kinds: [RegistryKind], count: Int,
                                  facts: (Int) -> EnterpriseFacts) throws -> [RegistryKind: Int] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var handles: [RegistryKind: FileHandle] = [:]
        var buffers: [RegistryKind: String] = [:]
        var rows: [RegistryKind: Int] = [:]
        for kind in kinds {
            let url = directory.appendingPathComponent("\(kind.rawValue).csv")
            FileManager.default.createFile(atPath: url.path, contents: nil)
            handles[kind] = try FileHandle(forWritingTo: url)
            buffers[kind] = line(header(kind))
            rows[kind] = 0
        }
        func flush(_ kind: RegistryKind, force: Bool) throws {
            guard let buffer = buffers[kind], force || buffer.utf8.count > 1 << 20 else { return }
            try handles[kind]!.write(contentsOf: Data(buffer.utf8))
            buffers[kind] = ""
        }
        for index in 0..<count {
            let enterprise = facts(index)
            for kind in kinds {
                for row in self.rows(kind, enterprise) {
                    buffers[kind]! += line(row)
                    rows[kind]! += 1
                }
                try flush(kind, force: false)
            }
        }
        for kind in kinds {
            try flush(kind, force: true)
            try handles[kind]!.close()
        }
        return rows
    }
}
