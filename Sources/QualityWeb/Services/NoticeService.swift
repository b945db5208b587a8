import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The public notice (公示): complaints from anyone about a named candidate, their investigation, the
/// backfill of a freed place, and the final list with the titles it grants.
struct NoticeService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    var committee: CommitteeService { CommitteeService(database: database, clock: clock, assessor: assessor) }

    struct ComplaintInput: Sendable {
        var applicationID: String
        var name: String
        var contact: String
        var text: String
    }

    /// Anyone may complain about a candidate while the notice runs; contact details are required and kept
    /// from the public.
    func fileComplaint(callID: UUID, _ input: ComplaintInput) async throws -> Complaint {
        guard let call = try await Call.find(callID, on: database), call.stage == .notice,
              let ends = call.noticeEndsOn else { throw AppError.notFound(Strings.Notices.notOnNotice) }
        let today = clock.today()
        guard today <= ends else { throw AppError.conflict(Strings.Notices.periodOver(ends)) }
        var problems: [String: LocalizedText] = [:]
        let candidate = UUID(uuidString: input.applicationID)
        var application: CallApplication?
        if let candidate {
            application = try await CallApplication.query(on: database).filter(\.$id == candidate).filter(\.$call.$id == callID)
                .filter(\.$stage == .proposed).first()
        }
        if application == nil { problems["applicationID"] = Strings.Notices.chooseCandidate }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["name"] = Strings.Notices.nameRequired }
        let contact = input.contact.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(ApplicationForm.isPhone(contact) || ApplicationForm.isEmail(contact)) { problems["contact"] = Strings.Notices.contactRequired }
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 10 { problems["text"] = Strings.Notices.textTooShort }
        if text.count > 3000 { problems["text"] = Strings.Form.tooLong(3000) }
        if name.count > 100 { problems["name"] = Strings.Form.tooLong(100) }
        guard problems.isEmpty, let application else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let complaint = Complaint(callID: callID, applicationID: application.id!, complainantName: name,
                                  complainantContact: contact, text: text, filedAt: clock.now())
        let at = clock.now()
        try await database.writeTransaction { tx in
            try await complaint.create(on: tx)
            // The audit keeps what happened, not who complained: the contact stays in the complaint record.
            try await AuditChain.append(AuditEntry(actor: AuditActor(accountID: nil, role: "public", name: "公众"),
                                                   subjectType: "application", subjectID: application.id!.uuidString,
                                                   action: "complaint_filed", reason: String(text.prefix(200)), occurredAt: at), on: tx)
            let message = Strings.Inbox.complaintFiled(call.title)
            try await Notifier.notify(.city, subject: message.subject, body: message.body,
                                      link: SiteURL.adminCallNotice(.value(callID)).path, at: at, on: tx)
        }
        return complaint
    }

    /// The city bureau records what its investigation found. A substantiated complaint removes the candidate
    /// and gives its place back to the quota.
    func resolve(_ officer: CityOfficer, complaintID: UUID, substantiated: Bool, outcome: String) async throws {
        guard let complaint = try await Complaint.query(on: database).filter(\.$id == complaintID).with(\.$call).first() else {
            throw AppError.notFound()
        }
        guard complaint.status == .open else { throw AppError.conflict(Strings.Notices.alreadyResolved) }
        let note = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: ["outcome": Strings.Notices.outcomeRequired]) }
        let call = complaint.call
        let ledger = try await committee.ledger(for: call)
        let status: ComplaintStatus = substantiated ? .substantiated : .unsubstantiated
        let at = clock.now()
        let actor = officer.user.auditActor
        let applicationID = complaint.$application.id
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: Complaint.schema, id: complaintID,
                                                  set: [("status", .string(status.rawValue)), ("outcome", .string(note)),
                                                        ("resolved_at", .date(at)), ("resolved_by", .uuid(officer.user.accountID))],
                                                  where: [.equals("status", .string(ComplaintStatus.open.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Notices.alreadyResolved) }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "application", subjectID: applicationID.uuidString,
                                                   action: "complaint_\(status.rawValue)", reason: note, occurredAt: at), on: tx)
            guard substantiated, let application = try await CallApplication.find(applicationID, on: tx), application.stage == .proposed else { return }
            let change = StageChange(applicationID: applicationID, from: .proposed, to: .disqualified, action: .disqualify, actor: actor,
                                     reason: note, notify: [(.enterprise(application.$enterprise.id), Strings.Inbox.disqualified(call.title, note))])
            guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
            try await CommitteeService.releasePlace(call: call, ledger: ledger, on: tx)
        }
    }

    /// The next ranked application takes a freed place, within the quota; the notice runs its full length
    /// for it, so the end date moves out if needed.
    func backfill(_ officer: CityOfficer, callID: UUID) async throws -> UUID {
        let ranking = try await committee.ranking(callID: callID)
        let call = ranking.call
        guard call.stage == .notice else { throw AppError.conflict(Strings.Notices.backfillOnlyOnNotice) }
        guard let next = ranking.rows.first(where: { $0.stage == .scored }) else { throw AppError.conflict(Strings.Notices.noOneToBackfill) }
        let ledger = try await committee.ledger(for: call)
        let today = clock.today()
        let ends = max(call.noticeEndsOn ?? today, today.adding(days: call.noticeDays - 1))
        let at = clock.now()
        let actor = officer.user.auditActor
        let enterpriseID = try await committee.enterpriseID(next.applicationID, on: database)
        try await database.writeTransaction { tx in
            guard ranking.approved < ranking.capacity, try await CommitteeService.takePlace(call: call, ledger: ledger, on: tx) else {
                throw AppError.conflict(Strings.Notices.quotaFull)
            }
            let change = StageChange(applicationID: next.applicationID, from: .scored, to: .proposed, action: .backfill, actor: actor,
                                     reason: Strings.Committee.proposedReason(rank: next.rank, aggregate: next.aggregate).zh,
                                     notify: [(.enterprise(enterpriseID), Strings.Inbox.proposed(call.title, ends))])
            guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
            _ = try await ConditionalUpdate.run(table: Call.schema, id: callID, set: [("notice_ends_on", .string(ends.iso))], where: [], on: tx)
        } 
        return next.applicationID
    }

    /// After the notice period, with no complaint left open: the final list, the titles, and "not selected"
    /// for the rest.
    func publishFinal(actor: AuditActor, callID: UUID) async throws -> [Title] {
        guard let call = try await Call.find(callID, on: database) else { throw AppError.notFound(Strings.Calls.notFound) }
        guard call.stage == .notice, let ends = call.noticeEndsOn else { throw AppError.conflict(Strings.Notices.notOnNotice) }
        let today = clock.today()
        guard today > ends else { throw AppError.conflict(Strings.Notices.stillRunning(ends)) }
        let open = try await Complaint.query(on: database).filter(\.$call.$id == callID).filter(\.$status == .open).count()
        guard open == 0 else { throw AppError.conflict(Strings.Notices.openComplaints(open)) }
        guard let programme = assessor.programme(call.programmeID) else { throw AppError.notFound(Strings.Calls.notFound) }
        let applications = try await CallApplication.query(on: database).filter(\.$call.$id == callID)
            .filter(\.$stage ~~ [.proposed, .scored]).sort(\.$rank).all()
        let years = programme.titleValidityYears ?? 3
        let at = clock.now()
        let prefix = TitleNumbers.prefix(call.programmeID)
        return try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: Call.schema, id: callID,
                                                  set: [("stage", .string(CallStage.final.rawValue)), ("final_published_at", .date(at))],
                                                  where: [.equals("stage", .string(CallStage.notice.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Applications.stale) }
            var issued: [Title] = []
            var sequence = try await Title.query(on: tx).filter(\.$programmeID == call.programmeID)
                .filter(\.$certificateNumber =~ "\(prefix)-\(today.year)-").count()
            for application in applications {
                if application.stage == .proposed {
                    sequence += 1
                    let title = Title(certificateNumber: TitleNumbers.number(prefix: prefix, year: today.year, sequence: sequence),
                                      enterpriseID: application.$enterprise.id, programmeID: call.programmeID, callID: callID,
                                      applicationID: application.id!, grantedOn: today, validFrom: today,
                                      validUntil: today.lastDayOfPeriod(years: years))
                    try await title.create(on: tx)
                    issued.append(title)
                    // 002 第九条: a first pass brings its one-off grant (awaiting approval against a fund).
                    try await GrantFromTitle.titleGranted(title, actor: actor, at: at, assessor: assessor, on: tx)
                    let change = StageChange(applicationID: application.id!, from: .proposed, to: .selected, action: .select, actor: actor,
                                             reason: title.certificateNumber,
                                             notify: [(.enterprise(application.$enterprise.id), Strings.Inbox.selected(call.title, title.certificateNumber, title.validUntil))])
                    guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
                } else {
                    let change = StageChange(applicationID: application.id!, from: .scored, to: .notSelected, action: .notSelect, actor: actor,
                                             notify: [(.enterprise(application.$enterprise.id), Strings.Inbox.notSelected(call.title))])
                    guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
                }
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "call", subjectID: callID.uuidString, action: "publish_final",
                                                   fromStage: CallStage.notice.rawValue, toStage: CallStage.final.rawValue,
                                                   reason: issued.map(\.certificateNumber).joined(separator: ", "), occurredAt: at), on: tx)
            return issued
        }
    }
}

/// Certificate numbers: a programme prefix, the year, a sequence (SZQB-2026-001, JMQIC-2024-003).
enum TitleNumbers {
    static func prefix(_ programmeID: String) -> String {
        switch programmeID {
        case "sz-backbone": "SZQB"
        case "jm-innovation-centre": "JMQIC"
        default: String(programmeID.uppercased().filter { $0.isLetter }.prefix(6))
        }
    }

    static func number(prefix: String, year: Int, sequence: Int) -> String {
        "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 3 - String(sequence).count)) + String(sequence)
    }
}
