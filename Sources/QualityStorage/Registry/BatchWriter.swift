import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// Writes one batch of checked rows and refreshes the facts of the enterprises they change, inside the
/// caller's transaction. Multi-row statements only: a million rows are a few thousand statements.
final class BatchWriter: @unchecked Sendable {
    let kind: RegistryKind
    let layout: RegistryLayout
    /// `kind.table`, made once.
    let table: String
    /// Registrations: where the division code, city and district are among a row's values.
    private let placeColumns: (division: Int, city: Int, district: Int)?
    let file: String
    let importID: UUID
    let now: @Sendable () -> Date
    /// Other kinds that already hold rows, read when a registration creates an enterprise.
    var otherKindsWithRows: [RegistryKind] = []
    /// Ids of the enterprises this import creates, in the order it creates them.
    private var ids = TimeOrderedIDs()
    /// Tables whose every row this import wrote (SQLite only: empty when it began, and no other connection
    /// has committed since), so a credit code it has not written has nothing there to look up. On a first
    /// load that is every code: nothing is read back, and the writes run behind the next batch's preparation.
    var ownTables: Set<String> = []
    /// The credit codes (by hash) this import has written rows for: a code here may have rows in any table.
    private var writtenCodes = Set<Int>()

    init(kind: RegistryKind, file: String, importID: UUID, now: @escaping @Sendable () -> Date) {
        let layout = kind.layout
        self.kind = kind
        self.layout = layout
        self.table = kind.table
        placeColumns = layout.index(of: "division_code").map { ($0, layout.index(of: "city")!, layout.index(of: "district")!) }
        self.file = file
        self.importID = importID
        self.now = now
    }

    func nonEmptyTables(_ bulk: BulkStatements) async throws -> [RegistryKind] {
        var kinds: [RegistryKind] = []
        for other in RegistryKind.allCases where other != .registrations {
            if try await !bulk.run("SELECT credit_code FROM \(other.table) LIMIT 1", []).isEmpty { kinds.append(other) }
        }
        return kinds
    }

    func write(_ batch: [RegistryRow], into bulk: BulkStatements, counts: ImportReport.Counts) async throws -> ImportReport.Counts {
        var counts = counts
        // The same record twice in a batch: the later row wins, as it would across batches.
        var latest: [RecordID: Int] = [:]
        latest.reserveCapacity(batch.count)
        for (index, row) in batch.enumerated() { latest[RecordID(row)] = index }
        let rows = latest.count == batch.count ? batch : batch.indices.filter { latest[RecordID(batch[$0])] == $0 }.map { batch[$0] }
        counts.superseded += batch.count - rows.count

        var stored: [RecordID: Int64] = [:]
        let codes = withPossibleRows(rows.map(\.creditCode), in: table)
        for row in try await bulk.select(["credit_code", "record_key", "row_hash"], from: table, creditCodes: codes) {
            stored[RecordID(code: try row.text("credit_code"), key: try row.text("record_key"))] = try row.int64("row_hash")
        }
        var changed = rows
        if !stored.isEmpty {
            changed = rows.filter { row in
                let hash = stored[RecordID(row)]
                switch hash {
                case nil: counts.inserted += 1
                case row.hash?: counts.unchanged += 1
                default: counts.updated += 1
                }
                return hash != row.hash
            }
        } else {
            counts.inserted += rows.count
        }
        guard !changed.isEmpty else { return counts }
        try await upsert(changed, bulk)
        for row in changed { writtenCodes.insert(row.creditCode.hashValue) }
        return try await refreshFacts(changed, bulk, counts: counts)
    }

    /// A record's natural key: its enterprise and its key within it.
    private struct RecordID: Hashable {
        var code: String
        var key: String

        init(code: String, key: String) {
            (self.code, self.key) = (code, key)
        }

        init(_ row: RegistryRow) {
            (code, key) = (row.creditCode, row.recordKey)
        }
    }

