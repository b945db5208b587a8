extension FactColumns {
    /// Appends enterprises' facts one at a time, so a million of them never need to be in memory as
    /// `EnterpriseFacts` together (the generator and the database loader stream them in).
    public final class Builder {
        /// Scalar columns and taxes of one segment: the detailed enterprises, or the sparse ones.
        final class Segment {
            let original: ColumnBuffer<Int32>
            let creditCodes: ColumnBuffer<UInt8>
            let region: ColumnBuffer<Int32>
            let registeredOn: ColumnBuffer<Int32>
            let operatingStatus: ColumnBuffer<UInt8>
            let legalForm: ColumnBuffer<UInt8>
            let section: ColumnBuffer<Int32>
            let chiefQualityOfficer: ColumnBuffer<UInt8>
            let qualityStaff: ColumnBuffer<Int32>
            let practices: ColumnBuffer<UInt16>
            let taxCounts: ColumnBuffer<Int32>
            let taxYear: ColumnBuffer<Int32>
            let taxAmount: ColumnBuffer<Int64>

            init(capacity: Int) {
                original = ColumnBuffer(capacity: capacity)
                creditCodes = ColumnBuffer(capacity: capacity * 18)
                region = ColumnBuffer(capacity: capacity)
                registeredOn = ColumnBuffer(capacity: capacity)
                operatingStatus = ColumnBuffer(capacity: capacity)
                legalForm = ColumnBuffer(capacity: capacity)
                section = ColumnBuffer(capacity: capacity)
                chiefQualityOfficer = ColumnBuffer(capacity: capacity)
                qualityStaff = ColumnBuffer(capacity: capacity)
                practices = ColumnBuffer(capacity: capacity)
                taxCounts = ColumnBuffer(capacity: capacity)
                taxYear = ColumnBuffer(capacity: capacity * 3)
                taxAmount = ColumnBuffer(capacity: capacity * 3)
            }

            var count: Int { original.count }
        }

        private var count = 0
        private let dense: Segment
        private let sparse: Segment
        private let records = RecordSource.allCases.map { _ in RecordTable() }
        private let titles = ProfessionalTitleTable()
        private let attestations = AttestationTable()
        private let history = HistoryTable()
        private var regions = Interner()
        private var sections = Interner()
        private var attestationKeys = Interner()
        private var identifiers = Interner()
        private var matters = Interner()

        public init(expectedCount: Int = 1024) {
            dense = Segment(capacity: expectedCount / 2)
            sparse = Segment(capacity: expectedCount / 2)
        }

        /// Nothing but a registration and taxes.
        static func isSparse(_ facts: EnterpriseFacts) -> Bool {
            facts.certifications.isEmpty && facts.events.isEmpty && facts.patents.isEmpty && facts.standards.isEmpty
                && facts.secretariats.isEmpty && facts.trademarks.isEmpty && facts.awards.isEmpty && facts.labs.isEmpty
                && facts.projects.isEmpty && facts.staff.fullTimeQualityStaff == 0 && facts.staff.professionalTitles.isEmpty
                && !facts.chiefQualityOfficer.appointed && !facts.chiefQualityOfficer.trained && facts.practices.isEmpty
                && facts.attestations.isEmpty && facts.history.titles.isEmpty && facts.history.grants.isEmpty
        }

        public func append(_ facts: EnterpriseFacts) {
            let isSparse = Self.isSparse(facts)
            let segment = isSparse ? sparse : dense
            segment.original.append(Int32(count))
            count += 1
            let registration = facts.registration
            var code = Array(registration.creditCode.value.utf8.prefix(18))
            while code.count < 18 { code.append(0x20) }
            for byte in code { segment.creditCodes.append(byte) }
            segment.region.append(regions.intern(registration.effectiveDivisionCode))
            segment.registeredOn.append(day(registration.registeredOn))
            segment.operatingStatus.append(ordinal(registration.operatingStatus))
            segment.legalForm.append(ordinal(registration.legalForm))
            segment.section.append(sections.intern(registration.industrySection))
            let cqo = facts.chiefQualityOfficer
            segment.chiefQualityOfficer.append((cqo.appointed ? 1 : 0) | (cqo.trained ? 2 : 0))
            segment.qualityStaff.append(clamp32(facts.staff.fullTimeQualityStaff))
            var declared: UInt16 = 0
            for practice in facts.practices { declared |= 1 << UInt16(ordinal(practice)) }
            segment.practices.append(declared)
            for tax in facts.taxes {
                segment.taxYear.append(clamp32(tax.year))
                segment.taxAmount.append(tax.amount.fen)
            }
            segment.taxCounts.append(Int32(facts.taxes.count))
            guard !isSparse else { return }

            let owner = Int32(dense.count - 1)
            appendRecords(facts, owner: owner)
            for group in facts.staff.professionalTitles {
                titles.owner.append(owner)
                titles.field.append(ordinal(group.field))
                titles.level.append(ordinal(group.level))
                titles.people.append(Int64(group.count))
            }
            titles.offsets.append(Int32(titles.count))
            // The finding the engine would read for each key, settled here once: the latest wins.
            var seen = Set<String>()
            for attestation in facts.attestations where seen.insert(attestation.key).inserted {
                guard let latest = facts.attestation(attestation.key) else { continue }
                attestations.key.append(attestationKeys.intern(attestation.key))
                attestations.finding.append(latest.finding == .met ? 1 : 2)
            }
            attestations.offsets.append(Int32(attestations.count))
            for title in facts.history.titles {
                history.titleProgramme.append(identifiers.intern(title.programme))
                history.titleGranted.append(day(title.grantedOn))
                history.titleRevoked.append(title.revokedOn.map(day) ?? Int32.max)
            }
            history.titleOffsets.append(Int32(history.titleCount))
            for grant in facts.history.grants {
                history.grantProgramme.append(identifiers.intern(grant.programme))
                history.grantPolicy.append(identifiers.intern(grant.policy))
                history.grantMatter.append(matters.intern(grant.matter))
                history.grantDate.append(day(grant.date))
                history.grantYear.append(clamp32(grant.date.year))
            }
            history.grantOffsets.append(Int32(history.grantCount))
            if !facts.history.grants.isEmpty { recordExtras(facts) }
        }

        public func build() -> FactColumns {
            // Sparse enterprises follow the detailed ones: their record ranges are empty.
            for _ in 0..<sparse.count {
                records.forEach { $0.closeEnterprise() }
                titles.offsets.append(Int32(titles.count))
                attestations.offsets.append(Int32(attestations.count))
                history.titleOffsets.append(Int32(history.titleCount))
                history.grantOffsets.append(Int32(history.grantCount))
            }
            let order = concatenate(dense.original, sparse.original)
            let position = ColumnBuffer<Int32>(repeating: 0, count: count)
            for inner in 0..<count { position[Int(order[inner])] = Int32(inner) }
            let taxes = TaxTable()
            for segment in [dense, sparse] {
                var r = 0
                for index in 0..<segment.count {
                    let end = r + Int(segment.taxCounts[index])
                    while r < end {
                        taxes.year.append(segment.taxYear[r])
                        taxes.amount.append(segment.taxAmount[r])
                        r += 1
                    }
                    taxes.offsets.append(Int32(taxes.count))
                }
            }
            records.forEach { $0.trim() }
            return FactColumns(
                count: count, sparseStart: dense.count, order: order, position: position,
                creditCodes: concatenate(dense.creditCodes, sparse.creditCodes), region: concatenate(dense.region, sparse.region),
                registeredOn: concatenate(dense.registeredOn, sparse.registeredOn),
                operatingStatus: concatenate(dense.operatingStatus, sparse.operatingStatus),
                legalForm: concatenate(dense.legalForm, sparse.legalForm), section: concatenate(dense.section, sparse.section),
                chiefQualityOfficer: concatenate(dense.chiefQualityOfficer, sparse.chiefQualityOfficer),
                qualityStaff: concatenate(dense.qualityStaff, sparse.qualityStaff),
                practices: concatenate(dense.practices, sparse.practices),
                records: records, taxes: taxes, titles: titles, attestations: attestations, history: history,
                regions: regions, sections: sections, attestationKeys: attestationKeys, identifiers: identifiers,
                matters: matters)
        }

        private func concatenate<T>(_ first: ColumnBuffer<T>, _ second: ColumnBuffer<T>) -> ColumnBuffer<T> {
            let joined = ColumnBuffer<T>(capacity: first.count + second.count)
            for index in 0..<first.count { joined.append(first[index]) }
            for index in 0..<second.count { joined.append(second[index]) }
            return joined
        }

        private func appendRecords(_ facts: EnterpriseFacts, owner: Int32) {
            let certifications = records[RecordSource.certifications.rawValue]
            for c in facts.certifications {
                certifications.append(owner, ordinal(c.type), lo: day(c.validFrom), hi: c.validTo.map(day) ?? Int32.max)
            }
            let events = records[RecordSource.events.rawValue]
            for e in facts.events {
                // `hi` holds the year, which the spot-check aggregate reads without converting days.
                events.append(owner, ordinal(e.kind), ordinal(e.area), ordinal(e.severity), ordinal(e.outcome), ordinal(e.level),
                              lo: day(e.date), hi: clamp32(e.date.year))
            }
            let patents = records[RecordSource.patents.rawValue]
            for p in facts.patents { patents.append(owner, ordinal(p.kind), ordinal(p.jurisdiction), lo: day(p.grantedOn)) }
            let standards = records[RecordSource.standards.rawValue]
            for s in facts.standards { standards.append(owner, ordinal(s.level), ordinal(s.role), lo: day(s.publishedOn)) }
            let secretariats = records[RecordSource.secretariats.rawValue]
            for s in facts.secretariats {
                secretariats.append(owner, ordinal(s.level), s.joint ? 1 : 0, lo: s.since.map(day) ?? Int32.min,
                                    hi: s.until.map(day) ?? Int32.max)
            }
            let trademarks = records[RecordSource.trademarks.rawValue]
            for m in facts.trademarks { trademarks.append(owner, ordinal(m.jurisdiction), lo: day(m.registeredOn)) }
            let awards = records[RecordSource.awards.rawValue]
            for a in facts.awards {
                awards.append(owner, ordinal(a.kind), ordinal(a.level), lo: clamp32(a.year), hi: a.date.map(day) ?? Int32.min)
            }
            let labs = records[RecordSource.labs.rawValue]
            for l in facts.labs { labs.append(owner, l.independent ? 1 : 0, l.cnas ? 1 : 0, lo: 0) }
            let projects = records[RecordSource.projects.rawValue]
            for p in facts.projects { projects.append(owner, ordinal(p.level), ordinal(p.kind), lo: clamp32(p.year)) }
            records.forEach { $0.closeEnterprise() }
        }

        /// For an enterprise that holds grants: which of its records fund a matter it was granted for, and in
        /// which order the engine lists its matches (the award rules pick "the latest qualifying record").
        private func recordExtras(_ facts: EnterpriseFacts) {
            let granted = Set(facts.history.grants.map(\.matter))
            func note(_ source: RecordSource, _ keys: [String], order: [Int]) {
                let table = records[source.rawValue]
                let first = Int(table.offsets[table.offsets.count - 2])
                var rank = [Int](repeating: 0, count: keys.count)
                for (position, index) in order.enumerated() { rank[index] = position }
                for (index, key) in keys.enumerated() {
                    let matter = granted.contains(key) ? (matters.id(key) ?? -1) : -1
                    table.extras[Int32(first + index)] = RecordExtra(matter: matter, rank: Int32(rank[index]))
                }
            }
            func stable<T>(_ items: [T], by less: (T, T) -> Bool) -> [Int] {
                items.indices.sorted { a, b in less(items[a], items[b]) || (!less(items[b], items[a]) && a < b) }
            }
            note(.certifications, facts.certifications.map { RecordMatter.certificate($0) },
                 order: Array(facts.certifications.indices))
            note(.events, facts.events.map { RecordMatter.event($0) }, order: stable(facts.events) { $0.date < $1.date })
            note(.patents, facts.patents.map { RecordMatter.patent($0) },
                 order: stable(facts.patents) { ($0.grantedOn, $0.number ?? "") < ($1.grantedOn, $1.number ?? "") })
            note(.standards, facts.standards.map { RecordMatter.standard($0) },
                 order: stable(facts.standards) { ($0.publishedOn, $0.number ?? "") < ($1.publishedOn, $1.number ?? "") })
            note(.secretariats, facts.secretariats.map { RecordMatter.secretariat($0) },
                 order: Array(facts.secretariats.indices))
            note(.trademarks, facts.trademarks.map { RecordMatter.trademark($0) },
                 order: stable(facts.trademarks) { ($0.registeredOn, $0.number ?? "") < ($1.registeredOn, $1.number ?? "") })
            note(.awards, facts.awards.map { RecordMatter.award($0) },
                 order: stable(facts.awards) { ($0.year, $0.kind.rawValue) < ($1.year, $1.kind.rawValue) })
            note(.labs, facts.labs.map { RecordMatter.lab($0) }, order: Array(facts.labs.indices))
            note(.projects, facts.projects.map { RecordMatter.project($0) },
                 order: stable(facts.projects) { ($0.year, $0.name ?? "") < ($1.year, $1.name ?? "") })
        }
    }
}

