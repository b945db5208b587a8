/// The two languages of the product: Chinese first, English second.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh = "zh-CN"
    case en = "en"

    /// Chooses from an `Accept-Language`-style list or a `lang` parameter; Chinese unless English is asked for.
    public init(preferring tags: String?) {
        guard let tags = tags?.lowercased() else { self = .zh; return }
        let first = tags.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        self = first.hasPrefix("en") ? .en : .zh
    }
}

/// A sentence a person reads, in both languages. Every user-facing text in QualityCity is one of these.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// Joins the texts of several parts with the separator each language uses.
    public static func joined(_ parts: [LocalizedText], zh: String = "；", en: String = "; ") -> LocalizedText {
        LocalizedText(zh: parts.map(\.zh).joined(separator: zh), en: parts.map(\.en).joined(separator: en))
    }
}