    /// Those of `codes` (each once) that may have rows in `table`: all, unless the import wrote every row of
    /// the table; then only those it wrote rows for (a hash collision only costs a lookup).
    private func withPossibleRows(_ codes: [String], in table: String) -> [String] {
        let mine = ownTables.contains(table)
        var seen = Set<String>()
        return codes.filter { (!mine || writtenCodes.contains($0.hashValue)) && seen.insert($0).inserted }
    }

    // MARK: - Registry rows

    private func upsert(_ rows: [RegistryRow], _ bulk: BulkStatements) async throws {
        let columns = layout.fields.map(\.column) + ["record_key", "row_hash", "source_file", "source_row", "import_id"]
        let assignments = columns.filter { $0 != "credit_code" && $0 != "record_key" }
            .map { "\(BulkStatements.quoted($0)) = excluded.\(BulkStatements.quoted($0))" }.joined(separator: ", ")
        let values = rows.map { row in
            row.values.map(BulkValue.init) + [.text(row.recordKey), .integer(row.hash), .text(file), .integer(Int64(row.row)), .uuid(importID)]
        }
        try await bulk.insert(into: table, columns: columns, rows: values,
                              onConflict: "(credit_code, record_key) DO UPDATE SET \(assignments)")
    }

    // MARK: - Facts

    /// An enterprise as the refresh reads and writes it.
    struct EnterpriseRow: Sendable {
        var id: UUID
        var creditCode: String
        var name: String
        var city: String
        var district: String
        var factsJSON: String
        var isDemo: Bool
        var createdAt: Date
        var isNew: Bool
    }

    private func refreshFacts(_ changed: [RegistryRow], _ bulk: BulkStatements, counts: ImportReport.Counts) async throws -> ImportReport.Counts {
        var counts = counts
        var seen = Set<String>()
        let touched = changed.map(\.creditCode).filter { seen.insert($0).inserted }
        var enterprises: [String: EnterpriseRow] = [:]
        let columns = ["id", "credit_code", "name", "city", "district", "facts_json", "is_demo", "created_at"]
        for row in try await bulk.select(columns, from: Enterprise.schema, creditCodes: withPossibleRows(touched, in: Enterprise.schema)) {
            let enterprise = EnterpriseRow(
                id: try row.uuid("id"), creditCode: try row.text("credit_code"), name: try row.text("name"),
                city: try row.text("city"), district: try row.text("district"), factsJSON: try row.text("facts_json"),
                isDemo: try row.bool("is_demo"), createdAt: row.date("created_at") ?? now(), isNew: false)
            enterprises[enterprise.creditCode] = enterprise
        }
        var updates: [EnterpriseRow] = []
        if kind == .registrations {
            // A registration's record is its enterprise (its key is the credit code): each code comes once.
            let newCodes = touched.filter { enterprises[$0] == nil }
            var others: [RegistryKind: [String: [[RegistryValue]]]] = [:]
            for other in otherKindsWithRows where !newCodes.isEmpty {
                others[other] = try await storedRows(other, codes: newCodes, bulk)
            }
            let stamp = now()
            updates.reserveCapacity(changed.count)
            for row in changed {
                let (code, values) = (row.creditCode, row.values)
                let registration = row.registration ?? RegistrySections.registrationJSON(values)
                let place = placeOf(values)
                if var enterprise = enterprises[code] {
                    guard var document = FactsDocument(enterprise.factsJSON) else { continue }
                    document.set("registration", json: registration)
                    enterprise.factsJSON = document.text
                    enterprise.name = values[1].text ?? enterprise.name
                    (enterprise.city, enterprise.district) = place
                    updates.append(enterprise)
                } else {
                    var document = FactsDocument()
                    document.set("schemaVersion", json: "1")
                    document.set("registration", json: registration)
                    for (other, byCode) in others {
                        if let rows = byCode[code] { try RegistrySections.apply(other, rows: rows, to: &document) }
                    }
                    updates.append(EnterpriseRow(id: ids.next(), creditCode: code, name: values[1].text ?? "", city: place.city,
                                                 district: place.district, factsJSON: document.text, isDemo: false,
                                                 createdAt: stamp, isNew: true))
                }
            }
        } else {
            let known = touched.filter { enterprises[$0] != nil }
            counts.pending += changed.filter { enterprises[$0.creditCode] == nil }.count
            let rows = try await storedRows(kind, codes: known, bulk)
            updates = try assemble(known.map { enterprises[$0]! }, rows: rows)
        }
        try await save(updates, bulk)
        counts.enterprisesCreated += updates.filter(\.isNew).count
        counts.enterprisesUpdated += updates.filter { !$0.isNew }.count
        return counts
    }

