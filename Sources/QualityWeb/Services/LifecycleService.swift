import Fluent
import Foundation
import QualityRules
import QualityStorage

/// What happens to a title after it is granted (002 第八条–第十二条; 000's four-year validity): yearly
/// reports and their reminders, rectification and revocation when one is missing, change reports, the
/// re-review, termination and revocation — and the three-year bar a revocation puts on re-applying.
struct LifecycleService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    /// Days given to file a missing report after the rectification notice (the seed leaves it to the bureau).
    static let rectificationDays = 30
    /// Reminders this many days before a report is due.
    static let reminderDays = [14, 3]

    enum EndKind: String, CaseIterable, Sendable {
        // Termination (终止): the title ends; no bar.
        case holderRequest = "holder_request"
        case businessEnded = "business_ended"
        case scopeChanged = "scope_changed"
        case reReviewFailed = "rereview_failed"
        // Revocation (取消): the title is withdrawn and re-application is barred for three years.
        case fraud
        case majorIncident = "major_incident"
        case reportsNotFiled = "reports_not_filed"

        var isRevocation: Bool { [.fraud, .majorIncident, .reportsNotFiled].contains(self) }
    }

    var today: CalendarDate { clock.today() }

    // MARK: Reading

    func visibleTitle(_ id: UUID, to user: SignedInUser) async throws -> Title {
        guard let title = try await Title.query(on: database).filter(\.$id == id).with(\.$enterprise).with(\.$call).first() else {
            throw AppError.notFound(Strings.Lifecycle.notFound)
        }
        switch user.role {
        case .enterprise where title.$enterprise.id == user.enterpriseID: return title
        case .districtOfficer where title.enterprise.district == user.district: return title
        case .cityOfficer: return title
        default: throw AppError.notFound(Strings.Lifecycle.notFound)
        }
    }

    /// The reports a title owes: each year, its due day, and what was filed.
    func reportSchedule(_ title: Title) async throws -> [(year: Int, dueOn: CalendarDate, report: AnnualReport?)] {
        guard let duty = assessor.programme(title.programmeID)?.supervision?.annualReport else { return [] }
        let reports = try await AnnualReport.query(on: database).filter(\.$title.$id == title.id!).all()
        return duty.reportYears(within: DayRange(start: title.validFrom, end: title.validUntil)).map { year in
            (year, duty.dueDate(forYear: year), reports.first { $0.year == year })
        }
    }

    // MARK: The holder

    func fileReport(_ enterprise: EnterpriseUser, titleID: UUID, year: Int, summary: String, fundUse: String) async throws {
        let title = try await visibleTitle(titleID, to: enterprise.user)
        guard title.status == .active else { throw AppError.conflict(Strings.Lifecycle.notActive) }
        guard let due = try await reportSchedule(title).first(where: { $0.year == year }) else {
            throw AppError.invalid(Strings.Lifecycle.noReportDue(year))
        }
        guard due.report == nil else { throw AppError.conflict(Strings.Lifecycle.reportAlreadyFiled(year)) }
        guard today.year > year else { throw AppError.conflict(Strings.Lifecycle.yearNotOver(year)) }
        var problems: [String: LocalizedText] = [:]
        let summaryText = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        let fundText = fundUse.trimmingCharacters(in: .whitespacesAndNewlines)
        if summaryText.count < 20 { problems["summary"] = Strings.Lifecycle.summaryTooShort }
        if fundText.isEmpty { problems["fundUse"] = Strings.Lifecycle.fundUseRequired }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let at = clock.now()
        let late = today > due.dueOn
        try await database.writeTransaction { tx in
            try await AnnualReport(titleID: titleID, year: year, dueOn: due.dueOn, summary: summaryText, fundUse: fundText,
                                   fileID: nil, submittedAt: at, late: late).create(on: tx)
            // A report filed under a rectification notice settles it.
            if let open = try await Rectification.query(on: tx).filter(\.$title.$id == titleID).filter(\.$reportYear == year)
                .filter(\.$status == .open).first() {
                open.status = .resolved
                open.closedOn = today
                try await open.update(on: tx)
            }
            try await AuditChain.append(AuditEntry(actor: enterprise.user.auditActor, subjectType: "title", subjectID: titleID.uuidString,
                                                   action: "annual_report", reason: "\(year)\(late ? " (late)" : "")", occurredAt: at), on: tx)
            let message = Strings.Inbox.reportFiled(title.enterprise.name, year)
            try await Notifier.notify(.city, subject: message.subject, body: message.body,
                                      link: SiteURL.title(.value(titleID)).path, at: at, on: tx)
        }
    }

    func fileChange(_ enterprise: EnterpriseUser, titleID: UUID, kind: ChangeKind, details: String, effectiveOn: CalendarDate) async throws {
        let title = try await visibleTitle(titleID, to: enterprise.user)
        guard title.status == .active else { throw AppError.conflict(Strings.Lifecycle.notActive) }
        let text = details.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: ["details": Strings.Lifecycle.detailsRequired]) }
        guard effectiveOn <= today else { throw AppError.invalid(Strings.Form.fixFields, fields: ["effectiveOn": Strings.Lifecycle.effectiveInFuture]) }
        let at = clock.now()
        let change = ChangeReport(titleID: titleID, kind: kind, details: text, effectiveOn: effectiveOn,
                                  district: title.enterprise.district, filedAt: at)
        try await database.writeTransaction { tx in
            try await change.create(on: tx)
            try await AuditChain.append(AuditEntry(actor: enterprise.user.auditActor, subjectType: "title", subjectID: titleID.uuidString,
                                                   action: "change_report", reason: "\(kind.rawValue): \(text)", occurredAt: at), on: tx)
            let message = Strings.Inbox.changeFiled(title.enterprise.name)
            try await Notifier.notify(.district(title.enterprise.district), subject: message.subject, body: message.body,
                                      link: SiteURL.title(.value(titleID)).path, at: at, on: tx)
        }
    }

    // MARK: District and city

    func forwardChange(_ officer: DistrictOfficer, changeID: UUID, note: String) async throws {
        guard let change = try await ChangeReport.query(on: database).filter(\.$id == changeID).filter(\.$district == officer.district).first() else {
            throw AppError.notFound()
        }
        let at = clock.now()
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: ChangeReport.schema, id: changeID,
                                                  set: [("status", .string(ChangeStatus.forwarded.rawValue)), ("district_note", .string(note))],
                                                  where: [.equals("status", .string(ChangeStatus.filed.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "title", subjectID: change.$title.id.uuidString,
                                                   action: "change_forwarded", reason: note, occurredAt: at), on: tx)
            let message = Strings.Inbox.changeForwarded(officer.district)
            try await Notifier.notify(.city, subject: message.subject, body: message.body,
                                      link: SiteURL.title(.value(change.$title.id)).path, at: at, on: tx)
        }
    }

    /// The city records a change; one that ends the title's basis (business ended, scope changed, the
    /// holder asks) terminates it when the city says so.
    func recordChange(_ officer: CityOfficer, changeID: UUID, note: String, terminate: Bool) async throws {
        guard let change = try await ChangeReport.find(changeID, on: database) else { throw AppError.notFound() }
        guard change.status == .forwarded else { throw AppError.conflict(Strings.Lifecycle.changeNotForwarded) }
        let endKind: EndKind? = switch change.kind {
        case .businessEnded: .businessEnded
        case .scopeChange: .scopeChanged
        case .terminationRequest: .holderRequest
        default: nil
        }
        if terminate, endKind == nil { throw AppError.conflict(Strings.Lifecycle.changeDoesNotEnd) }
        let at = clock.now()
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: ChangeReport.schema, id: changeID,
                                                  set: [("status", .string(ChangeStatus.recorded.rawValue)), ("city_note", .string(note))],
                                                  where: [.equals("status", .string(ChangeStatus.forwarded.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "title", subjectID: change.$title.id.uuidString,
                                                   action: "change_recorded", reason: note, occurredAt: at), on: tx)
            if terminate, let endKind {
                try await end(titleID: change.$title.id, kind: endKind, note: note.isEmpty ? change.details : note,
                              actor: officer.user.auditActor, on: tx, at: at)
            }
        }
    }

    /// Ends a title: terminated (no bar) or revoked (barred for the ban's years, enforced by the engine).
    func endTitle(_ officer: CityOfficer, titleID: UUID, kind: EndKind, note: String) async throws {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: ["note": Strings.Applications.reasonRequired]) }
        let at = clock.now()
        try await database.writeTransaction { tx in
            try await end(titleID: titleID, kind: kind, note: text, actor: officer.user.auditActor, on: tx, at: at)
        }
    }

    func end(titleID: UUID, kind: EndKind, note: String, actor: AuditActor, on tx: any Database, at: Date) async throws {
        let status: TitleStatus = kind.isRevocation ? .revoked : .terminated
        guard try await ConditionalUpdate.run(table: Title.schema, id: titleID,
                                              set: [("status", .string(status.rawValue)), ("ended_on", .string(today.iso)),
                                                    ("ended_reason", .string(note)), ("end_kind", .string(kind.rawValue))],
                                              where: [.equals("status", .string(TitleStatus.active.rawValue))], on: tx)
        else { throw AppError.conflict(Strings.Lifecycle.notActive) }
        try await AuditChain.append(AuditEntry(actor: actor, subjectType: "title", subjectID: titleID.uuidString,
                                               action: kind.isRevocation ? "revoke" : "terminate",
                                               fromStage: TitleStatus.active.rawValue, toStage: status.rawValue,
                                               reason: "\(kind.rawValue): \(note)", occurredAt: at), on: tx)
        // A title won by fraud returns its money: pending grants are refused, unpaid ones released, paid ones clawed back.
        if kind == .fraud {
            _ = try await FundService.clawBack(grantsOf: .title(titleID), reason: note, actor: actor, at: at, on: today, tx: tx)
        }
        guard let title = try await Title.find(titleID, on: tx) else { return }
        let message = kind.isRevocation ? Strings.Inbox.revoked(note) : Strings.Inbox.terminated(note)
        try await Notifier.notify(.enterprise(title.$enterprise.id), subject: message.subject, body: message.body,
                                  link: SiteURL.title(.value(titleID)).path, at: at, on: tx)
    }

    /// The re-review's outcome: passed extends the title by another period; failed ends it.
    func decideReReview(_ officer: CityOfficer, reReviewID: UUID, passed: Bool, findings: String) async throws {
        guard let review = try await ReReview.query(on: database).filter(\.$id == reReviewID).with(\.$title).first() else { throw AppError.notFound() }
        guard review.outcome == .pending else { throw AppError.conflict(Strings.Lifecycle.reReviewDecided) }
        let text = findings.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: ["findings": Strings.Applications.findingsRequired]) }
        let years = assessor.programme(review.title.programmeID)?.titleValidityYears ?? 3
        let at = clock.now()
        let extended = review.title.validUntil.adding(days: 1).lastDayOfPeriod(years: years)
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: ReReview.schema, id: reReviewID,
                                                  set: [("outcome", .string((passed ? ReReviewOutcome.passed : .failed).rawValue)),
                                                        ("findings", .string(text)), ("decided_on", .string(today.iso))],
                                                  where: [.equals("outcome", .string(ReReviewOutcome.pending.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Lifecycle.reReviewDecided) }
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "title", subjectID: review.$title.id.uuidString,
                                                   action: passed ? "rereview_passed" : "rereview_failed",
                                                   reason: passed ? "valid until \(extended.iso); \(text)" : text, occurredAt: at), on: tx)
            if passed {
                _ = try await ConditionalUpdate.run(table: Title.schema, id: review.$title.id, set: [("valid_until", .string(extended.iso))],
                                                    where: [.equals("status", .string(TitleStatus.active.rawValue))], on: tx)
            } else {
                try await end(titleID: review.$title.id, kind: .reReviewFailed, note: text, actor: officer.user.auditActor, on: tx, at: at)
            }
        }
    }
}
