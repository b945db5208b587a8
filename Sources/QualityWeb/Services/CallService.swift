import Fluent
import Foundation
import QualityRules
import QualityStorage

/// The secretariat publishes and moves calls. A quota can only be set within the programme's yearly limit.
struct CallService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    struct Draft: Sendable {
        var programmeID: String
        var year: Int?
        var titleZh: String
        var titleEn: String
        var opensOn: String
        var closesOn: String
        var quota: String
        /// One material per line: `标题 | Title | 选交` (the third part marks an optional one).
        var materials: String
        var contacts: String
        var noticeDays: String
        var scoreAggregate: String
    }

    func create(_ officer: CityOfficer, _ draft: Draft) async throws -> Call {
        var problems: [String: LocalizedText] = [:]
        let programme = assessor.programme(draft.programmeID)
        if programme == nil { problems["programmeID"] = Strings.AdminCalls.unknownProgramme }
        let opens = CalendarDate(iso: draft.opensOn)
        let closes = CalendarDate(iso: draft.closesOn)
        if opens == nil { problems["opensOn"] = Strings.Form.badDate }
        if closes == nil { problems["closesOn"] = Strings.Form.badDate }
        if let opens, let closes, closes < opens { problems["closesOn"] = Strings.AdminCalls.closesBeforeOpens }
        if let programme, let opens, let closes, let inForce = programme.inForce,
           !(inForce.contains(opens) && inForce.contains(closes)) {
            problems["closesOn"] = Strings.AdminCalls.outsidePolicy(inForce)
        }
        if let programme, programme.inForce == nil { problems["programmeID"] = Strings.AdminCalls.draftPolicy }
        var quota: Int?
        let quotaText = draft.quota.trimmingCharacters(in: .whitespaces)
        if !quotaText.isEmpty {
            if let value = Int(quotaText), value > 0 { quota = value } else { problems["quota"] = Strings.AdminCalls.badQuota }
        }
        if let programme, let limit = programme.annualQuota {
            if quota == nil { quota = limit }
            if let value = quota, value > limit { problems["quota"] = Strings.AdminCalls.quotaAboveLimit(limit) }
        }
        let materials = Self.parseMaterials(draft.materials, fallback: programme?.materials ?? [])
        if materials.isEmpty { problems["materials"] = Strings.AdminCalls.noMaterials }
        let noticeDays = Int(draft.noticeDays.trimmingCharacters(in: .whitespaces)) ?? 10
        if !(5...30).contains(noticeDays) { problems["noticeDays"] = Strings.AdminCalls.badNoticeDays }
        let aggregate = ScoreAggregate(rawValue: draft.scoreAggregate) ?? .mean
        guard problems.isEmpty, let programme, let opens, let closes else {
            throw AppError.invalid(Strings.Form.fixFields, fields: problems)
        }
        let year = draft.year ?? opens.year
        let titleZh = draft.titleZh.trimmingCharacters(in: .whitespaces).isEmpty ? "\(year) 年度\(programme.title.zh)" : draft.titleZh
        let titleEn = draft.titleEn.trimmingCharacters(in: .whitespaces).isEmpty ? "\(year) \(programme.title.en)" : draft.titleEn
        let call = Call(programmeID: programme.id, policyID: programme.policyID, year: year,
                        title: LocalizedText(zh: titleZh, en: titleEn), opensOn: opens, closesOn: closes, quota: quota,
                        stage: .draft, materials: materials, contacts: draft.contacts, noticeDays: noticeDays, scoreAggregate: aggregate)
        // A programme whose policy has no rubric (000) starts from the secretariat's template.
        if try assessor.scoringRubric(programmeID: programme.id, customYAML: nil) == nil {
            call.rubricYAML = RubricDefinition.template(for: programme.id)
        }
        let now = clock.now()
        try await database.writeTransaction { tx in
            try await call.create(on: tx)
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "call", subjectID: call.id!.uuidString,
                                                   action: "create", toStage: CallStage.draft.rawValue, occurredAt: now), on: tx)
        }
        return call
    }

    /// The moves the secretariat makes by hand; later stages follow from reviews and decisions.
    static let manualMoves: [CallStage: [CallStage]] = [
        .draft: [.open, .cancelled],
        .open: [.review, .cancelled],
        .expertReview: [.committee],
    ]

    func move(_ officer: CityOfficer, callID: UUID, to target: CallStage) async throws -> Call {
        guard let call = try await Call.find(callID, on: database) else { throw AppError.notFound(Strings.Calls.notFound) }
        let from = call.stage
        guard Self.manualMoves[from]?.contains(target) == true else {
            throw AppError.conflict(Strings.AdminCalls.cannotMove(from, target))
        }
        if target == .committee {
            let unfinished = try await CallApplication.query(on: database).filter(\.$call.$id == callID).filter(\.$stage == .expertReview).count()
            guard unfinished == 0 else { throw AppError.conflict(Strings.AdminCalls.scoringUnfinished(unfinished)) }
            let scored = try await CallApplication.query(on: database).filter(\.$call.$id == callID).filter(\.$stage == .scored).count()
            guard scored > 0 else { throw AppError.conflict(Strings.Committee.nothingToApprove) }
        }
        let now = clock.now()
        try await database.writeTransaction { tx in
            var values: [(String, ConditionalUpdate.Value)] = [("stage", .string(target.rawValue))]
            if target == .open { values.append(("published_at", .date(now))) }
            let moved = try await ConditionalUpdate.run(table: Call.schema, id: callID, set: values,
                                                        where: [.equals("stage", .string(from.rawValue))], on: tx)
            guard moved else { throw AppError.conflict(Strings.Applications.stale) }
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "call", subjectID: callID.uuidString,
                                                   action: "move", fromStage: from.rawValue, toStage: target.rawValue, occurredAt: now), on: tx)
        }
        return try await Call.find(callID, on: database)!
    }

    static func parseMaterials(_ text: String, fallback: [LocalizedText]) -> [RequiredMaterial] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.isEmpty {
            return fallback.enumerated().map { RequiredMaterial(key: "m\($0.offset + 1)", title: $0.element) }
        }
        return lines.enumerated().map { index, line in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let zh = parts.first ?? line
            let en = parts.count > 1 && !parts[1].isEmpty ? parts[1] : zh
            let optional = parts.count > 2 && ["选交", "optional", "可选"].contains(parts[2].lowercased())
            return RequiredMaterial(key: "m\(index + 1)", title: LocalizedText(zh: zh, en: en), required: !optional)
        }
    }
}