/// The matter key the engine gives each kind of record when it is matched (see `RecordMatching.swift`),
/// so funded matters can be recognised in columns.
enum RecordMatter {
    static func certificate(_ c: Certification) -> String { MatterKey.certificate(c.number) }
    static func event(_ e: Event) -> String { "event:\(e.kind.rawValue):\(e.date.iso)" }
    static func patent(_ p: Patent) -> String { "patent:\(p.number ?? p.grantedOn.iso)" }
    static func standard(_ s: DraftedStandard) -> String { "standard:\(s.number ?? s.publishedOn.iso)" }
    static func secretariat(_ s: Secretariat) -> String { "secretariat:\(s.committee ?? s.level.rawValue)" }
    static func trademark(_ m: Trademark) -> String { "trademark:\(m.number ?? m.registeredOn.iso)" }
    static func award(_ a: AwardRecord) -> String { MatterKey.award(a.kind, year: a.year) }
    static func lab(_ l: Lab) -> String { "lab:\(l.name ?? "")" }
    static func project(_ p: Project) -> String { "project:\(p.year):\(p.name ?? p.kind.rawValue)" }
}

@inline(__always)
func day(_ date: CalendarDate) -> Int32 { Int32(truncatingIfNeeded: date.dayNumber) }

@inline(__always)
func clamp32(_ value: Int) -> Int32 { Int32(clamping: value) }

/// The position of a case in `allCases`. A case without payload is stored as its declaration index,
/// which is the order `CaseIterable` lists it in (a test checks every enum the columns use); reading the
/// byte avoids allocating `allCases` a million times.
@inline(__always)
func ordinal<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
    MemoryLayout<T>.size == 1 ? withUnsafeBytes(of: value) { $0[0] } : 0
}
