import FluentKit
import FluentSQL
import Foundation

/// Time-driven work kept in the database. Scheduling is idempotent (a unique key per job); a job is
/// claimed by one conditional update, so with several app instances (or cron running
/// `qualitycity jobs run-due` beside them) exactly one runs it; the claim is a lease, so a run that
/// crashed is picked up again when the lease ends.
public enum JobQueue {
    /// Never-claimed jobs carry this lease end, so "claimable" is one comparison on both databases.
    public static let unclaimed = Date(timeIntervalSince1970: 0)

    /// Schedules a job unless one with the same key exists (whatever its state). Returns whether it was new.
    @discardableResult
    public static func schedule(kind: String, payload: String = "{}", runAt: Date, uniqueKey: String,
                                on database: any Database) async throws -> Bool {
        if try await Job.query(on: database).filter(\.$uniqueKey == uniqueKey).first() != nil { return false }
        let job = Job(kind: kind, payloadJSON: payload, runAt: runAt, uniqueKey: uniqueKey)
        job.lockedUntil = unclaimed
        do {
            try await job.create(on: database)
            return true
        } catch {
            // Another instance scheduled the same key first.
            if try await Job.query(on: database).filter(\.$uniqueKey == uniqueKey).first() != nil { return false }
            throw error
        }
    }

    /// Claims up to `limit` due jobs for `worker` until `now + lease`.
    public static func claimDue(now: Date, worker: String, lease: TimeInterval, limit: Int = 50,
                                on database: any Database) async throws -> [Job] {
        let candidates = try await Job.query(on: database)
            .filter(\.$finishedAt == nil).filter(\.$runAt <= now).filter(\.$lockedUntil < now)
            .sort(\.$runAt).limit(limit).all()
        var claimed: [Job] = []
        for job in candidates {
            let won = try await ConditionalUpdate.run(
                table: Job.schema, id: job.id!,
                set: [("locked_by", .string(worker)), ("locked_until", .date(now.addingTimeInterval(lease))), ("attempts", .increment(1))],
                where: [.isNull("finished_at"), .lessThan("locked_until", .date(now))], on: database)
            if won, let fresh = try await Job.find(job.id!, on: database) { claimed.append(fresh) }
        }
        return claimed
    }

    /// Marks a claimed job done (only by the worker that holds it).
    public static func finish(_ job: Job, worker: String, at date: Date, on database: any Database) async throws {
        _ = try await ConditionalUpdate.run(table: Job.schema, id: job.id!, set: [("finished_at", .date(date)), ("last_error", .string(nil))],
                                            where: [.equals("locked_by", .string(worker)), .isNull("finished_at")], on: database)
    }

    /// Records a failure; the job is retried after a back-off that grows with its attempts.
    public static func fail(_ job: Job, worker: String, error: String, at date: Date, on database: any Database) async throws {
        let backoff = min(3600.0 * 6, 60.0 * pow(2.0, Double(max(0, job.attempts - 1))))
        _ = try await ConditionalUpdate.run(table: Job.schema, id: job.id!,
                                            set: [("last_error", .string(String(error.prefix(1000)))), ("locked_until", .date(date.addingTimeInterval(backoff)))],
                                            where: [.equals("locked_by", .string(worker)), .isNull("finished_at")], on: database)
    }
}
