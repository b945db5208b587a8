import FluentKit
import FluentSQL
import Foundation
import QualityRules

/// Writes one batch of checked rows and refreshes the facts of the enterprises they change, inside the
/// caller's transaction. Multi-row statements only: a million rows are a few thousand statements.
final class BatchWriter: @unchecked Sendable {
    let kind: RegistryKind
    let layout: RegistryLayout
    let file: String
    let importID: UUID
    let now: @Sendable () -> Date
    /// Other kinds that already hold rows, read when a registration creates an enterprise.
    var otherKindsWithRows: [RegistryKind] = []

    init(kind: RegistryKind, file: String, importID: UUID, now: @escaping @Sendable () -> Date) {
        self.kind = kind
        self.layout = kind.layout
        self.file = file
        self.importID = importID
        self.now = now
    }

    func nonEmptyTables(_ sql: any SQLDatabase) async throws -> [RegistryKind] {
        var kinds: [RegistryKind] = []
        for other in RegistryKind.allCases where other != .registrations {
            let rows = try await sql.select().column("credit_code").from(other.table).limit(1).all()
            if !rows.isEmpty { kinds.append(other) }
        }
        return kinds
    }

    func write(_ batch: [RegistryRow], into sql: any SQLDatabase, counts: ImportReport.Counts) async throws -> ImportReport.Counts {
        var counts = counts
        // The same record twice in a batch: the later row wins, as it would across batches.
        var latest: [String: RegistryRow] = [:]
        var order: [String] = []
        for row in batch {
            let id = row.creditCode + "\u{1F}" + row.recordKey
            if latest.updateValue(row, forKey: id) == nil { order.append(id) }
        }
        let rows = order.map { latest[$0]! }
        let codes = Array(Set(rows.map(\.creditCode)))

        var stored: [String: Int64] = [:]
        for chunk in codes.chunked(900) {
            for row in try await sql.select().column("credit_code").column("record_key").column("row_hash").from(kind.table)
                .where("credit_code", .in, Array(chunk)).all() {
                let reader = RowValues(row)
                stored[try reader.text("credit_code") + "\u{1F}" + reader.text("record_key")] = try reader.int64("row_hash")
            }
        }
        var changed: [RegistryRow] = []
        for row in rows {
            switch stored[row.creditCode + "\u{1F}" + row.recordKey] {
            case nil:
                counts.inserted += 1
                changed.append(row)
            case row.hash?:
                counts.unchanged += 1
            default:
                counts.updated += 1
                changed.append(row)
            }
        }
        counts.superseded += batch.count - rows.count
        guard !changed.isEmpty else { return counts }
        try await upsert(changed, sql)
        return try await refreshFacts(changed, sql, counts: counts)
    }

    // MARK: - Registry rows

