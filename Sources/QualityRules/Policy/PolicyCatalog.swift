import Foundation

/// Every policy the platform knows, loaded and validated once at start-up.
public struct PolicyCatalog: Sendable {
    public let policies: [Policy]

    public struct Entry: Sendable {
        public let policy: Policy
        public let programme: Programme
    }

    /// Every programme of every policy, in file order then document order.
    public let programmes: [Entry]
    private let index: [String: Int]

    public init(policies: [Policy]) throws(PolicyLoadError) {
        var seen: [String: String] = [:]
        var entries: [Entry] = []
        for policy in policies {
            if let other = seen[policy.id] {
                throw PolicyLoadError(file: policy.source.file, line: 0, column: 0,
                                      reason: "policy id '\(policy.id)' is already used in \(other)")
            }
            seen[policy.id] = policy.source.file
        }
        for policy in policies {
            for programme in policy.programmes {
                if let other = seen[programme.id] {
                    throw PolicyLoadError(file: policy.source.file, line: 0, column: 0,
                                          reason: "programme id '\(programme.id)' is already used in \(other)")
                }
                seen[programme.id] = policy.source.file
                entries.append(Entry(policy: policy, programme: programme))
            }
        }
        self.policies = policies
        self.programmes = entries
        self.index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.programme.id, $0) })
    }

    public func programme(_ id: String) -> (Policy, Programme)? {
        index[id].map { (programmes[$0].policy, programmes[$0].programme) }
    }

    public func policy(_ id: String) -> Policy? { policies.first { $0.id == id } }

    /// 001's city quality indicators (and any other policy's), for the dashboard.
    public var indicators: [TargetIndicator] { policies.flatMap(\.indicators) }

    /// Programmes whose policy is in force on `date`.
    public func programmesInForce(on date: CalendarDate) -> [Entry] {
        programmes.filter { $0.policy.status(on: date) == .inForce }
    }

    /// The policy files shipped with the engine (`Sources/QualityRules/Policies`).
    public static func bundled() throws(PolicyLoadError) -> PolicyCatalog {
        guard let url = Bundle.module.url(forResource: "Policies", withExtension: nil) else {
            throw PolicyLoadError(file: "Policies", line: 0, column: 0, reason: "the bundled policy folder is missing")
        }
        return try load(directory: url)
    }

    /// Loads every `*.yaml` file of a folder, in name order. The first problem refuses the whole catalog:
    /// a platform that ran on half its rules would give wrong answers without saying so.
    public static func load(directory: URL) throws(PolicyLoadError) -> PolicyCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw PolicyLoadError(file: directory.path, line: 0, column: 0, reason: "cannot list the folder: \(error)")
        }
        var policies: [Policy] = []
        for name in names {
            let data: Data
            do {
                data = try Data(contentsOf: directory.appendingPathComponent(name))
            } catch {
                throw PolicyLoadError(file: name, line: 0, column: 0, reason: "cannot read the file: \(error)")
            }
            policies.append(try PolicyDecoder.decode(data: data, file: name))
        }
        return try PolicyCatalog(policies: policies)
    }
}
