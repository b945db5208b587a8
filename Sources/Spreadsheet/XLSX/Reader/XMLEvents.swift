import Foundation

/// A streaming pass over one XML part with names stripped of their prefixes, so `x:row` (written by some
/// generators) and strict-OOXML namespaces read the same as `row`.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, attributes: [String: String]) throws
    func end(_ name: String) throws
    func text(_ text: String)
}

/// A small strict XML reader for the parts of a workbook.
///
/// Foundation's `XMLParser` on Linux runs libxml2 in recovery mode: a cut-off or mismatched part parses
/// "successfully" into half a sheet. Imports must refuse such files, so this reader checks well-formedness
/// itself (matched tags, one root, known entities) and refuses DTDs — no SpreadsheetML part has one, and
/// entity definitions are how XML bombs are built. It handles what parts contain: declarations,
/// processing instructions, comments, CDATA, character and the five predefined entity references.
enum XMLEvents {
    static func parse(_ data: Data, path: String, into handler: some XMLEventHandler) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 parts are allowed by OPC; Excel never writes them, but convert rather than fail.
            bytes = Array((String(data: data, encoding: .utf16) ?? "").utf8)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, path: path)
            try reader.run(handler)
        }
    }

    static func localName(_ name: some StringProtocol) -> String {
        guard let colon = name.lastIndex(of: ":") else { return String(name) }
        return String(name[name.index(after: colon)...])
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        var index = 0
        var stack: [String] = []
        var sawRoot = false

        init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
            self.bytes = bytes
            self.path = path
        }

        mutating func run(_ handler: some XMLEventHandler) throws {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    try markup(handler)
                } else {
                    let start = index
                    while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
                    if stack.isEmpty {
                        guard bytes[start..<index].allSatisfy(Self.isSpace) else {
                            throw error(at: start, "text outside the root element")
                        }
                    } else {
                        handler.text(try decode(start..<index))
                    }
                }
            }
            guard sawRoot else { throw error(at: index, "the part has no root element") }
            guard stack.isEmpty else { throw error(at: index, "the part ends inside <\(stack.last!)>") }
        }

        private mutating func markup(_ handler: some XMLEventHandler) throws {
            let start = index
            if matches("<?") {
                try skip(past: "?>", from: start, what: "processing instruction")
            } else if matches("<!--") {
                try skip(past: "-->", from: start, what: "comment")
            } else if matches("<![CDATA[") {
                let contentStart = index + 9
                try skip(past: "]]>", from: start, what: "CDATA section")
                guard !stack.isEmpty else { throw error(at: start, "CDATA outside the root element") }
                handler.text(String(decoding: bytes[contentStart..<(index - 3)], as: UTF8.self))
            } else if matches("<!") {
                throw error(at: start, "a DOCTYPE or declaration is not allowed in a workbook part")
            } else if matches("</") {
                index += 2
                let name = try readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw error(at: index, "malformed end tag") }
                index += 1
                guard stack.last == name else {
                    throw error(at: start, "</\(name)> does not close \(stack.last.map { "<\($0)>" } ?? "any element")")
                }
                stack.removeLast()
                try handler.end(XMLEvents.localName(name))
            } else {
                index += 1
                let name = try readName()
                guard stack.isEmpty ? !sawRoot : true else { throw error(at: start, "a second root element <\(name)>") }
                var attributes: [String: String] = [:]
                while true {
                    let hadSpace = skipSpace()
                    guard index < bytes.count else { throw error(at: start, "<\(name) is never closed") }
                    if bytes[index] == UInt8(ascii: ">") || matches("/>") { break }
                    guard hadSpace else { throw error(at: index, "attributes of <\(name)> must be separated by spaces") }
                    let key = try readName()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                        throw error(at: index, "attribute \(key) of <\(name)> has no value")
                    }
                    index += 1
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                        throw error(at: index, "attribute \(key) of <\(name)> is not quoted")
                    }
                    let quote = bytes[index]
                    index += 1
                    let valueStart = index
                    while index < bytes.count && bytes[index] != quote {
                        guard bytes[index] != UInt8(ascii: "<") else { throw error(at: index, "'<' inside an attribute value") }
                        index += 1
                    }
                    guard index < bytes.count else { throw error(at: valueStart, "attribute \(key) is never closed") }
                    let value = try decode(valueStart..<index, attribute: true)
                    index += 1
                    let local = XMLEvents.localName(key)
                    // A prefixed duplicate (xml:space vs space) keeps the first; OOXML never depends on both.
                    if attributes[local] == nil { attributes[local] = value }
                }
                sawRoot = true
                let selfClosing = bytes[index] == UInt8(ascii: "/")
                index += selfClosing ? 2 : 1
                let local = XMLEvents.localName(name)
                try handler.start(local, attributes: attributes)
                if selfClosing {
                    try handler.end(local)
                } else {
                    stack.append(name)
                }
            }
        }

        private func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let pointer = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
            return true
        }

        private mutating func skip(past terminator: StaticString, from start: Int, what: String) throws {
            while index < bytes.count {
                if matches(terminator) {
                    index += terminator.utf8CodeUnitCount
                    return
                }
                index += 1
            }
            throw error(at: start, "a \(what) is never closed")
        }

        @discardableResult
        private mutating func skipSpace() -> Bool {
            let start = index
            while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
            return index > start
        }

        private mutating func readName() throws -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                    || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
                index += 1
            }
            guard index > start else { throw error(at: start, "a name is missing") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Text or an attribute value with references decoded and line ends normalised as XML requires
        /// (CR LF and CR become LF; in attributes, whitespace characters become spaces).
        private func decode(_ range: Range<Int>, attribute: Bool = false) throws -> String {
            let slice = bytes[range]
            if !slice.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D || (attribute && ($0 == 0x0A || $0 == 0x09)) }) {
                return String(decoding: slice, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var position = range.lowerBound
            while position < range.upperBound {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "&"):
                    guard let semicolon = bytes[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                        throw error(at: position, "an entity reference is not closed with ';'")
                    }
                    let entity = String(decoding: bytes[(position + 1)..<semicolon], as: UTF8.self)
                    out.append(contentsOf: try resolve(entity, at: position).utf8)
                    position = semicolon + 1
                    continue
                case 0x0D:
                    out.append(attribute ? 0x20 : 0x0A)
                    if position + 1 < range.upperBound && bytes[position + 1] == 0x0A { position += 1 }
                case 0x0A where attribute, 0x09 where attribute:
                    out.append(0x20)
                default:
                    out.append(byte)
                }
                position += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        private func resolve(_ entity: String, at position: Int) throws -> String {
            switch entity {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            default:
                var value: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    value = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst(), radix: 10)
                }
                guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
                    throw error(at: position, "unknown entity &\(entity);")
                }
                return String(Character(scalar))
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        private func error(at position: Int, _ reason: String) -> SpreadsheetError {
            let line = 1 + bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .corruptPart(path: path, line: line, reason: reason)
        }
    }
}
