import Foundation
import QualityRules

/// Small edits to an enterprise's facts JSON that must not disturb anything else in it.
enum FactsEditing {
    /// Adds reviewer findings (attestation key → met?) to the facts, as `docs/facts.schema.json` describes
    /// them. Later findings supersede earlier ones in the engine, so earlier ones are kept for the record.
    static func addingAttestations(_ findings: [String: Bool], to factsJSON: String, by reviewer: String,
                                   on day: CalendarDate) throws -> String {
        guard !findings.isEmpty else { return factsJSON }
        guard var object = try JSONSerialization.jsonObject(with: Data(factsJSON.utf8)) as? [String: Any] else {
            throw AppError.invalid(T(zh: "企业信息格式有误，无法记录认定", en: "The enterprise facts are malformed; the findings cannot be recorded"))
        }
        var attestations = object["attestations"] as? [[String: Any]] ?? []
        for (key, met) in findings.sorted(by: { $0.key < $1.key }) {
            attestations.append(["key": key, "finding": met ? "met" : "notMet", "by": reviewer, "on": day.iso])
        }
        object["attestations"] = attestations
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
