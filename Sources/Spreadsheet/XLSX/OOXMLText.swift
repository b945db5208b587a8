/// Text inside SpreadsheetML parts.
///
/// XML 1.0 cannot hold most control characters, so OOXML writes them as `_xHHHH_`; a literal `_x0041_`
/// in a cell must then have its underscore escaped as `_x005F_` or Excel would show "A". Carriage returns
/// are written as `&#13;` because XML parsers turn a raw CR LF into LF.
enum OOXMLText {
    static func appendEscaped(_ text: String, to bytes: inout [UInt8], attribute: Bool = false) {
        let utf8 = text.utf8
        if !utf8.contains(where: { needsEscape($0, attribute: attribute) }) {
            bytes.append(contentsOf: utf8)
            return
        }
        let source = Array(utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0x09 where attribute: bytes.append(contentsOf: "&#9;".utf8)
            case 0x0A where attribute: bytes.append(contentsOf: "&#10;".utf8)
            case 0x09, 0x0A: bytes.append(byte)
            case 0x00..<0x20: appendHexEscape(UInt32(byte), to: &bytes)
            case UInt8(ascii: "_"):
                if isHexEscape(source, at: index) { bytes.append(contentsOf: "_x005F".utf8) }
                bytes.append(byte)
            case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF
                && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                // U+FFFE and U+FFFF are not XML characters either.
                appendHexEscape(source[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &bytes)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
    }

    /// Undoes `_xHHHH_` escapes (and `_x005F_` before one), joining UTF-16 surrogate pairs.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let source = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if isHexEscape(source, at: index), let unit = hexValue(source, at: index) {
                var scalar = Unicode.Scalar(unit)
                var consumed = 7
                if (0xD800..<0xDC00).contains(unit), isHexEscape(source, at: index + 7),
                   let low = hexValue(source, at: index + 7), (0xDC00..<0xE000).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    consumed = 14
                }
                if let scalar {
                    result.append(contentsOf: String(Character(scalar)).utf8)
                    index += consumed
                    continue
                }
            }
            result.append(source[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8, attribute: Bool) -> Bool {
        byte < 0x20 && (attribute || (byte != 0x09 && byte != 0x0A)) || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "_")
            || byte == 0xEF || (attribute && byte == UInt8(ascii: "\""))
    }

    private static func appendHexEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex = String(value, radix: 16, uppercase: true)
        bytes.append(contentsOf: ("_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_").utf8)
    }

    private static func isHexEscape(_ source: [UInt8], at index: Int) -> Bool {
        guard index + 6 < source.count, source[index] == UInt8(ascii: "_"), source[index + 1] | 0x20 == UInt8(ascii: "x"),
              source[index + 6] == UInt8(ascii: "_") else { return false }
        return source[(index + 2)..<(index + 6)].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
    }

    private static func hexValue(_ source: [UInt8], at index: Int) -> UInt32? {
        UInt32(String(decoding: source[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16)
    }
}
