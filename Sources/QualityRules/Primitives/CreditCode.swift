/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check digit.
public struct CreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// The 31 characters the standard allows (no I, O, S, V, Z), in the order that gives their values 0–30.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case invalidCharacter(position: Int, character: Character)
        case invalidDivisionCode
        case wrongCheckDigit(expected: Character, found: Character)

        public var message: LocalizedText {
            switch self {
            case .wrongLength(let count):
                LocalizedText(zh: "统一社会信用代码应为 18 位，当前为 \(count) 位",
                              en: "A unified social credit code has 18 characters; this one has \(count)")
            case .invalidCharacter(let position, let character):
                LocalizedText(zh: "第 \(position) 位字符“\(character)”不允许出现在统一社会信用代码中（不使用 I、O、S、V、Z）",
                              en: "Character \(position) ('\(character)') is not allowed in a unified social credit code (I, O, S, V and Z are never used)")
            case .invalidDivisionCode:
                LocalizedText(zh: "第 3–8 位应为 6 位数字的行政区划码",
                              en: "Characters 3–8 must be the six-digit administrative division code")
            case .wrongCheckDigit(let expected, let found):
                LocalizedText(zh: "校验码错误：第 18 位应为“\(expected)”，实际为“\(found)”，请核对代码是否抄错",
                              en: "Wrong check digit: character 18 should be '\(expected)' but is '\(found)'; please check the code for a typo")
            }
        }
    }

    /// Validates and normalises (upper-cases, trims) a code, saying exactly what is wrong when it is not one.
    public static func validate(_ text: String) -> Result<CreditCode, Problem> {
        let normalized = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let characters = Array(normalized)
        guard characters.count == 18 else { return .failure(.wrongLength(characters.count)) }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else {
                return .failure(.invalidCharacter(position: index + 1, character: character))
            }
            if index < 17 { sum += value * weights[index] }
        }
        guard characters[2..<8].allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.invalidDivisionCode) }
        let expected = alphabet[(31 - sum % 31) % 31]
        guard characters[17] == expected else {
            return .failure(.wrongCheckDigit(expected: expected, found: characters[17]))
        }
        return .success(CreditCode(unchecked: normalized))
    }

    public init?(_ text: String) {
        guard case .success(let code) = CreditCode.validate(text) else { return nil }
        self = code
    }

    init(unchecked value: String) { self.value = value }

    /// Completes 17 characters with their check digit; used to make synthetic enterprises for demos and benchmarks.
    public static func withCheckDigit(_ first17: String) -> CreditCode? {
        let characters = Array(first17.uppercased())
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weights[index]
        }
        return CreditCode(String(characters) + String(alphabet[(31 - sum % 31) % 31]))
    }

    /// Characters 3–8: the administrative division where the entity registered (440300 is Shenzhen, 440700 Jiangmen).
    public var divisionCode: String { String(value.dropFirst(2).prefix(6)) }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch CreditCode.validate(text) {
        case .success(let code): self = code
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.message.en)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

import Foundation
