import Fluent
import Foundation
import Logging
import QualityRules
import QualityStorage
import Vapor

/// Runs the time-driven steps of the platform: reminders and deadlines of annual reports, rectification and
/// revocation, expiry, re-reviews, the end of public notices. The schedule is derived from the titles and
/// calls by an idempotent planner (each job has a unique key), so `qualitycity jobs run-due` from cron and
/// the loop inside every app instance can run side by side: each job is claimed, and run, exactly once.
struct JobRunner: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor
    let worker: String
    var logger = Logger(label: "qualitycity.jobs")

    static let lease: TimeInterval = 300

    struct Summary: Sendable, Equatable {
        var planned: Int
        var ran: Int
        var failed: Int
    }

    enum Kind: String, CaseIterable {
        case expire = "title.expire"
        case remind = "report.remind"
        case overdue = "report.overdue"
        case rectificationCheck = "rectification.check"
        case reReview = "title.rereview"
        case noticeFinal = "notice.final"
    }

    struct Payload: Codable, Sendable {
        var titleID: UUID?
        var callID: UUID?
        var year: Int?
        var days: Int?
    }

    var lifecycle: LifecycleService { LifecycleService(database: database, clock: clock, assessor: assessor) }

    /// At 09:00 Beijing time on `day`: reminders arrive in working hours.
    static func morning(_ day: CalendarDate) -> Date { day.startInShanghai.addingTimeInterval(9 * 3600) }

    func runDue(limit: Int = 200) async throws -> Summary {
        let planned = try await plan()
        let jobs = try await JobQueue.claimDue(now: clock.now(), worker: worker, lease: Self.lease, limit: limit, on: database)
        var failed = 0
        for job in jobs {
            do {
                try await run(job)
                try await JobQueue.finish(job, worker: worker, at: clock.now(), on: database)
            } catch {
                failed += 1
                logger.warning("Job \(job.kind) failed: \(String(describing: error))", metadata: ["job": .string(job.uniqueKey ?? "")])
                try await JobQueue.fail(job, worker: worker, error: String(describing: error), at: clock.now(), on: database)
            }
        }
        return Summary(planned: planned, ran: jobs.count - failed, failed: failed)
    }

    // MARK: Planning

    func plan() async throws -> Int {
        var count = 0
        func schedule(_ kind: Kind, _ payload: Payload, at date: Date, key: String) async throws {
            if try await JobQueue.schedule(kind: kind.rawValue, payload: JSONText.encode(payload), runAt: date, uniqueKey: key, on: database) {
                count += 1
            }
        }
        let today = clock.today()
        for title in try await Title.query(on: database).filter(\.$status == .active).all() {
            let id = title.id!
            try await schedule(.expire, Payload(titleID: id), at: title.validUntil.adding(days: 1).startInShanghai,
                               key: "expire:\(id):\(title.validUntil.iso)")
            let supervision = assessor.programme(title.programmeID)?.supervision
            if let duty = supervision?.annualReport {
                for year in duty.reportYears(within: DayRange(start: title.validFrom, end: title.validUntil)) {
                    let due = duty.dueDate(forYear: year)
                    for days in LifecycleService.reminderDays where due.adding(days: -days) >= title.grantedOn && due >= today {
                        try await schedule(.remind, Payload(titleID: id, year: year, days: days), at: Self.morning(due.adding(days: -days)),
                                           key: "remind:\(id):\(year):\(days)")
                    }
                    try await schedule(.overdue, Payload(titleID: id, year: year), at: due.adding(days: 1).startInShanghai,
                                       key: "overdue:\(id):\(year)")
                }
            }
            if let reReview = supervision?.reReview {
                let due = title.validFrom.adding(years: reReview.years).adding(days: -90)
                try await schedule(.reReview, Payload(titleID: id), at: Self.morning(due), key: "rereview:\(id):\(title.validUntil.iso)")
            }
        }
        for call in try await Call.query(on: database).filter(\.$stage == .notice).all() {
            guard let ends = call.noticeEndsOn else { continue }
            try await schedule(.noticeFinal, Payload(callID: call.id!), at: Self.morning(ends.adding(days: 1)),
                               key: "notice-final:\(call.id!):\(ends.iso)")
        }
        return count
    }

    // MARK: Running

    func run(_ job: Job) async throws {
        guard let kind = Kind(rawValue: job.kind) else { return }
        let payload = JSONText.decode(Payload.self, from: job.payloadJSON) ?? Payload()
        let today = clock.today()
        let at = clock.now()
        switch kind {
        case .expire:
            guard let id = payload.titleID, let title = try await Title.find(id, on: database), title.status == .active,
                  today > title.validUntil else { return }
            try await database.writeTransaction { tx in
                guard try await ConditionalUpdate.run(table: Title.schema, id: id,
                                                      set: [("status", .string(TitleStatus.expired.rawValue)), ("ended_on", .string(title.validUntil.iso))],
                                                      where: [.equals("status", .string(TitleStatus.active.rawValue))], on: tx) else { return }
                try await AuditChain.append(AuditEntry(actor: .system, subjectType: "title", subjectID: id.uuidString, action: "expire",
                                                       fromStage: TitleStatus.active.rawValue, toStage: TitleStatus.expired.rawValue,
                                                       reason: title.validUntil.iso, occurredAt: at), on: tx)
                let message = Strings.Inbox.expired(title.certificateNumber, title.validUntil)
                try await Notifier.notify(.enterprise(title.$enterprise.id), subject: message.subject, body: message.body,
                                          link: SiteURL.title(.value(id)).path, at: at, on: tx)
            }
        case .remind:
            guard let id = payload.titleID, let year = payload.year, let title = try await Title.find(id, on: database),
                  title.status == .active, try await report(id, year) == nil,
                  let duty = assessor.programme(title.programmeID)?.supervision?.annualReport else { return }
            let message = Strings.Inbox.reportDue(year, duty.dueDate(forYear: year))
            try await Notifier.notify(.enterprise(title.$enterprise.id), subject: message.subject, body: message.body,
                                      link: SiteURL.title(.value(id)).path, at: at, on: database)
        case .overdue:
            guard let id = payload.titleID, let year = payload.year, let title = try await Title.find(id, on: database),
                  title.status == .active, try await report(id, year) == nil else { return }
            let deadline = today.adding(days: LifecycleService.rectificationDays)
            try await database.writeTransaction { tx in
                if try await Rectification.query(on: tx).filter(\.$title.$id == id).filter(\.$reportYear == year).first() != nil { return }
                try await Rectification(titleID: id, reportYear: year, issuedOn: today, deadline: deadline).create(on: tx)
                try await AuditChain.append(AuditEntry(actor: .system, subjectType: "title", subjectID: id.uuidString, action: "rectification_notice",
                                                       reason: "report \(year) missing; deadline \(deadline.iso)", occurredAt: at), on: tx)
                let message = Strings.Inbox.rectification(year, deadline)
                try await Notifier.notify(.enterprise(title.$enterprise.id), subject: message.subject, body: message.body,
                                          link: SiteURL.title(.value(id)).path, at: at, on: tx)
                _ = try await JobQueue.schedule(kind: Kind.rectificationCheck.rawValue, payload: JSONText.encode(Payload(titleID: id, year: year)),
                                                runAt: deadline.adding(days: 1).startInShanghai, uniqueKey: "rectification:\(id):\(year)", on: tx)
            }
        case .rectificationCheck:
            guard let id = payload.titleID, let year = payload.year,
                  let notice = try await Rectification.query(on: database).filter(\.$title.$id == id).filter(\.$reportYear == year).first(),
                  notice.status == .open, today > notice.deadline else { return }
            if try await report(id, year) != nil { return }
            try await database.writeTransaction { tx in
                guard try await ConditionalUpdate.run(table: Rectification.schema, id: notice.id!,
                                                      set: [("status", .string(RectificationStatus.failed.rawValue)), ("closed_on", .string(today.iso))],
                                                      where: [.equals("status", .string(RectificationStatus.open.rawValue))], on: tx) else { return }
                try await lifecycle.end(titleID: id, kind: .reportsNotFiled,
                                        note: Strings.Lifecycle.revokedForReports(year, notice.deadline).zh, actor: .system, on: tx, at: at)
            }
        case .reReview:
            guard let id = payload.titleID, let title = try await Title.find(id, on: database), title.status == .active else { return }
            if try await ReReview.query(on: database).filter(\.$title.$id == id).filter(\.$dueOn == title.validUntil).first() != nil { return }
            try await database.writeTransaction { tx in
                try await ReReview(titleID: id, dueOn: title.validUntil).create(on: tx)
                let message = Strings.Inbox.reReviewDue(title.certificateNumber, title.validUntil)
                try await Notifier.notify(.city, subject: message.subject, body: message.body, link: SiteURL.title(.value(id)).path, at: at, on: tx)
                try await Notifier.notify(.enterprise(title.$enterprise.id), subject: message.subject, body: message.body,
                                          link: SiteURL.title(.value(id)).path, at: at, on: tx)
            }
        case .noticeFinal:
            guard let callID = payload.callID else { return }
            let notices = NoticeService(database: database, clock: clock, assessor: assessor)
            do {
                _ = try await notices.publishFinal(actor: .system, callID: callID)
            } catch let refusal as AppError where refusal.status == .conflict {
                // Open complaints, a backfill that moved the end, or already published: the city decides.
                logger.info("Final list of \(callID) not published automatically: \(refusal.message.en)")
            }
        }
    }

    private func report(_ titleID: UUID, _ year: Int) async throws -> AnnualReport? {
        try await AnnualReport.query(on: database).filter(\.$title.$id == titleID).filter(\.$year == year).first()
    }
}

