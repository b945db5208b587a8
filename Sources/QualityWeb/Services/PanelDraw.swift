import Foundation

/// Draws an expert panel for each application: at least `size` experts with no conflict of interest,
/// chosen at random among those with the lightest load so far, never two from one organisation on a panel.
/// Pure and seeded: the same seed draws the same panels, so a draw can be explained and repeated.
enum PanelDraw {
    struct Expert: Sendable, Equatable {
        var id: UUID
        var affiliation: String
        var employerCreditCode: String?
        var relationships: [String]
    }

    struct Applicant: Sendable, Equatable {
        var id: UUID
        var creditCode: String
        var name: String
    }

    enum Conflict: String, Sendable, Equatable {
        /// The expert works for the applicant (the employer's credit code is the applicant's).
        case sameEnterprise = "same_enterprise"
        /// The expert declared a relationship with the applicant.
        case declaredRelationship = "declared_relationship"
        /// The expert's organisation is the applicant, by name.
        case sameAffiliation = "same_affiliation"
    }

    struct Result: Sendable {
        var panels: [UUID: [UUID]]
        /// Every (applicant, expert) pair kept apart, and why: the automatic part of the recusal log.
        var conflicts: [(applicant: UUID, expert: UUID, conflict: Conflict)]
    }

    struct NotEnoughExperts: Error, Sendable {
        var applicants: [UUID]
    }

    static func conflict(_ expert: Expert, _ applicant: Applicant) -> Conflict? {
        let code = applicant.creditCode.uppercased()
        if let employer = expert.employerCreditCode, employer.uppercased() == code { return .sameEnterprise }
        let name = normalized(applicant.name)
        for relationship in expert.relationships {
            let related = normalized(relationship)
            if related.uppercased() == code || (!related.isEmpty && related == name) { return .declaredRelationship }
        }
        let affiliation = normalized(expert.affiliation)
        if name.count >= 4, affiliation.count >= 4, affiliation.contains(name) || name.contains(affiliation) { return .sameAffiliation }
        return nil
    }

    static func normalized(_ text: String) -> String {
        text.filter { !$0.isWhitespace && !"（）()·.,，、".contains($0) }.lowercased()
    }

    /// - Parameters:
    ///   - load: seats each expert already holds in this call (for re-draws and replacements).
    ///   - excluded: pairs that must not be drawn again (an expert who recused from an application).
    static func draw(applicants: [Applicant], experts: [Expert], size: Int, seed: UInt64,
                     load: [UUID: Int] = [:], excluded: Set<Pair> = []) throws -> Result {
        var random = SplitMix64(seed: seed)
        var load = load
        var panels: [UUID: [UUID]] = [:]
        var conflicts: [(UUID, UUID, Conflict)] = []
        var short: [UUID] = []
        // Applications in a random order, so no one is always served first from a fresh pool.
        let order = applicants.map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.map(\.0)
        for applicant in order {
            var candidates: [(Expert, UInt64)] = []
            for expert in experts {
                if let found = conflict(expert, applicant) {
                    conflicts.append((applicant.id, expert.id, found))
                } else if !excluded.contains(Pair(applicant: applicant.id, expert: expert.id)) {
                    candidates.append((expert, random.next()))
                }
            }
            candidates.sort { (load[$0.0.id, default: 0], $0.1) < (load[$1.0.id, default: 0], $1.1) }
            var chosen: [Expert] = []
            for (expert, _) in candidates where chosen.count < size {
                let organisation = normalized(expert.affiliation)
                if !organisation.isEmpty, chosen.contains(where: { normalized($0.affiliation) == organisation }) { continue }
                chosen.append(expert)
            }
            guard chosen.count == size else { short.append(applicant.id); continue }
            panels[applicant.id] = chosen.map(\.id)
            for expert in chosen { load[expert.id, default: 0] += 1 }
        }
        guard short.isEmpty else { throw NotEnoughExperts(applicants: short) }
        return Result(panels: panels, conflicts: conflicts.map { (applicant: $0.0, expert: $0.1, conflict: $0.2) })
    }

    struct Pair: Hashable, Sendable {
        var applicant: UUID
        var expert: UUID
    }
}

/// A small, well-known generator: reproducible across platforms, unlike `SystemRandomNumberGenerator`.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