    /// Splices this kind's sections into each enterprise's facts, on every core when there are many.
    private func assemble(_ enterprises: [EnterpriseRow], rows: [String: [[RegistryValue]]]) throws -> [EnterpriseRow] {
        let results = ResultSlots<EnterpriseRow>(count: enterprises.count)
        let kind = self.kind
        let work: @Sendable (Int) -> Void = { index in
            var enterprise = enterprises[index]
            guard var document = FactsDocument(enterprise.factsJSON),
                  (try? RegistrySections.apply(kind, rows: rows[enterprise.creditCode] ?? [], to: &document)) != nil else {
                // Facts that are not a JSON object are left alone; the rows are stored for when they are fixed.
                results[index] = nil
                return
            }
            enterprise.factsJSON = document.text
            results[index] = enterprise
        }
        if enterprises.count > 256 {
            DispatchQueue.concurrentPerform(iterations: enterprises.count, execute: work)
        } else {
            for index in enterprises.indices { work(index) }
        }
        return results.values.compactMap { $0 }
    }

    /// A registration's city and district.
    private func placeOf(_ values: [RegistryValue]) -> (city: String, district: String) {
        let (divisionColumn, cityColumn, districtColumn) = placeColumns!
        let division = values[divisionColumn].text ?? String((values[0].text ?? "").dropFirst(2).prefix(6))
        return Divisions.place(city: values[cityColumn].text, district: values[districtColumn].text, division: division)
    }

    /// The stored rows of `kind` for these enterprises, in record-key order, by credit code.
    private func storedRows(_ kind: RegistryKind, codes: [String], _ bulk: BulkStatements) async throws -> [String: [[RegistryValue]]] {
        var result: [String: [[RegistryValue]]] = [:]
        let fields = kind.layout.fields
        for row in try await bulk.select(fields.map(\.column), from: kind.table, creditCodes: codes, orderedBy: ["credit_code", "record_key"]) {
            let values = try fields.map { try row.value($0) }
            result[values[0].text ?? "", default: []].append(values)
        }
        return result
    }

    private func save(_ enterprises: [EnterpriseRow], _ bulk: BulkStatements) async throws {
        guard !enterprises.isEmpty else { return }
        let columns = ["id", "credit_code", "name", "city", "district", "facts_json", "facts_version", "is_demo", "created_at", "updated_at"]
        let stamp = now()
        let values: [[BulkValue]] = enterprises.map { e in
            [.uuid(e.id), .text(e.creditCode), .text(e.name), .text(e.city), .text(e.district), .text(e.factsJSON),
             .integer(1), .boolean(e.isDemo), .date(e.createdAt), .date(stamp)]
        }
        try await bulk.insert(into: Enterprise.schema, columns: columns, rows: values, onConflict:
            "(id) DO UPDATE SET name = excluded.name, city = excluded.city, district = excluded.district,"
            + " facts_json = excluded.facts_json, updated_at = excluded.updated_at, facts_version = enterprises.facts_version + 1")
    }
}

/// Slots written by index from several threads, each slot by one.
final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> T? {
        get { base[index] }
        set { base[index] = newValue }
    }

    var values: [T?] { (0..<count).map { base[$0] } }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