    private func upsert(_ rows: [RegistryRow], _ sql: any SQLDatabase) async throws {
        let columns = layout.fields.map(\.column) + ["record_key", "row_hash", "source_file", "source_row", "import_id"]
        let perStatement = max(30_000 / columns.count, 1)
        for chunk in rows.chunked(perStatement) {
            let insert = sql.insert(into: kind.table).columns(columns)
            for row in chunk {
                var values: [any SQLExpression] = row.values.map(\.sql)
                values += [SQLBind(row.recordKey), SQLBind(row.hash), SQLBind(file), SQLBind(row.row), SQLBind(importID)]
                insert.values(values)
            }
            insert.onConflict(with: ["credit_code", "record_key"]) { update in
                for column in columns where column != "credit_code" && column != "record_key" {
                    update.set(excludedValueOf: column)
                }
                return update
            }
            try await insert.run()
        }
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

    private func refreshFacts(_ changed: [RegistryRow], _ sql: any SQLDatabase, counts: ImportReport.Counts) async throws -> ImportReport.Counts {
        var counts = counts
        let touched = Array(Set(changed.map(\.creditCode))).sorted()
        var enterprises: [String: EnterpriseRow] = [:]
        for chunk in touched.chunked(900) {
            for row in try await sql.select()
                .columns("id", "credit_code", "name", "city", "district", "facts_json", "is_demo", "created_at")
                .from(Enterprise.schema).where("credit_code", .in, Array(chunk)).all() {
                let reader = RowValues(row)
                let enterprise = EnterpriseRow(
                    id: try row.decode(column: "id", as: UUID.self), creditCode: try reader.text("credit_code"),
                    name: try reader.text("name"), city: try reader.text("city"), district: try reader.text("district"),
                    factsJSON: try reader.text("facts_json"), isDemo: try row.decode(column: "is_demo", as: Bool.self),
                    createdAt: try row.decode(column: "created_at", as: Date?.self) ?? now(), isNew: false)
                enterprises[enterprise.creditCode] = enterprise
            }
        }
        var updates: [EnterpriseRow] = []
        if kind == .registrations {
            let registrations = Dictionary(changed.map { ($0.creditCode, $0.values) }, uniquingKeysWith: { _, last in last })
            let newCodes = touched.filter { enterprises[$0] == nil }
            var others: [RegistryKind: [String: [[RegistryValue]]]] = [:]
            for other in otherKindsWithRows where !newCodes.isEmpty {
                others[other] = try await storedRows(other, codes: newCodes, sql)
            }
            for code in touched {
                let values = registrations[code]!
                let place = placeOf(values)
                if var enterprise = enterprises[code] {
                    guard var document = FactsDocument(enterprise.factsJSON) else { continue }
                    try RegistrySections.apply(.registrations, rows: [values], to: &document)
                    enterprise.factsJSON = document.text
                    enterprise.name = values[1].text ?? enterprise.name
                    (enterprise.city, enterprise.district) = place
                    updates.append(enterprise)
                } else {
                    var document = FactsDocument()
                    document.set("schemaVersion", json: "1")
                    document.set("registration", json: RegistrySections.registrationJSON(values))
                    for (other, byCode) in others {
                        if let rows = byCode[code] { try RegistrySections.apply(other, rows: rows, to: &document) }
                    }
                    updates.append(EnterpriseRow(id: UUID(), creditCode: code, name: values[1].text ?? "", city: place.city,
                                                 district: place.district, factsJSON: document.text, isDemo: false,
                                                 createdAt: now(), isNew: true))
                }
            }
        } else {
            let known = touched.filter { enterprises[$0] != nil }
            counts.pending += changed.filter { enterprises[$0.creditCode] == nil }.count
            let rows = try await storedRows(kind, codes: known, sql)
            updates = try assemble(known.map { enterprises[$0]! }, rows: rows)
        }
        try await save(updates, sql)
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

    private func placeOf(_ values: [RegistryValue]) -> (city: String, district: String) {
        let code = values[0].text ?? ""
        let division = values[layout.index(of: "division_code")!].text ?? String(code.dropFirst(2).prefix(6))
        return Divisions.place(city: values[layout.index(of: "city")!].text, district: values[layout.index(of: "district")!].text,
                               division: division)
    }

    /// The stored rows of `kind` for these enterprises, in record-key order, by credit code.
    private func storedRows(_ kind: RegistryKind, codes: [String], _ sql: any SQLDatabase) async throws -> [String: [[RegistryValue]]] {
        var result: [String: [[RegistryValue]]] = [:]
        let fields = kind.layout.fields
        for chunk in codes.chunked(900) where !chunk.isEmpty {
            let rows = try await sql.select().columns(fields.map { SQLIdentifier($0.column) }).from(kind.table)
                .where("credit_code", .in, Array(chunk)).orderBy("credit_code").orderBy("record_key").all()
            for row in rows {
                let reader = RowValues(row)
                let values = try fields.map { try reader.value($0) }
                result[values[0].text ?? "", default: []].append(values)
            }
        }
        return result
    }

    private func save(_ enterprises: [EnterpriseRow], _ sql: any SQLDatabase) async throws {
        guard !enterprises.isEmpty else { return }
        let columns = ["id", "credit_code", "name", "city", "district", "facts_json", "facts_version", "is_demo", "created_at", "updated_at"]
        let stamp = now()
        for chunk in enterprises.chunked(2500) {
            let insert = sql.insert(into: Enterprise.schema).columns(columns)
            for e in chunk {
                insert.values([SQLBind(e.id), SQLBind(e.creditCode), SQLBind(e.name), SQLBind(e.city), SQLBind(e.district),
                               SQLBind(e.factsJSON), SQLBind(1), SQLBind(e.isDemo), SQLBind(e.createdAt), SQLBind(stamp)] as [any SQLExpression])
            }
            insert.onConflict(with: ["id"]) { update in
                update.set(excludedValueOf: "name").set(excludedValueOf: "city").set(excludedValueOf: "district")
                    .set(excludedValueOf: "facts_json").set(excludedValueOf: "updated_at")
                    .set(SQLColumn("facts_version"), to: SQLBinaryExpression(
                        left: SQLColumn("facts_version", table: Enterprise.schema), op: SQLBinaryOperator.add, right: SQLLiteral.numeric("1")))
            }
            try await insert.run()
        }
    }
}

extension RegistryValue {
    var sql: any SQLExpression {
        switch self {
        case .null: SQLLiteral.null
        case .text(let text): SQLBind(text)
        case .integer(let number): SQLBind(number)
        case .boolean(let flag): SQLBind(flag)
        }
    }
}

/// Reads columns of a result row by the registry's types.
struct RowValues {
    let row: any SQLRow

    init(_ row: any SQLRow) { self.row = row }

    func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }

    func int64(_ column: String) throws -> Int64 { try row.decode(column: column, as: Int64.self) }

    func value(_ field: RegistryField) throws -> RegistryValue {
        if try row.decodeNil(column: field.column) { return .null }
        switch field.type {
        case .year, .integer, .money: return .integer(try row.decode(column: field.column, as: Int64.self))
        case .boolean: return .boolean(try row.decode(column: field.column, as: Bool.self))
        default: return .text(try row.decode(column: field.column, as: String.self))
        }
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
