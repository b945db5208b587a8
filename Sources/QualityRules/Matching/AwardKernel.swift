/// The award and grant constraints of `AwardEvaluation` without a claim, per enterprise. Most enterprises
/// hold no title and no grant, and for them everything follows from one count; the history is read only
/// for the few that have one.
extension ChunkEvaluator {
    /// ORs the award's constraint bits (1 not met, 2 needs a finding) into `state` and writes the award's
    /// units. Enterprises without titles or grants take the vector path: for them everything follows from
    /// the qualifying count. The few with history are done one by one, as `AwardEvaluation` does.
    func awards(_ award: CompiledAward, lo: Int, size: Int, units: UnsafeMutablePointer<UInt32>?) {
        let state = self.state, history = withHistory
        let qualifying = award.qualifying.map { counts + $0 * size }
        let rank: UInt8 = award.rankAndThreshold ? 2 : 0
        let limit = award.perYearLimit.map { UInt32(clamping: max($0, 0)) } ?? .max
        let overLimit: UInt8 = limit == 0 ? 1 : 0
        if award.perItem {
            if award.perItemHasQuery, let q = qualifying {
                let repeats: UInt32 = award.firstTimeOnly && award.isGrant ? 1 : .max
                for j in 0..<size {
                    state[j] |= rank | overLimit | (q[j] > repeats ? 1 : 0)
                    units?[j] = min(q[j], limit)
                }
            } else {
                let repeats = award.firstTimeOnly && award.isGrant
                let unit = min(1, limit)
                for j in 0..<size {
                    state[j] |= rank | overLimit | (repeats && (qualifying?[j] ?? 0) > 1 ? 1 : 0)
                    units?[j] = unit
                }
            }
        } else {
            let unit: UInt32 = award.unitFen == 0 ? 0 : 1
            if award.firstTimeOnly && award.isGrant, let q = qualifying {
                for j in 0..<size { state[j] |= rank | (q[j] > 1 ? 1 : 0) }
            } else if rank != 0 {
                for j in 0..<size { state[j] |= rank }
            }
            if let units { units.update(repeating: unit, count: size) }
        }
        // The slow path's bits include the fast path's (the same checks, plus those of the history).
        for j in 0..<size where history[j] == 1 {
            let (bits, unit) = evaluateAward(award, index: lo + j, qualifying: qualifying.map { Int($0[j]) } ?? 0)
            state[j] |= bits
            units?[j] = unit
        }
    }

    /// `AwardEvaluation.evaluate()` without a claim, for one enterprise holding titles or grants.
    func evaluateAward(_ award: CompiledAward, index i: Int, qualifying: Int) -> (UInt8, UInt32) {
        let history = columns.history
        let grantStart = Int(history.grantOffsets[i]), grantEnd = Int(history.grantOffsets[i + 1])
        let titleStart = Int(history.titleOffsets[i]), titleEnd = Int(history.titleOffsets[i + 1])
        let hasGrants = grantStart != grantEnd
        var bits: UInt8 = 0
        var withheld = false
        var count = 0

        // Per-item awards offer the qualifying records not yet funded under this programme.
        var unfunded: [Int]?
        if award.perItem && award.perItemHasQuery {
            if hasGrants, let programme = award.programme, fundsAny(programme, grantStart, grantEnd) {
                let items = qualifyingRecords(award, i).filter { !funded($0, award, programme, grantStart, grantEnd) }
                unfunded = items
                count = items.count
            } else {
                count = qualifying
            }
            if count == 0 && qualifying > 0 { bits |= 1 }
        } else if award.perItem {
            count = 1
        }

        if let limit = award.perYearLimit {
            var prior = 0
            if hasGrants, let programme = award.programme {
                for g in grantStart..<grantEnd
                where history.grantProgramme[g] == programme && history.grantYear[g] == award.evaluationYear {
                    prior += 1
                }
            }
            count = min(count, max(limit - prior, 0))
            if prior + max(count, 1) > limit { bits |= 1 }
        }

        if award.firstTimeOnly {
            var repeated = award.isGrant && qualifying > 1
            if let programme = award.programme {
                for g in grantStart..<grantEnd
                where history.grantProgramme[g] == programme && history.grantDate[g] <= award.evaluationDay {
                    repeated = true
                }
                for t in titleStart..<titleEnd
                where history.titleProgramme[t] == programme && history.titleGranted[t] <= award.evaluationDay {
                    repeated = true
                }
            }
            if award.isGrant {
                if repeated { bits |= 1 }
            } else if repeated {
                withheld = true
            }
        }

        if award.rankAndThreshold { bits |= 2 }

        if award.noDoubleBenefit && hasGrants && doubleBenefit(award, i, unfunded: unfunded, qualifying: qualifying, grantStart, grantEnd) {
            bits |= 1
        }

        var units: UInt32
        switch award.amount {
        case .none: units = 0
        case .fixed, .cap: units = 1
        case .perItemFixed, .perItemCap: units = UInt32(clamping: count)
        }
        if withheld { units = 0 }
        return (bits, units)
    }

