import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Expert panels: the draw, the conflict declaration each expert makes before seeing an application, the
/// scores with their justifications, and the panel's combined score when the last expert submits.
struct ReviewService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor

    var now: Date { clock.now() }

    struct DrawSummary: Sendable {
        var applications: Int
        var seats: Int
        var conflicts: Int
        var seed: UInt64
    }

    // MARK: The draw (city bureau)

    /// Draws a panel for every application ready for expert review and moves them, and the call, on.
    func drawPanels(_ officer: CityOfficer, callID: UUID, seed: UInt64? = nil) async throws -> DrawSummary {
        guard let call = try await Call.find(callID, on: database) else { throw AppError.notFound(Strings.Calls.notFound) }
        guard call.stage == .review || call.stage == .expertReview else {
            throw AppError.conflict(Strings.Reviews.notReadyToDraw(call.stage))
        }
        guard let programme = assessor.programme(call.programmeID) else { throw AppError.notFound(Strings.Calls.notFound) }
        guard try assessor.scoringRubric(programmeID: call.programmeID, customYAML: call.rubricYAML) != nil else {
            throw AppError.conflict(Strings.Reviews.noRubric)
        }
        let ready: [ApplicationStage] = programme.requiresOnSiteReview ? [.onSiteReviewed] : [.eligible, .onSiteReviewed]
        let applications = try await CallApplication.query(on: database).filter(\.$call.$id == callID)
            .filter(\.$stage ~~ ready).with(\.$enterprise).all()
        guard !applications.isEmpty else { throw AppError.conflict(Strings.Reviews.nothingToDraw) }
        let experts = try await Expert.query(on: database).filter(\.$isActive == true).all()
        let existing = try await PanelAssignment.query(on: database).filter(\.$call.$id == callID)
            .filter(\.$status != .recused).all()
        let load = existing.reduce(into: [UUID: Int]()) { $0[$1.$expert.id, default: 0] += 1 }
        let seed = seed ?? UInt64.random(in: 1...UInt64.max)
        let result: PanelDraw.Result
        do {
            result = try PanelDraw.draw(
                applicants: applications.map { PanelDraw.Applicant(id: $0.id!, creditCode: $0.enterprise.creditCode, name: $0.enterprise.name) },
                experts: experts.map(Self.candidate), size: call.panelSize, seed: seed, load: load)
        } catch let error as PanelDraw.NotEnoughExperts {
            let names = applications.filter { error.applicants.contains($0.id!) }.map(\.enterprise.name)
            throw AppError.conflict(Strings.Reviews.notEnoughExperts(names, size: call.panelSize))
        }
        let at = now
        let actor = officer.user.auditActor
        try await database.writeTransaction { tx in
            for application in applications {
                let change = StageChange(applicationID: application.id!, from: application.stage, to: .expertReview,
                                         action: .startExpertReview, actor: actor,
                                         reason: Strings.Reviews.drawReason(seed: seed, size: call.panelSize).zh)
                guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
                for expertID in result.panels[application.id!] ?? [] {
                    try await PanelAssignment(callID: callID, applicationID: application.id!, expertID: expertID, drawnAt: at).create(on: tx)
                    if let expert = experts.first(where: { $0.id == expertID }) {
                        try await Notifier.notify(.account(expert.$account.id), subject: Strings.Inbox.panelAssigned(call.title).subject,
                                                  body: Strings.Inbox.panelAssigned(call.title).body, link: SiteURL.reviews.path, at: at, on: tx)
                    }
                }
            }
            for conflict in result.conflicts {
                try await Recusal(callID: callID, applicationID: conflict.applicant, expertID: conflict.expert,
                                  kind: conflict.conflict.rawValue, reason: Strings.Reviews.conflictReason(conflict.conflict).zh,
                                  recordedAt: at).create(on: tx)
            }
            if call.stage == .review {
                guard try await ConditionalUpdate.run(table: Call.schema, id: callID, set: [("stage", .string(CallStage.expertReview.rawValue))],
                                                      where: [.equals("stage", .string(CallStage.review.rawValue))], on: tx)
                else { throw AppError.conflict(Strings.Applications.stale) }
                try await AuditChain.append(AuditEntry(actor: actor, subjectType: "call", subjectID: callID.uuidString, action: "draw_panels",
                                                       fromStage: CallStage.review.rawValue, toStage: CallStage.expertReview.rawValue,
                                                       reason: "seed \(seed)", occurredAt: at), on: tx)
            }
        }
        return DrawSummary(applications: applications.count, seats: result.panels.values.reduce(0) { $0 + $1.count },
                           conflicts: result.conflicts.count, seed: seed)
    }

    static func candidate(_ expert: Expert) -> PanelDraw.Expert {
        PanelDraw.Expert(id: expert.id!, affiliation: expert.affiliation, employerCreditCode: expert.employerCreditCode,
                         relationships: expert.relationshipList)
    }

    // MARK: The expert

    func expert(for reviewer: ExpertReviewer) async throws -> Expert {
        guard let expert = try await Expert.query(on: database).filter(\.$account.$id == reviewer.user.accountID).first() else {
            throw AppError(.forbidden, code: "not_in_pool", Strings.Reviews.notInPool)
        }
        return expert
    }

    /// One of this expert's seats, or "not found" (never another expert's).
    func assignment(_ id: UUID, for reviewer: ExpertReviewer) async throws -> PanelAssignment {
        let expert = try await expert(for: reviewer)
        guard let assignment = try await PanelAssignment.query(on: database).filter(\.$id == id)
            .filter(\.$expert.$id == expert.id!).with(\.$call).with(\.$application) { $0.with(\.$enterprise) }.first()
        else { throw AppError.notFound(Strings.Reviews.notFound) }
        return assignment
    }

    /// The expert says, before seeing the application, whether they have a conflict of interest. A declared
    /// conflict stands them down, is logged, and another expert takes the seat.
    func declare(_ reviewer: ExpertReviewer, assignmentID: UUID, conflict: Bool, reason: String) async throws {
        let assignment = try await assignment(assignmentID, for: reviewer)
        guard assignment.status == .assigned else { throw AppError.conflict(Strings.Reviews.alreadyDeclared) }
        let at = now
        let actor = reviewer.user.auditActor
        let applicationID = assignment.$application.id
        if !conflict {
            try await database.writeTransaction { tx in
                guard try await ConditionalUpdate.run(table: PanelAssignment.schema, id: assignmentID,
                                                      set: [("status", .string(AssignmentStatus.accepted.rawValue)), ("declared_at", .date(at))],
                                                      where: [.equals("status", .string(AssignmentStatus.assigned.rawValue))], on: tx)
                else { throw AppError.conflict(Strings.Reviews.alreadyDeclared) }
                try await AuditChain.append(AuditEntry(actor: actor, subjectType: "application", subjectID: applicationID.uuidString,
                                                       action: "declare_no_conflict", occurredAt: at), on: tx)
            }
            return
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["reason": Strings.Reviews.conflictReasonRequired])
        }
        // The replacement: lightest load among the pool, no conflict, not already on (or recused from) this panel.
        let call = assignment.call
        let onPanel = try await PanelAssignment.query(on: database).filter(\.$application.$id == applicationID).all()
        let recused = try await Recusal.query(on: database).filter(\.$application.$id == applicationID).all()
        var excluded = Set(onPanel.map { PanelDraw.Pair(applicant: applicationID, expert: $0.$expert.id) })
        excluded.formUnion(recused.map { PanelDraw.Pair(applicant: applicationID, expert: $0.$expert.id) })
        let load = try await PanelAssignment.query(on: database).filter(\.$call.$id == call.id!).filter(\.$status != .recused).all()
            .reduce(into: [UUID: Int]()) { $0[$1.$expert.id, default: 0] += 1 }
        let pool = try await Expert.query(on: database).filter(\.$isActive == true).all()
        let sitting = Set(onPanel.filter { $0.status != .recused && $0.id != assignmentID }.map(\.$expert.id))
        let organisations = Set(pool.filter { sitting.contains($0.id!) }.map { PanelDraw.normalized($0.affiliation) })
        let enterprise = assignment.application.enterprise
        let replacement = try? PanelDraw.draw(
            applicants: [PanelDraw.Applicant(id: applicationID, creditCode: enterprise.creditCode, name: enterprise.name)],
            experts: pool.filter { !organisations.contains(PanelDraw.normalized($0.affiliation)) }.map(Self.candidate),
            size: 1, seed: UInt64.random(in: 1...UInt64.max), load: load, excluded: excluded).panels[applicationID]?.first
        let expertID = try await expert(for: reviewer).id!
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: PanelAssignment.schema, id: assignmentID,
                                                  set: [("status", .string(AssignmentStatus.recused.rawValue)), ("declared_at", .date(at))],
                                                  where: [.equals("status", .string(AssignmentStatus.assigned.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Reviews.alreadyDeclared) }
            try await Recusal(callID: call.id!, applicationID: applicationID, expertID: expertID, kind: "declared",
                              reason: trimmed, recordedAt: at).create(on: tx)
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "application", subjectID: applicationID.uuidString,
                                                   action: "recuse", reason: trimmed, occurredAt: at), on: tx)
            if let replacement, let account = pool.first(where: { $0.id == replacement })?.$account.id {
                try await PanelAssignment(callID: call.id!, applicationID: applicationID, expertID: replacement, drawnAt: at).create(on: tx)
                let message = Strings.Inbox.panelAssigned(call.title)
                try await Notifier.notify(.account(account), subject: message.subject, body: message.body, link: SiteURL.reviews.path, at: at, on: tx)
            } else {
                let message = Strings.Inbox.noReplacement(call.title, enterprise.name)
                try await Notifier.notify(.city, subject: message.subject, body: message.body, link: nil, at: at, on: tx)
            }
        }
    }

    /// Scores every indicator within its maximum, each with a justification, and an overall opinion.
    func submitScores(_ reviewer: ExpertReviewer, assignmentID: UUID, points: [String: String],
                      justifications: [String: String], opinion: String) async throws {
        let assignment = try await assignment(assignmentID, for: reviewer)
        guard assignment.status == .accepted else {
            throw AppError.conflict(assignment.status == .assigned ? Strings.Reviews.declareFirst : Strings.Reviews.alreadySubmitted)
        }
        guard assignment.application.stage == .expertReview else { throw AppError.conflict(Strings.Reviews.closed) }
        guard let rubric = try assessor.scoringRubric(programmeID: assignment.call.programmeID, customYAML: assignment.call.rubricYAML) else {
            throw AppError.conflict(Strings.Reviews.noRubric)
        }
        var problems: [String: LocalizedText] = [:]
        var scores: [(String, Int, String)] = []
        for indicator in rubric.indicators {
            let raw = (points[indicator.id] ?? "").trimmingCharacters(in: .whitespaces)
            let justification = (justifications[indicator.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = Points(text: raw) else {
                problems["points.\(indicator.id)"] = Strings.Reviews.badPoints(indicator.name, maximum: indicator.maximum)
                continue
            }
            if value.hundredths > indicator.maximum {
                problems["points.\(indicator.id)"] = Strings.Reviews.aboveMaximum(indicator.name, maximum: indicator.maximum)
            }
            if justification.isEmpty { problems["justification.\(indicator.id)"] = Strings.Reviews.justificationRequired(indicator.name) }
            scores.append((indicator.id, value.hundredths, justification))
        }
        let trimmedOpinion = opinion.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedOpinion.isEmpty { problems["opinion"] = Strings.Reviews.opinionRequired }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let at = now
        let actor = reviewer.user.auditActor
        let total = scores.reduce(0) { $0 + $1.1 }
        let recorded = scores
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: PanelAssignment.schema, id: assignmentID,
                                                  set: [("status", .string(AssignmentStatus.submitted.rawValue)), ("submitted_at", .date(at)),
                                                        ("opinion", .string(trimmedOpinion))],
                                                  where: [.equals("status", .string(AssignmentStatus.accepted.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Reviews.alreadySubmitted) }
            for (indicator, value, justification) in recorded {
                try await ExpertScore(assignmentID: assignmentID, indicatorID: indicator, points: value, justification: justification).create(on: tx)
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "application", subjectID: assignment.$application.id.uuidString,
                                                   action: "submit_scores", reason: "total \(Points(hundredths: total))", occurredAt: at), on: tx)
            try await completeIfScored(applicationID: assignment.$application.id, call: assignment.call, on: tx, at: at)
        }
    }

    /// When every seat of the panel has submitted, combines the scores and moves the application to "scored".
    private func completeIfScored(applicationID: UUID, call: Call, on tx: any Database, at: Date) async throws {
        let seats = try await PanelAssignment.query(on: tx).filter(\.$application.$id == applicationID).filter(\.$status != .recused).all()
        guard seats.count >= call.panelSize, seats.allSatisfy({ $0.status == .submitted }) else { return }
        let scores = try await ExpertScore.query(on: tx).filter(\.$assignment.$id ~~ seats.compactMap(\.id)).all()
        let totals = seats.map { seat in scores.filter { $0.$assignment.id == seat.id }.reduce(0) { $0 + $1.points } }
        let rubric = try assessor.scoringRubric(programmeID: call.programmeID, customYAML: call.rubricYAML)
        let aggregate = Self.aggregate(totals, method: call.scoreAggregate)
        let divergent = Self.isDivergent(totals, maximum: rubric?.total ?? 10_000)
        guard let application = try await CallApplication.query(on: tx).filter(\.$id == applicationID).with(\.$enterprise).first() else { return }
        let objective = try? assessor.objectiveScores(programmeID: call.programmeID, customYAML: call.rubricYAML,
                                                      factsJSON: application.factsSnapshotJSON ?? application.enterprise.factsJSON,
                                                      on: clock.today(), deadline: call.closesOn)["total"]
        let change = StageChange(applicationID: applicationID, from: .expertReview, to: .scored, action: .completeScoring,
                                 actor: .system, values: [("aggregate_score", .int(aggregate)), ("divergent", .bool(divergent)),
                                                          ("objective_score", .int(objective))],
                                 reason: Strings.Reviews.scoredReason(aggregate: aggregate, totals: totals, method: call.scoreAggregate).zh)
        _ = try await change.apply(on: tx, at: at)
    }

    // MARK: Combining scores

    /// The panel's score in hundredths: the mean, or the mean without one highest and one lowest score
    /// (which needs at least three). Rounded half up to a hundredth.
    static func aggregate(_ totals: [Int], method: ScoreAggregate) -> Int {
        guard !totals.isEmpty else { return 0 }
        var counted = totals.sorted()
        if method == .trimmedMean, counted.count >= 3 { counted = Array(counted.dropFirst().dropLast()) }
        let sum = counted.reduce(0, +)
        return (2 * sum + counted.count) / (2 * counted.count)
    }

    /// Scores diverge when the highest and the lowest are more than a fifth of the rubric apart (20 of 100).
    static func isDivergent(_ totals: [Int], maximum: Int) -> Bool {
        guard let low = totals.min(), let high = totals.max() else { return false }
        return (high - low) * 5 > maximum
    }
}
