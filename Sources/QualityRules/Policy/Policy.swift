/// One seed document as the engine knows it: who issued it, when it is in force, and what it provides.
public struct Policy: Sendable, Hashable, Identifiable {
    public var id: String
    /// The seed document this file encodes: "000" … "004".
    public var seed: String
    /// 江市监规字〔2022〕1号; nil for a draft that has no number yet.
    public var documentNumber: String?
    public var title: LocalizedText
    public var issuer: LocalizedText
    public var issuedOn: CalendarDate?
    /// A draft is never in force, whatever its dates say (003 is a consultation draft).
    public var isDraft: Bool
    /// Nil for a draft; an open end for a document that sets no expiry.
    public var inForce: DayRange?
    /// Bumped by whoever edits the file; recorded with every decision together with `contentHash`.
    public var version: String
    public var notes: LocalizedText?
    /// Policy-wide rules every grant of the policy must respect (004 item 14: no double benefit).
    public var noDoubleBenefit: Citation?
    public var programmes: [Programme]
    public var indicators: [TargetIndicator]
    /// The file the policy was read from and the FNV-1a hash of its bytes.
    public var source: PolicySource

    /// How the policy is cited in explanations: its number, or its title when it has none.
    public var citationLabel: String { documentNumber ?? title.zh }

    public func status(on date: CalendarDate) -> PolicyStatus {
        if isDraft { return .draft }
        guard let inForce else { return .draft }
        if date < inForce.start { return .notYetInForce }
        if let end = inForce.end, date > end { return .expired }
        return .inForce
    }

    public var ruleVersion: RuleVersion {
        RuleVersion(policyID: id, version: version, contentHash: source.contentHash, file: source.file)
    }
}

public enum PolicyStatus: String, Sendable, Codable, CaseIterable {
    case draft, notYetInForce, inForce, expired

    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(zh: "草案（未施行）", en: "draft (not in force)")
        case .notYetInForce: LocalizedText(zh: "尚未施行", en: "not yet in force")
        case .inForce: LocalizedText(zh: "施行中", en: "in force")
        case .expired: LocalizedText(zh: "已失效", en: "expired")
        }
    }
}

public struct PolicySource: Sendable, Hashable, Codable {
    /// File name only, so the hash and the name do not depend on where the package was checked out.
    public var file: String
    /// FNV-1a 64-bit of the file's bytes, 16 lowercase hex digits.
    public var contentHash: String
}

/// What backed a decision: the audit trail stores this with every evaluation it relies on.
public struct RuleVersion: Sendable, Hashable, Codable {
    public var policyID: String
    public var version: String
    public var contentHash: String
    public var file: String
}

/// FNV-1a: tiny, stable across platforms and releases, and enough to tell two versions of a file apart
/// (it is an identifier for the audit trail, not a defence against forgery).
public enum FNV1a {
    public static func hash64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let value = hash64(bytes)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
