import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// Every enterprise's facts, read from the database into columns for matching: the same `facts_json` the
/// single evaluation reads, so the two can never disagree about what an enterprise is.
public struct LoadedFacts: Sendable {
    public let columns: FactColumns
    /// The enterprise of each column index.
    public let enterpriseIDs: [UUID]
    /// Enterprises whose facts the engine would refuse (not decodable, or inconsistent); not matched.
    public let skipped: Int
    public let seconds: Double
}

public enum FactsLoader {
    /// Pages through `enterprises` by credit code; each page's JSON is decoded on every core while the
    /// next page is read.
    public static func load(from database: any Database, pageSize: Int = 20_000,
                            progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> LoadedFacts {
        guard let sql = database as? any SQLDatabase else { fatalError("QualityCity runs on SQL databases only") }
        let started = Date()
        let builder = FactColumns.Builder(expectedCount: 1024)
        var ids: [UUID] = []
        var skipped = 0
        var after = ""
        func page(after key: String) async throws -> [(UUID, String, String)] {
            try await sql.select().columns("id", "credit_code", "facts_json").from(Enterprise.schema)
                .where("credit_code", .greaterThan, key).orderBy("credit_code").limit(pageSize).all()
                .map { row in
                    (try row.decode(column: "id", as: UUID.self), try row.decode(column: "credit_code", as: String.self),
                     try row.decode(column: "facts_json", as: String.self))
                }
        }
        var current = try await page(after: after)
        while !current.isEmpty {
            after = current[current.count - 1].1
            let nextKey = after
            async let next = page(after: nextKey)
            let decoded = decode(current.map(\.2))
            for (row, facts) in zip(current, decoded) {
                guard let facts else {
                    skipped += 1
                    continue
                }
                builder.append(facts)
                ids.append(row.0)
            }
            progress(ids.count + skipped)
            current = try await next
        }
        return LoadedFacts(columns: builder.build(), enterpriseIDs: ids, skipped: skipped,
                           seconds: Date().timeIntervalSince(started))
    }

    /// Decodes facts documents in parallel; nil for a document the engine would refuse.
    public static func decode(_ documents: [String]) -> [EnterpriseFacts?] {
        let slots = ResultSlots<EnterpriseFacts>(count: documents.count)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let stride = (documents.count + threads - 1) / max(threads, 1)
        DispatchQueue.concurrentPerform(iterations: threads) { part in
            let decoder = JSONDecoder()
            let start = part * stride
            let end = min(start + stride, documents.count)
            guard start < end else { return }
            for index in start..<end {
                guard let facts = try? decoder.decode(EnterpriseFacts.self, from: Data(documents[index].utf8)),
                      facts.consistencyProblems().isEmpty else { continue }
                slots[index] = facts
            }
        }
        return slots.values
    }
}
