import Fluent
import Foundation
import QualityRules
import QualityStorage

/// What the engine is given about an enterprise: the facts it keeps (registry, its own declarations,
/// reviewers' findings) plus the platform's own record of the titles it granted, ended and revoked. That
/// record is what makes a revocation bar a later application for three years, with the reason explained.
/// The credit file's records (`CreditFacts`) join the events, so exclusions and the credit grade read them.
enum FactsAssembler {
    static func assemble(_ enterprise: Enterprise, on database: any Database) async throws -> String {
        let titles = try await Title.query(on: database).filter(\.$enterprise.$id == enterprise.id!).sort(\.$grantedOn).all()
        let credit = try await CreditFacts.events(enterpriseID: enterprise.id!, on: database)
        guard !titles.isEmpty || !credit.isEmpty else { return enterprise.factsJSON }
        guard var object = try JSONSerialization.jsonObject(with: Data(enterprise.factsJSON.utf8)) as? [String: Any] else {
            return enterprise.factsJSON
        }
        if !credit.isEmpty {
            object["events"] = (object["events"] as? [[String: Any]] ?? []) + (try CreditFacts.json(credit))
        }
        guard !titles.isEmpty else {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        var history = object["history"] as? [String: Any] ?? [:]
        let platform: [[String: Any]] = titles.map { title in
            var record: [String: Any] = ["programme": title.programmeID, "grantedOn": title.grantedOn.iso, "validTo": title.validUntil.iso]
            if title.status == .revoked, let ended = title.endedOn {
                record["revokedOn"] = ended.iso
                if let reason = title.endedReason { record["revocationReason"] = reason }
            }
            if title.status == .terminated, let ended = title.endedOn { record["terminatedOn"] = ended.iso }
            return record
        }
        // Titles recorded before the platform (imported history) stay; the platform's own replace any copy.
        let known = Set(titles.map { "\($0.programmeID)|\($0.grantedOn.iso)" })
        let earlier = (history["titles"] as? [[String: Any]] ?? []).filter {
            !known.contains("\($0["programme"] as? String ?? "")|\($0["grantedOn"] as? String ?? "")")
        }
        history["titles"] = earlier + platform
        object["history"] = history
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
