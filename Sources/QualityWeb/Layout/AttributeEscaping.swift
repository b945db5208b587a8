import Plot

/// Plot escapes text but writes attribute values as they are (`name="value"`): a `"` in an enterprise name,
/// an expert's justification or a form field kept after a refusal would end the attribute and start markup.
/// Every attribute value that is not a literal goes through this function.
func attr(_ value: String) -> String {
    HTMLEscaping.escape(value, quotes: true)
}

extension Node {
    /// Text, escaped. Shadows Plot's own `text(_:)` in this module: Plot builds a new String for every
    /// character (and lets entities it recognises through unescaped), which was a tenth of a public page's
    /// CPU under load. This scans the UTF-8 bytes once and returns the text unchanged when nothing needs
    /// escaping — which, for Chinese text, is nearly always.
    static func text(_ text: String) -> Node {
        .raw(HTMLEscaping.escape(text, quotes: false))
    }
}

enum HTMLEscaping {
    /// `&`, `<`, `>` always; `"` and `'` too when `quotes` (attribute values).
    static func escape(_ value: String, quotes: Bool) -> String {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.contains(where: { needsEscaping($0, quotes: quotes) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where quotes: out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where quotes: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? value
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return quotes
        default: return false
        }
    }
}