extension QualityCityApp {
    /// A job runner for this process: its worker name says which host and process claimed a job.
    public static func jobRunner(_ app: Application) -> JobRunnerHandle {
        JobRunnerHandle(runner: JobRunner(database: app.db, clock: app.qualityCity.clock, assessor: app.qualityCity.assessor,
                                          worker: "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)",
                                          logger: app.logger))
    }

    /// Runs due jobs every `jobsInterval` seconds until the returned task is cancelled.
    public static func startJobLoop(_ app: Application) -> Task<Void, Never>? {
        let interval = app.qualityCity.configuration.jobsInterval
        guard interval > 0 else { return nil }
        let handle = jobRunner(app)
        return Task {
            while !Task.isCancelled {
                do { _ = try await handle.runDue() } catch { app.logger.warning("Running due jobs failed: \(error)") }
                try? await Task.sleep(nanoseconds: UInt64(interval) * 1_000_000_000)
            }
        }
    }
}

/// The public face of the job runner, for the CLI.
public struct JobRunnerHandle: Sendable {
    let runner: JobRunner

    public struct Result: Sendable {
        public var planned: Int
        public var ran: Int
        public var failed: Int
    }

    public func runDue() async throws -> Result {
        let summary = try await runner.runDue()
        return Result(planned: summary.planned, ran: summary.ran, failed: summary.failed)
    }
}
