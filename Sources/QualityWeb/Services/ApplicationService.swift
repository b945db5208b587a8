import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Everything that changes an application. Pages and the JSON API both call these functions, so they apply
/// the same checks; each change is one write transaction with its audit row and its notices.
///
/// The role is in the signature: only a `DistrictOfficer` can be passed to `forward`, and the officer's
/// district is checked against the application's here, on the server.
struct ApplicationService: Sendable {
    let database: any Database
    let clock: any WallClock
    let assessor: any ApplicationAssessor
    let uploads: UploadStore

    var now: Date { clock.now() }
    var today: CalendarDate { clock.today() }

    // MARK: Reading, scoped by role

    /// The application, if this person may see it; otherwise "not found" (not "forbidden", which would
    /// confirm that it exists).
    func visible(_ id: UUID, to user: SignedInUser) async throws -> CallApplication {
        guard let application = try await CallApplication.query(on: database).filter(\.$id == id)
            .with(\.$call).with(\.$enterprise).first() else { throw AppError.notFound(Strings.Applications.notFound) }
        if Self.canSee(application, user: user) { return application }
        // An expert reads an application only from a seat on its panel, after declaring no conflict.
        if user.role == .expert, let expert = try await Expert.query(on: database).filter(\.$account.$id == user.accountID).first(),
           try await PanelAssignment.query(on: database).filter(\.$application.$id == id).filter(\.$expert.$id == expert.id!)
            .filter(\.$status ~~ [.accepted, .submitted]).first() != nil {
            return application
        }
        throw AppError.notFound(Strings.Applications.notFound)
    }

    static func canSee(_ application: CallApplication, user: SignedInUser) -> Bool {
        switch user.role {
        case .enterprise: application.$enterprise.id == user.enterpriseID
        case .districtOfficer: application.district == user.district && application.stage != .draft
        case .cityOfficer: application.stage != .draft
        // The committee decides on the ranked list, so it may read what was ranked.
        case .committee: CommitteeService.rankedStages.contains(application.stage)
        default: false
        }
    }

    // MARK: Enterprise

    /// Starts (or returns the existing) draft application of the enterprise to a call.
    func startDraft(_ enterprise: EnterpriseUser, callID: UUID) async throws -> CallApplication {
        guard let call = try await Call.find(callID, on: database), call.stage != .draft else {
            throw AppError.notFound(Strings.Calls.notFound)
        }
        if let existing = try await CallApplication.query(on: database)
            .filter(\.$call.$id == callID).filter(\.$enterprise.$id == enterprise.enterpriseID).first() {
            return existing
        }
        guard call.isAccepting(on: today) else { throw AppError.conflict(Strings.Applications.callNotAccepting(call)) }
        guard let company = try await Enterprise.find(enterprise.enterpriseID, on: database) else { throw AppError.forbidden }
        let application = CallApplication(callID: callID, enterpriseID: enterprise.enterpriseID, district: company.district,
                                          formJSON: JSONText.encode(ApplicationForm.prefilled(from: company)))
        do {
            try await database.writeTransaction { tx in
                try await application.create(on: tx)
                try await AuditChain.append(AuditEntry(
                    actor: enterprise.user.auditActor, subjectType: "application", subjectID: application.id!.uuidString,
                    action: "create", toStage: ApplicationStage.draft.rawValue, occurredAt: now), on: tx)
            }
        } catch {
            // Two tabs started the same draft at once: the unique (call, enterprise) pair keeps one.
            if let existing = try await CallApplication.query(on: database)
                .filter(\.$call.$id == callID).filter(\.$enterprise.$id == enterprise.enterpriseID).first() {
                return existing
            }
            throw error
        }
        return application
    }

