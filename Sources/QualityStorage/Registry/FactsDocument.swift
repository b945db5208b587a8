import Foundation

/// An enterprise's facts JSON as its top-level members, each kept as the exact text it had, so the import
/// can replace the sections the registry owns without decoding and re-encoding the rest.
struct FactsDocument {
    private(set) var members: [String: Substring]

    /// Nil when the text is not a JSON object.
    init?(_ text: String) {
        guard let members = Self.members(of: text) else { return nil }
        self.members = members
    }

    init() { members = [:] }

    mutating func set(_ key: String, json: String) { members[key] = Substring(json) }

    subscript(key: String) -> Substring? { members[key] }

    /// Members in key order, no whitespace: what `JSONText.encode` writes.
    var text: String {
        var out = "{"
        out.reserveCapacity(members.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 })
        for (index, key) in members.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            JSONQuote.append(key, to: &out)
            out += ":"
            out += members[key]!
        }
        out += "}"
        return out
    }

    /// Splits a JSON object into its members; values are found by matching brackets outside strings.
    private static func members(of text: String) -> [String: Substring]? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        func skipSpace() {
            while i < utf8.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[i]) { i = utf8.index(after: i) }
        }
        /// Moves past a string starting at `i` (on its opening quote).
        func skipString() -> Bool {
            i = utf8.index(after: i)
            while i < utf8.endIndex {
                let byte = utf8[i]
                if byte == 0x5C {
                    i = utf8.index(after: i)
                    guard i < utf8.endIndex else { return false }
                } else if byte == 0x22 {
                    i = utf8.index(after: i)
                    return true
                }
                i = utf8.index(after: i)
            }
            return false
        }
        skipSpace()
        guard i < utf8.endIndex, utf8[i] == 0x7B else { return nil }
        i = utf8.index(after: i)
        var result: [String: Substring] = [:]
        skipSpace()
        if i < utf8.endIndex, utf8[i] == 0x7D { return result }
        while i < utf8.endIndex {
            skipSpace()
            guard i < utf8.endIndex, utf8[i] == 0x22 else { return nil }
            let keyStart = i
            guard skipString() else { return nil }
            let literal = text[keyStart..<i]
            let key: String
            if literal.utf8.contains(0x5C) {
                guard let decoded = try? JSONDecoder().decode(String.self, from: Data(literal.utf8)) else { return nil }
                key = decoded
            } else {
                key = String(literal.dropFirst().dropLast())
            }
            skipSpace()
            guard i < utf8.endIndex, utf8[i] == 0x3A else { return nil }
            i = utf8.index(after: i)
            skipSpace()
            let valueStart = i
            var depth = 0
            while i < utf8.endIndex {
                let byte = utf8[i]
                if byte == 0x22 {
                    guard skipString() else { return nil }
                    continue
                }
                if byte == 0x7B || byte == 0x5B { depth += 1 }
                if byte == 0x7D || byte == 0x5D {
                    if depth == 0 { break }
                    depth -= 1
                }
                if byte == 0x2C && depth == 0 { break }
                i = utf8.index(after: i)
            }
            guard i < utf8.endIndex else { return nil }
            var valueEnd = i
            while valueEnd > valueStart, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[utf8.index(before: valueEnd)]) {
                valueEnd = utf8.index(before: valueEnd)
            }
            guard valueEnd > valueStart else { return nil }
            result[key] = text[valueStart..<valueEnd]
            if utf8[i] == 0x7D { return result }
            i = utf8.index(after: i)
        }
        return nil
    }
}

/// JSON string literals written by hand (the hot path of the million-row import builds facts this way).
enum JSONQuote {
    static func quote(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string.
    static func append(_ text: String, to out: inout String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == 0x22 || byte == 0x5C || byte < 0x20 {
            needsEscaping = true
            break
        }
        out += "\""
        guard needsEscaping else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
