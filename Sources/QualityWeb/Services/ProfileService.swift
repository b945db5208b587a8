import Fluent
import Foundation
import QualityRules
import QualityStorage

/// What an enterprise changes about itself: its facts (from the workbook), its contact, its evidence files.
/// Each change is one write transaction with its audit row; refused input changes nothing.
struct ProfileService: Sendable {
    let database: any Database
    let clock: any WallClock
    let uploads: UploadStore

    var now: Date { clock.now() }

    struct FactsUpdate: Sendable {
        /// The version now stored (unchanged when the upload changed nothing).
        var version: Int
        var changed: Bool
        var summary: LocalizedText
    }

    /// Replaces the facts with an uploaded workbook's. Throws `FactsWorkbook.Refusal` listing every problem,
    /// or an `AppError`; either way nothing is written.
    func updateFacts(_ enterprise: EnterpriseUser, workbook: Data) async throws -> FactsUpdate {
        guard let company = try await Enterprise.find(enterprise.enterpriseID, on: database) else { throw AppError.forbidden }
        guard let stored = JSONText.decode(EnterpriseFacts.self, from: company.factsJSON) else {
            throw AppError.conflict(Strings.FactsWorkbook.factsUnreadable)
        }
        let facts = try FactsWorkbook.read(workbook, replacing: stored).get()
        let version = company.factsVersion
        guard facts != stored else {
            return FactsUpdate(version: version, changed: false, summary: Strings.Profile.unchanged)
        }
        let summary = LocalizedText.joined([Strings.Profile.versionChange(version, version + 1)] + Self.changes(from: stored, to: facts))
        let json = JSONText.encode(facts)
        let id = enterprise.enterpriseID
        let at = now
        try await database.writeTransaction { tx in
            // Two uploads at once: the one that read the current version wins, the other is told to reload.
            let moved = try await ConditionalUpdate.run(
                table: Enterprise.schema, id: id,
                set: [("facts_json", .string(json)), ("facts_version", .increment(1)), ("updated_at", .date(at))],
                where: [.equals("facts_version", .int(version))], on: tx)
            guard moved else { throw AppError.conflict(Strings.Profile.stale) }
            try await AuditChain.append(AuditEntry(
                actor: enterprise.user.auditActor, subjectType: "enterprise", subjectID: id.uuidString,
                action: "update_facts", reason: summary.zh, occurredAt: at), on: tx)
        }
        return FactsUpdate(version: version + 1, changed: true, summary: summary)
    }

    /// What changed, section by section, as counts before → after ("专利 5 → 6").
    static func changes(from old: EnterpriseFacts, to new: EnterpriseFacts) -> [LocalizedText] {
        typealias S = Strings.FactsWorkbook.Sheets
        var parts: [LocalizedText] = []
        func records<Record: Equatable>(_ section: LocalizedText, _ before: [Record], _ after: [Record]) {
            guard before != after else { return }
            parts.append(Strings.Profile.countChange(section, before.count, after.count, edited: before.count == after.count))
        }
        if old.registration != new.registration || old.staff.fullTimeQualityStaff != new.staff.fullTimeQualityStaff
            || old.chiefQualityOfficer != new.chiefQualityOfficer {
            parts.append(Strings.Profile.sectionEdited(S.registration))
        }
        records(S.certifications, old.certifications, new.certifications)
        records(S.taxes, old.taxes, new.taxes)
        records(S.events, old.events, new.events)
        records(S.patents, old.patents, new.patents)
        records(S.standards, old.standards, new.standards)
        records(S.secretariats, old.secretariats, new.secretariats)
        records(S.trademarks, old.trademarks, new.trademarks)
        records(S.awards, old.awards, new.awards)
        records(S.labs, old.labs, new.labs)
        records(S.projects, old.projects, new.projects)
        records(S.professionalTitles, old.staff.professionalTitles, new.staff.professionalTitles)
        records(S.practices, old.practices, new.practices)
        return parts
    }

    // MARK: Contact

    func updateContact(_ enterprise: EnterpriseUser, name: String, phone: String) async throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String: LocalizedText] = [:]
        if name.isEmpty { problems["contactName"] = Strings.Form.required(Strings.Form.contactName) }
        if name.count > 50 { problems["contactName"] = Strings.Profile.contactNameTooLong }
        if !ApplicationForm.isPhone(phone) { problems["contactPhone"] = Strings.Form.badPhone }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let id = enterprise.enterpriseID
        let at = now
        try await database.writeTransaction { tx in
            guard let company = try await Enterprise.find(id, on: tx) else { throw AppError.forbidden }
            company.contactName = name
            company.contactPhone = phone
            try await company.save(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: enterprise.user.auditActor, subjectType: "enterprise", subjectID: id.uuidString,
                action: "update_contact", reason: "\(name) \(phone)", occurredAt: at), on: tx)
        }
    }

    // MARK: Evidence files

    /// Keeps an evidence file for the facts, with what it proves.
    func attachEvidence(_ enterprise: EnterpriseUser, data: Data, filename: String, label: String) async throws -> EvidenceFile {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        if label.isEmpty { throw AppError.invalid(Strings.Form.fixFields, fields: ["label": Strings.Profile.labelRequired]) }
        if label.count > 120 { throw AppError.invalid(Strings.Form.fixFields, fields: ["label": Strings.Profile.labelTooLong]) }
        let stored = try uploads.store(data: data, filename: filename)
        let file = EvidenceFile(sha256: stored.sha256, displayName: stored.displayName, contentType: stored.kind.contentType,
                                size: stored.size, enterpriseID: enterprise.enterpriseID, uploadedBy: enterprise.user.accountID)
        file.label = label
        let at = now
        try await database.writeTransaction { tx in
            try await file.create(on: tx)
            try await AuditChain.append(AuditEntry(
                actor: enterprise.user.auditActor, subjectType: "enterprise", subjectID: enterprise.enterpriseID.uuidString,
                action: "attach_evidence", reason: "\(label): \(stored.displayName) (sha256 \(stored.sha256))", occurredAt: at), on: tx)
        }
        return file
    }

    /// The file, if this person may download it: the enterprise it belongs to, or — for a file attached to
    /// one of that enterprise's applications — whoever may see that application (its district, the city).
    /// Anyone else is told it does not exist.
    func downloadable(_ fileID: UUID, by user: SignedInUser) async throws -> EvidenceFile {
        guard let file = try await EvidenceFile.find(fileID, on: database), let owner = file.$enterprise.id else {
            throw AppError.notFound()
        }
        if user.role == .enterprise, user.enterpriseID == owner { return file }
        let materials = try await ApplicationMaterial.query(on: database).filter(\.$file.$id == fileID).with(\.$application).all()
        let visible = materials.contains { material in
            material.application.$enterprise.id == owner && user.role != .enterprise
                && ApplicationService.canSee(material.application, user: user)
        }
        guard visible else { throw AppError.notFound() }
        return file
    }
}
