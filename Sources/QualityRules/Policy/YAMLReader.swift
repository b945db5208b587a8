import Foundation
import Yams

/// A cursor over one YAML node that remembers where it came from.
///
/// The policy files are read by hand rather than through `Codable` because a refusal must name the line,
/// and because every mapping must be checked for keys the engine does not know: a misspelt `minimun`
/// silently ignored would turn a threshold into no threshold.
struct YAMLReader {
    let node: Node
    let file: String
    let path: String

    init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func error(_ reason: String) -> PolicyLoadError {
        let location = path.isEmpty ? "" : "\(path): "
        return PolicyLoadError(file: file, line: line, column: column, reason: location + reason)
    }

    // MARK: mappings

    var isMapping: Bool { if case .mapping = node { true } else { false } }
    var isSequence: Bool { if case .sequence = node { true } else { false } }
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func pairs() throws -> [(key: String, value: Node, keyNode: Node)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value lines)") }
        return try mapping.map { pair in
            guard case .scalar(let key) = pair.key else {
                throw YAMLReader(node: pair.key, file: file, path: path).error("a key must be a plain word")
            }
            return (key.string, pair.value, pair.key)
        }
    }

    /// Refuses any key outside `allowed`, naming the line of the offending key.
    func checkKeys(_ allowed: Set<String>) throws {
        for pair in try pairs() where !allowed.contains(pair.key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw YAMLReader(node: pair.keyNode, file: file, path: path)
                .error("unknown key '\(pair.key)' (allowed here: \(known))")
        }
    }

    var keys: [String] { (try? pairs().map(\.key)) ?? [] }

    func has(_ key: String) -> Bool { keys.contains(key) }

    func optional(_ key: String) throws -> YAMLReader? {
        guard let pair = try pairs().first(where: { $0.key == key }) else { return nil }
        let child = YAMLReader(node: pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
        return child.isNull ? nil : child
    }

    func required(_ key: String) throws -> YAMLReader {
        guard let child = try optional(key) else { throw error("missing required key '\(key)'") }
        return child
    }

    // MARK: sequences

    func items() throws -> [YAMLReader] {
        guard case .sequence(let sequence) = node else { throw error("expected a list (lines starting with '- ')") }
        return sequence.enumerated().map { index, element in
            YAMLReader(node: element, file: file, path: "\(path)[\(index)]")
        }
    }

    func list<T>(_ key: String, _ read: (YAMLReader) throws -> T) throws -> [T] {
        guard let child = try optional(key) else { return [] }
        return try child.items().map(read)
    }

    // MARK: scalars

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, not a list or mapping") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("expected a value, found nothing") }
        return text
    }

    func int(in range: ClosedRange<Int> = 0...Int.max) throws -> Int {
        let text = try string()
        guard let value = Int(text) else { throw error("'\(text)' is not a whole number") }
        guard range.contains(value) else { throw error("\(value) is outside \(range.lowerBound)…\(range.upperBound)") }
        return value
    }

    func bool() throws -> Bool {
        switch try string() {
        case "true": return true
        case "false": return false
        case let other: throw error("'\(other)' is not true or false")
        }
    }

    func date() throws -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else {
            throw error("'\(text)' is not a calendar date that exists (write YYYY-MM-DD)")
        }
        return date
    }

    func money() throws -> Money {
        let text = try string()
        switch MoneyLiteral.parse(text) {
        case .success(let money): return money
        case .failure(let problem): throw error("'\(text)' is not an amount of money: \(problem.reason)")
        }
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws -> E where E.RawValue == String {
        let text = try string()
        guard let value = E(rawValue: text) else {
            let known = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(text)' is not one of: \(known)")
        }
        return value
    }

    func enumerations<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws -> [E] where E.RawValue == String {
        if isSequence { return try items().map { try $0.enumeration(type) } }
        return [try enumeration(type)]
    }

    func strings() throws -> [String] {
        if isSequence { return try items().map { try $0.string() } }
        return [try string()]
    }

    /// `{zh: …, en: …}`; both languages are required because every text a person reads has both.
    func localized() throws -> LocalizedText {
        try checkKeys(["zh", "en"])
        return LocalizedText(zh: try required("zh").string(), en: try required("en").string())
    }
}

/// Amounts in policy files are written the way the documents write them: `300万`, `10万元`, `100000` (yuan)
/// or `12.50` (yuan). Anything finer than one fen is refused rather than rounded.
enum MoneyLiteral {
    struct Problem: Error { var reason: String }

    static func parse(_ text: String) -> Result<Money, Problem> {
        var body = text.replacingOccurrences(of: " ", with: "")
        var fenPerUnit: Int64 = 100
        for suffix in ["万元", "万"] where body.hasSuffix(suffix) {
            body.removeLast(suffix.count)
            fenPerUnit = 1_000_000
            break
        }
        if body.hasSuffix("元") { body.removeLast() }
        guard !body.isEmpty, !body.hasPrefix("-") else { return .failure(Problem(reason: "amounts must be positive numbers")) }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
              whole.count <= 12, let wholeValue = Int64(whole)
        else { return .failure(Problem(reason: "write digits, optionally followed by 万 (e.g. 300万, 100000, 12.50)")) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let decimals = fenPerUnit == 100 ? 2 : 6
        guard fraction.count <= decimals else { return .failure(Problem(reason: "the amount is not a whole number of fen")) }
        let scale = (0..<(decimals - fraction.count)).reduce(Int64(1)) { value, _ in value * 10 }
        let fractionFen = (Int64(fraction) ?? 0) * scale
        return .success(Money(fen: wholeValue * fenPerUnit + fractionFen))
    }
}