    /// Saves the form of a draft or returned application. Nothing is saved when a field is malformed.
    func saveForm(_ enterprise: EnterpriseUser, id: UUID, version: Int, form: ApplicationForm) async throws -> CallApplication {
        let application = try await visible(id, to: enterprise.user)
        guard [.draft, .returned].contains(application.stage) else {
            throw AppError.conflict(Strings.Applications.notEditable(application.stage))
        }
        var problems = form.problems()
        // Saving a draft may leave fields empty; only malformed values are refused here.
        problems = problems.filter { !Strings.Form.isRequiredMessage($0.value) }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        var locked = form
        locked.creditCode = application.enterprise.creditCode
        let formJSON = JSONText.encode(locked)
        let updated = try await database.writeTransaction { tx in
            try await ConditionalUpdate.run(
                table: CallApplication.schema, id: id,
                set: [("form_json", .string(formJSON)), ("version", .increment(1)), ("updated_at", .date(now))],
                where: [.equals("version", .int(version)), .in("stage", [ApplicationStage.draft.rawValue, ApplicationStage.returned.rawValue])],
                on: tx)
        }
        guard updated else { throw AppError.conflict(Strings.Applications.stale) }
        return try await reread(application)
    }

    /// Attaches an uploaded file as one of the call's materials (replacing an earlier file for that item).
    func attachMaterial(_ enterprise: EnterpriseUser, id: UUID, materialKey: String, data: Data, filename: String) async throws -> EvidenceFile {
        let application = try await visible(id, to: enterprise.user)
        guard [.draft, .returned].contains(application.stage) else {
            throw AppError.conflict(Strings.Applications.notEditable(application.stage))
        }
        guard application.call.materials.contains(where: { $0.key == materialKey }) else {
            throw AppError.invalid(Strings.Applications.unknownMaterial(materialKey))
        }
        let stored = try uploads.store(data: data, filename: filename)
        let file = EvidenceFile(sha256: stored.sha256, displayName: stored.displayName, contentType: stored.kind.contentType,
                                size: stored.size, enterpriseID: enterprise.enterpriseID, uploadedBy: enterprise.user.accountID)
        try await database.writeTransaction { tx in
            try await file.create(on: tx)
            try await ApplicationMaterial.query(on: tx).filter(\.$application.$id == id).filter(\.$materialKey == materialKey).delete()
            try await ApplicationMaterial(applicationID: id, materialKey: materialKey, fileID: file.id!).create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: enterprise.user.auditActor, subjectType: "application", subjectID: id.uuidString,
                action: "attach_material", reason: "\(materialKey): \(stored.displayName) (sha256 \(stored.sha256))",
                occurredAt: now), on: tx)
        }
        return file
    }

    /// Submits (or resubmits) before the deadline: every required material present, the commitment letter
    /// accepted, the form complete. The engine's verdict is recorded with the submission.
    func submit(_ enterprise: EnterpriseUser, id: UUID, version: Int, commitmentAccepted: Bool,
                idempotencyKey: String?) async throws -> CallApplication {
        if let key = idempotencyKey, !key.isEmpty {
            guard key.count <= 100 else { throw AppError.invalid(Strings.Applications.badIdempotencyKey) }
            if let earlier = try await CallApplication.query(on: database).filter(\.$idempotencyKey == key)
                .field(\.$id).field(\.$enterprise.$id).first() {
                guard earlier.id == id, earlier.$enterprise.id == enterprise.enterpriseID else {
                    throw AppError.conflict(Strings.Applications.idempotencyKeyReused)
                }
                return try await visible(id, to: enterprise.user)
            }
        }
        let application = try await visible(id, to: enterprise.user)
        let call = application.call
        guard let target = ApplicationWorkflow.target(of: .submit, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(.submit, application.stage))
        }
        // The deadline: the call's closing day, or for a returned application the day the district set.
        if application.stage == .returned {
            if let deadline = application.returnDeadline, today > deadline {
                throw AppError.conflict(Strings.Applications.returnDeadlinePassed(deadline))
            }
        } else if !call.isAccepting(on: today) {
            throw AppError.conflict(Strings.Applications.callNotAccepting(call))
        }
        guard let form = JSONText.decode(ApplicationForm.self, from: application.formJSON) else {
            throw AppError.invalid(Strings.Form.fixFields)
        }
        let problems = form.problems()
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        guard commitmentAccepted else {
            throw AppError.invalid(Strings.Applications.commitmentRequired, fields: ["commitment": Strings.Applications.commitmentRequired])
        }
        let attached = Set(try await ApplicationMaterial.query(on: database).filter(\.$application.$id == id).all().map(\.materialKey))
        let missing = call.materials.filter { $0.required && !attached.contains($0.key) }
        guard missing.isEmpty else {
            throw AppError.invalid(Strings.Applications.missingMaterials(missing.map(\.title)))
        }
        let enterpriseRecord = application.enterprise
        let facts = try await FactsAssembler.assemble(enterpriseRecord, on: database)
        let assessment = try assessor.assess(programmeID: call.programmeID, factsJSON: facts, on: today, deadline: call.closesOn)
        // A revocation bars re-application outright (002 第十二条); other refusals are the reviewers' to make.
        guard assessment.bars.isEmpty else { throw AppError.conflict(Strings.Applications.barred(assessment.bars)) }
        let from = application.stage
        return try await transition(application, action: .submit, actor: enterprise.user.auditActor, expectedVersion: version, to: target,
                                    set: [("commitment_accepted", .bool(true)), ("submitted_at", .date(now)),
                                          ("facts_snapshot_json", .string(facts)),
                                          ("evaluation_json", .string(assessment.evaluationJSON)),
                                          ("engine_verdict", .string(assessment.verdict.rawValue)),
                                          ("idempotency_key", .string(idempotencyKey?.isEmpty == false ? idempotencyKey : application.idempotencyKey))],
                                    reason: from == .returned ? Strings.Applications.resubmitted.zh : nil,
                                    assessment: assessment,
                                    notify: [(.district(application.district), Strings.Inbox.submitted(call.title, enterpriseRecord.name))])
    }

    func withdraw(_ enterprise: EnterpriseUser, id: UUID, version: Int, reason: String) async throws -> CallApplication {
        let application = try await visible(id, to: enterprise.user)
        guard let target = ApplicationWorkflow.target(of: .withdraw, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(.withdraw, application.stage))
        }
        let audience: [(Notifier.Audience, Strings.Inbox.Message)] = application.stage == .draft ? [] :
            [(.district(application.district), Strings.Inbox.withdrawn(application.call.title, application.enterprise.name))]
        return try await transition(application, action: .withdraw, actor: enterprise.user.auditActor, expectedVersion: version, to: target,
                                    set: [], reason: reason.isEmpty ? nil : reason, assessment: nil, notify: audience)
    }

    // MARK: District bureau

    func returnForCorrection(_ officer: DistrictOfficer, id: UUID, version: Int, reason: String,
                             deadline: CalendarDate) async throws -> CallApplication {
        let application = try await visible(id, to: officer.user)
        guard let target = ApplicationWorkflow.target(of: .returnForCorrection, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(.returnForCorrection, application.stage))
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String: LocalizedText] = [:]
        if trimmed.isEmpty { problems["reason"] = Strings.Applications.reasonRequired }
        if deadline < today { problems["deadline"] = Strings.Applications.deadlineInPast }
        if deadline > today.adding(days: 60) { problems["deadline"] = Strings.Applications.deadlineTooFar }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        return try await transition(application, action: .returnForCorrection, actor: officer.user.auditActor, expectedVersion: version,
                                    to: target, set: [("return_reason", .string(trimmed)), ("return_deadline", .string(deadline.iso))],
                                    reason: trimmed, assessment: nil,
                                    notify: [(.enterprise(application.$enterprise.id), Strings.Inbox.returned(application.call.title, trimmed, deadline))])
    }

    func forward(_ officer: DistrictOfficer, id: UUID, version: Int, opinion: String, recommend: Bool) async throws -> CallApplication {
        let application = try await visible(id, to: officer.user)
        guard let target = ApplicationWorkflow.target(of: .forward, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(.forward, application.stage))
        }
        let trimmed = opinion.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["opinion": Strings.Applications.opinionRequired])
        }
        let recommendation = recommend ? "recommend" : "not_recommend"
        return try await transition(application, action: .forward, actor: officer.user.auditActor, expectedVersion: version, to: target,
                                    set: [("preliminary_opinion", .string(trimmed)), ("district_recommendation", .string(recommendation))],
                                    reason: "\(recommendation): \(trimmed)", assessment: nil,
                                    notify: [(.city, Strings.Inbox.forwarded(application.call.title, application.enterprise.name, officer.district)),
                                             (.enterprise(application.$enterprise.id), Strings.Inbox.forwardedToEnterprise(application.call.title))])
    }

    // MARK: City bureau / secretariat

    /// The eligibility review: the engine evaluates again with today's facts and the officer's findings on
    /// the clauses that need human judgement; the officer decides, and both are recorded.
    func reviewEligibility(_ officer: CityOfficer, id: UUID, version: Int, pass: Bool, reason: String,
                           findings: [String: Bool]) async throws -> CallApplication {
        let application = try await visible(id, to: officer.user)
        let action: ApplicationAction = pass ? .passEligibility : .failEligibility
        guard let target = ApplicationWorkflow.target(of: action, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(action, application.stage))
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if !pass, trimmed.isEmpty {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["reason": Strings.Applications.reasonRequired])
        }
        let facts = try FactsEditing.addingAttestations(findings, to: application.factsSnapshotJSON ?? application.enterprise.factsJSON,
                                                       by: officer.user.displayName, on: today)
        let assessment = try assessor.assess(programmeID: application.call.programmeID, factsJSON: facts,
                                             on: today, deadline: application.call.closesOn)
        if pass, assessment.verdict == .notEligible || assessment.verdict == .policyNotInForce {
            throw AppError.conflict(Strings.Applications.engineSaysNo(assessment.summary))
        }
        if pass, assessment.verdict == .needsReviewerFindings {
            throw AppError.conflict(Strings.Applications.findingsOutstanding)
        }
        return try await transition(application, action: action, actor: officer.user.auditActor, expectedVersion: version, to: target,
                                    set: [("facts_snapshot_json", .string(facts)), ("evaluation_json", .string(assessment.evaluationJSON)),
                                          ("engine_verdict", .string(assessment.verdict.rawValue))],
                                    reason: trimmed.isEmpty ? nil : trimmed, assessment: assessment,
                                    notify: [(.enterprise(application.$enterprise.id), pass ? Strings.Inbox.eligible(application.call.title)
                                                                                           : Strings.Inbox.ineligible(application.call.title, trimmed))])
    }

    /// Material review and on-site review (spot verification): the findings, and whether they hold up.
    func recordOnSiteReview(_ officer: CityOfficer, id: UUID, version: Int, findings: String, pass: Bool) async throws -> CallApplication {
        let application = try await visible(id, to: officer.user)
        let action: ApplicationAction = pass ? .recordOnSiteReview : .failOnSiteReview
        guard let target = ApplicationWorkflow.target(of: action, from: application.stage) else {
            throw AppError.conflict(Strings.Applications.notAllowed(action, application.stage))
        }
        let trimmed = findings.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw AppError.invalid(Strings.Form.fixFields, fields: ["findings": Strings.Applications.findingsRequired])
        }
        return try await transition(application, action: action, actor: officer.user.auditActor, expectedVersion: version, to: target,
                                    set: [("onsite_findings", .string(trimmed))], reason: trimmed, assessment: nil,
                                    notify: pass ? [] : [(.enterprise(application.$enterprise.id), Strings.Inbox.ineligible(application.call.title, trimmed))])
    }

    // MARK: The one way a stage changes

    /// Applies one stage change in a write transaction and returns the application as it now stands.
    private func transition(_ application: CallApplication, action: ApplicationAction, actor: AuditActor, expectedVersion: Int,
                            to target: ApplicationStage, set values: [(String, ConditionalUpdate.Value)], reason: String?,
                            assessment: Assessment?, notify: [(Notifier.Audience, Strings.Inbox.Message)]) async throws -> CallApplication {
        let change = try await StageChange(applicationID: application.id!, from: application.stage, to: target, action: action, actor: actor,
                                           expectedVersion: expectedVersion, values: values, reason: reason, assessment: assessment, notify: notify)
            .readingRecipients(on: database)
        let at = now
        try await database.writeTransaction { tx in
            guard try await change.apply(on: tx, at: at) else { throw AppError.conflict(Strings.Applications.stale) }
        }
        return try await reread(application)
    }

    /// The application's row read again after a change made by this person, with the call and enterprise
    /// already read (a change of the application changes neither).
    private func reread(_ application: CallApplication) async throws -> CallApplication {
        guard let fresh = try await CallApplication.find(application.id, on: database) else {
            throw AppError.notFound(Strings.Applications.notFound)
        }
        fresh.$call.value = application.call
        fresh.$enterprise.value = application.enterprise
        return fresh
    }
}
