import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The ranked list the committee approves from, and the approval itself, which never takes a programme's
/// year past its quota — however many members press the button at the same moment, on however many instances.
struct CommitteeService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    struct Row: Sendable {
        var applicationID: UUID
        var enterpriseName: String
        var creditCode: String
        var district: String
        var stage: ApplicationStage
        var aggregate: Int
        var objective: Int?
        var totals: [Int]
        var divergent: Bool
        var submittedAt: Date?
        var rank: Int = 0
        /// Decided against the row below it by a tie-break, not by the aggregate score.
        var tieBrokenBy: LocalizedText?
    }

    struct Ranking: Sendable {
        var call: Call
        var rows: [Row]
        /// How many may be approved in this call: the call's quota, within what the programme's year has left.
        var capacity: Int
        var approved: Int
        var rubricTotal: Int
    }

    /// The stages of applications that were scored and so belong on the list.
    static let rankedStages: [ApplicationStage] = [.scored, .proposed, .disqualified, .selected, .notSelected]

    /// The order of the list: aggregate score, then the engine's objective score, then the lowest expert
    /// total (broad agreement beats one enthusiast), then the earlier submission, then the credit code.
    static func precedes(_ a: Row, _ b: Row) -> Bool {
        if a.aggregate != b.aggregate { return a.aggregate > b.aggregate }
        if (a.objective ?? 0) != (b.objective ?? 0) { return (a.objective ?? 0) > (b.objective ?? 0) }
        let minA = a.totals.min() ?? 0, minB = b.totals.min() ?? 0
        if minA != minB { return minA > minB }
        if a.submittedAt != b.submittedAt { return (a.submittedAt ?? .distantFuture) < (b.submittedAt ?? .distantFuture) }
        return a.creditCode < b.creditCode
    }

    static func tieBreak(_ a: Row, _ b: Row) -> LocalizedText? {
        guard a.aggregate == b.aggregate else { return nil }
        if (a.objective ?? 0) != (b.objective ?? 0) { return Strings.Committee.tieByObjective }
        if (a.totals.min() ?? 0) != (b.totals.min() ?? 0) { return Strings.Committee.tieByLowest }
        if a.submittedAt != b.submittedAt { return Strings.Committee.tieBySubmission }
        return Strings.Committee.tieByCode
    }

    func ranking(callID: UUID) async throws -> Ranking {
        guard let call = try await Call.find(callID, on: database) else { throw AppError.notFound(Strings.Calls.notFound) }
        let applications = try await CallApplication.query(on: database).filter(\.$call.$id == callID)
            .filter(\.$stage ~~ Self.rankedStages).with(\.$enterprise).all()
        let seats = try await PanelAssignment.query(on: database).filter(\.$call.$id == callID).filter(\.$status == .submitted).all()
        let scores = try await ExpertScore.query(on: database).filter(\.$assignment.$id ~~ seats.compactMap(\.id)).all()
        let totalsBySeat = Dictionary(grouping: scores, by: { $0.$assignment.id }).mapValues { $0.reduce(0) { $0 + $1.points } }
        var rows = applications.map { application in
            let totals = seats.filter { $0.$application.id == application.id }.compactMap { totalsBySeat[$0.id!] }
            return Row(applicationID: application.id!, enterpriseName: application.enterprise.name, creditCode: application.enterprise.creditCode,
                       district: application.district, stage: application.stage, aggregate: application.aggregateScore ?? 0,
                       objective: application.objectiveScore, totals: totals, divergent: application.divergent ?? false,
                       submittedAt: application.submittedAt)
        }
        rows.sort(by: Self.precedes)
        for index in rows.indices {
            rows[index].rank = index + 1
            if index + 1 < rows.count { rows[index].tieBrokenBy = Self.tieBreak(rows[index], rows[index + 1]) }
        }
        let ledger = try await ledger(for: call)
        let callQuota = call.quota ?? ledger.quota
        let capacity = min(callQuota, ledger.quota - ledger.approved + call.approvedCount)
        let rubric = try? assessor.scoringRubric(programmeID: call.programmeID, customYAML: call.rubricYAML)
        return Ranking(call: call, rows: rows, capacity: max(0, capacity), approved: call.approvedCount, rubricTotal: rubric?.total ?? 10_000)
    }

    /// The ledger of the programme's year, made on first use with the policy's yearly quota.
    func ledger(for call: Call, on db: (any Database)? = nil) async throws -> QuotaLedger {
        let db = db ?? database
        if let ledger = try await QuotaLedger.query(on: db).filter(\.$programmeID == call.programmeID).filter(\.$year == call.year).first() {
            return ledger
        }
        let quota = assessor.programme(call.programmeID)?.annualQuota ?? call.quota ?? Int.max / 2
        do {
            try await QuotaLedger(programmeID: call.programmeID, year: call.year, quota: quota).create(on: db)
        } catch {
            // Another request made it first; use theirs.
        }
        guard let ledger = try await QuotaLedger.query(on: db).filter(\.$programmeID == call.programmeID).filter(\.$year == call.year).first() else {
            throw AppError.conflict(Strings.Applications.stale)
        }
        return ledger
    }

    /// Takes one place in the call and in the programme's year, or reports that none is left.
    static func takePlace(call: Call, ledger: QuotaLedger, on tx: any Database) async throws -> Bool {
        guard try await ConditionalUpdate.run(table: QuotaLedger.schema, id: ledger.id!, set: [("approved", .increment(1))],
                                              where: [.lessThanColumn("approved", "quota")], on: tx) else { return false }
        if call.quota != nil {
            guard try await ConditionalUpdate.run(table: Call.schema, id: call.id!, set: [("approved_count", .increment(1))],
                                                  where: [.lessThanColumn("approved_count", "quota")], on: tx)
            else { throw QuotaFull() }
        } else {
            _ = try await ConditionalUpdate.run(table: Call.schema, id: call.id!, set: [("approved_count", .increment(1))], where: [], on: tx)
        }
        return true
    }

    /// Gives a place back (a disqualified candidate).
    static func releasePlace(call: Call, ledger: QuotaLedger, on tx: any Database) async throws {
        _ = try await ConditionalUpdate.run(table: QuotaLedger.schema, id: ledger.id!, set: [("approved", .increment(-1))],
                                            where: [.notEquals("approved", .int(0))], on: tx)
        _ = try await ConditionalUpdate.run(table: Call.schema, id: call.id!, set: [("approved_count", .increment(-1))],
                                            where: [.notEquals("approved_count", .int(0))], on: tx)
    }

    struct QuotaFull: Error {}

    /// The committee approves the list: the best-ranked applications down to the quota line are proposed and
    /// the notice period starts. Only one approval of a call can succeed.
    func approve(_ member: CommitteeMember, callID: UUID) async throws -> Int {
        let ranking = try await ranking(callID: callID)
        let call = ranking.call
        guard call.stage == .committee else { throw AppError.conflict(Strings.Committee.notInCommittee(call.stage)) }
        let candidates = ranking.rows.filter { $0.stage == .scored }
        guard !candidates.isEmpty else { throw AppError.conflict(Strings.Committee.nothingToApprove) }
        let ledger = try await ledger(for: call)
        let today = clock.today()
        let noticeEnds = today.adding(days: call.noticeDays - 1)
        let at = clock.now()
        let actor = member.user.auditActor
        return try await database.writeTransaction { tx in
            // The call's stage is the lock: a second approval finds it already on notice.
            guard try await ConditionalUpdate.run(
                table: Call.schema, id: callID,
                set: [("stage", .string(CallStage.notice.rawValue)), ("notice_starts_on", .string(today.iso)), ("notice_ends_on", .string(noticeEnds.iso))],
                where: [.equals("stage", .string(CallStage.committee.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Committee.alreadyApproved) }
            var proposed = 0
            for row in ranking.rows {
                _ = try await ConditionalUpdate.run(table: CallApplication.schema, id: row.applicationID, set: [("rank", .int(row.rank))], where: [], on: tx)
            }
            for row in candidates {
                guard proposed < ranking.capacity else { break }
                guard try await Self.takePlace(call: call, ledger: ledger, on: tx) else { break }
                let change = StageChange(applicationID: row.applicationID, from: .scored, to: .proposed, action: .propose, actor: actor,
                                         reason: Strings.Committee.proposedReason(rank: row.rank, aggregate: row.aggregate).zh,
                                         notify: [(.enterprise(try await enterpriseID(row.applicationID, on: tx)), Strings.Inbox.proposed(call.title, noticeEnds))])
                guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
                proposed += 1
            }
            // The year's quota was used up elsewhere (another call, another member): nothing to put on notice.
            guard proposed > 0 else { throw AppError.conflict(Strings.Notices.quotaFull) }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "call", subjectID: callID.uuidString, action: "committee_approve",
                                                   fromStage: CallStage.committee.rawValue, toStage: CallStage.notice.rawValue,
                                                   reason: Strings.Committee.approvedReason(proposed: proposed, capacity: ranking.capacity, ends: noticeEnds).zh,
                                                   occurredAt: at), on: tx)
            return proposed
        }
    }

    func enterpriseID(_ applicationID: UUID, on tx: any Database) async throws -> UUID {
        guard let application = try await CallApplication.find(applicationID, on: tx) else { throw AppError.notFound() }
        return application.$enterprise.id
    }
}
