import Foundation
import Yams

/// Reads one policy file (the format is described in `docs/rules.md` and `Policies/README.md`).
enum PolicyDecoder {
    static let formatVersion = 1

    static func decode(data: Data, file: String) throws(PolicyLoadError) -> Policy {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyLoadError(file: file, line: 0, column: 0, reason: "the file is not UTF-8 text")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyLoadError(file: file, line: 0, column: 0, reason: "the file is empty")
            }
            root = node
        } catch let error as PolicyLoadError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw PolicyLoadError(file: file, line: 0, column: 0, reason: "\(error)")
        }
        do {
            return try policy(YAMLReader(node: root, file: file), hash: FNV1a.hex(data), file: file)
        } catch let error as PolicyLoadError {
            throw error
        } catch {
            throw PolicyLoadError(file: file, line: 0, column: 0, reason: "\(error)")
        }
    }

    /// Syntax errors from libyaml keep their line and column.
    static func yamlError(_ error: YamlError, file: String) -> PolicyLoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return PolicyLoadError(file: file, line: mark.line, column: mark.column, reason: "YAML syntax: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PolicyLoadError(file: file, line: context.mark.line, column: context.mark.column,
                                   reason: "duplicate key \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return PolicyLoadError(file: file, line: 0, column: 0, reason: "YAML: \(error)")
        }
    }

    static func policy(_ root: YAMLReader, hash: String, file: String) throws -> Policy {
        try root.checkKeys(["format", "policy", "programmes", "indicators"])
        let format = try root.required("format")
        guard try format.int() == formatVersion else {
            throw format.error("this engine reads format \(formatVersion)")
        }
        let p = try root.required("policy")
        try p.checkKeys(["id", "seed", "documentNumber", "title", "issuer", "issuedOn", "draft", "inForce",
                         "version", "notes", "noDoubleBenefit"])
        let id = try identifier(p.required("id"))
        let draft = try p.optional("draft")?.bool() ?? false
        var inForce: DayRange?
        if let period = try p.optional("inForce") {
            if draft { throw period.error("a draft has no in-force dates; remove inForce or set draft: false") }
            inForce = try interval(period)
        } else if !draft {
            throw p.error("missing required key 'inForce' (only a draft may leave it out)")
        }
        let seed = try p.required("seed")
        guard try seed.string().count == 3, try seed.string().allSatisfy(\.isASCIIDigit) else {
            throw seed.error("seed must be three digits in quotes, e.g. \"002\"")
        }
        var programmes: [Programme] = []
        var programmeIDs = Set<String>()
        for reader in try root.optional("programmes")?.items() ?? [] {
            let programme = try ProgrammeDecoder.programme(reader)
            guard programmeIDs.insert(programme.id).inserted else {
                throw reader.error("programme id '\(programme.id)' appears twice in this file")
            }
            programmes.append(programme)
        }
        let indicators = try root.list("indicators", TargetDecoder.indicator)
        var indicatorIDs = Set<String>()
        for (index, indicator) in indicators.enumerated() where !indicatorIDs.insert(indicator.id).inserted {
            throw try root.required("indicators").items()[index].error("indicator id '\(indicator.id)' appears twice")
        }
        return Policy(
            id: id, seed: try seed.string(), documentNumber: try p.optional("documentNumber")?.string(),
            title: try p.required("title").localized(), issuer: try p.required("issuer").localized(),
            issuedOn: try p.optional("issuedOn")?.date(), isDraft: draft, inForce: inForce,
            version: try p.required("version").string(), notes: try p.optional("notes")?.localized(),
            noDoubleBenefit: try p.optional("noDoubleBenefit").map(citation),
            programmes: programmes, indicators: indicators,
            source: PolicySource(file: file, contentHash: hash))
    }

    /// `{from: 2022-03-01, years: 3}` (through 2025-02-28), `{from, to}`, or `{from}` for no end.
    static func interval(_ reader: YAMLReader) throws -> DayRange {
        try reader.checkKeys(["from", "to", "years"])
        let start = try reader.required("from").date()
        if reader.has("to"), reader.has("years") { throw reader.error("give either 'to' or 'years', not both") }
        if let years = try reader.optional("years") {
            return DayRange(start: start, end: start.lastDayOfPeriod(years: try years.int(in: 1...100)))
        }
        let end = try reader.optional("to")?.date()
        if let end, end < start { throw reader.error("'to' (\(end.iso)) is before 'from' (\(start.iso))") }
        return DayRange(start: start, end: end)
    }

    /// `clause: {zh, en}` and `text:` (the original sentence) read from the mapping that holds them.
    static func citation(_ reader: YAMLReader) throws -> Citation {
        Citation(clause: try reader.required("clause").localized(), text: try reader.required("text").string())
    }

    static func optionalCitation(_ reader: YAMLReader) throws -> Citation? {
        reader.has("clause") || reader.has("text") ? try citation(reader) : nil
    }

    /// Ids are lower-case words joined by hyphens: they end up in URLs, database rows and audit records.
    static func identifier(_ reader: YAMLReader) throws -> String {
        let text = try reader.string()
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed, let first = text.unicodeScalars.first, first != "-", text.count <= 80 else {
            throw reader.error("'\(text)' is not an id (lower-case letters, digits and hyphens)")
        }
        return text
    }

    /// Attestation keys and tier keys: a camelCase or hyphenated word.
    static func key(_ reader: YAMLReader) throws -> String {
        let text = try reader.string()
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }) else {
            throw reader.error("'\(text)' is not a key (ASCII letters, digits and hyphens)")
        }
        return text
    }
}