    private func fundsAny(_ programme: Int32, _ start: Int, _ end: Int) -> Bool {
        (start..<end).contains { columns.history.grantProgramme[$0] == programme }
    }

    /// Record indices (in the qualifying collection) of enterprise `i` that match the qualifying query.
    private func qualifyingRecords(_ award: CompiledAward, _ i: Int) -> [Int] {
        guard let predicate = award.qualifying, let source = award.qualifyingSource else { return [] }
        let table = columns.records[source.rawValue]
        let compiled = plan.predicates[predicate]
        return (Int(table.offsets[i])..<Int(table.offsets[i + 1])).filter { compiled.matches(table, $0) }
    }

    private func matter(_ award: CompiledAward, _ record: Int) -> Int32 {
        guard let source = award.qualifyingSource else { return -1 }
        return columns.records[source.rawValue].extras[Int32(record)]?.matter ?? -1
    }

    private func funded(_ record: Int, _ award: CompiledAward, _ programme: Int32, _ start: Int, _ end: Int) -> Bool {
        let key = matter(award, record)
        guard key >= 0 else { return false }
        let history = columns.history
        return (start..<end).contains { history.grantProgramme[$0] == programme && history.grantMatter[$0] == key }
    }

    /// 004 item 14: a matter of this grant was funded before (under any policy).
    private func doubleBenefit(_ award: CompiledAward, _ i: Int, unfunded: [Int]?, qualifying: Int, _ start: Int, _ end: Int) -> Bool {
        var keys: [Int32] = []
        if award.perItem {
            if award.perItemHasQuery {
                keys = (unfunded ?? qualifyingRecords(award, i)).map { matter(award, $0) }
            }
        } else if qualifying > 0, let latest = latestQualifying(award, i) {
            keys = [matter(award, latest)]
        } else if let fallback = award.fallbackMatter {
            keys = [fallback]
        } else {
            return false
        }
        let history = columns.history
        return keys.contains { key in key >= 0 && (start..<end).contains { history.grantMatter[$0] == key } }
    }

    /// The qualifying record the engine calls the latest: the latest date, and of equal dates the first
    /// in the order it lists matches.
    private func latestQualifying(_ award: CompiledAward, _ i: Int) -> Int? {
        guard let source = award.qualifyingSource else { return nil }
        let table = columns.records[source.rawValue]
        var best: (record: Int, date: Int, rank: Int32)?
        for record in qualifyingRecords(award, i) {
            let date = matchDate(source, table, record, award)
            let rank = table.extras[Int32(record)]?.rank ?? Int32(record)
            if let current = best, date < current.date || (date == current.date && rank > current.rank) { continue }
            best = (record, date, rank)
        }
        return best?.record
    }

    /// `MatchedRecord.date` of a record.
    private func matchDate(_ source: RecordSource, _ table: RecordTable, _ record: Int, _ award: CompiledAward) -> Int {
        switch source {
        case .certifications, .events, .patents, .standards, .trademarks:
            return Int(table.lo[record])
        case .secretariats:
            return table.lo[record] == .min ? Int(award.anchorDay) : Int(table.lo[record])
        case .awards:
            if table.hi[record] != .min { return Int(table.hi[record]) }
            return firstOfYear(table.lo[record])
        case .labs:
            return Int(award.anchorDay)
        case .projects:
            return firstOfYear(table.lo[record])
        }
    }

    private func firstOfYear(_ year: Int32) -> Int {
        CalendarDate(year: min(max(Int(year), 1), 9999), month: 1, day: 1)!.dayNumber
    }
}
