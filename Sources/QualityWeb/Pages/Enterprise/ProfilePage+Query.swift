import Fluent
import Foundation
import QualityRules
import QualityStorage

extension ProfilePage.Model {
    /// The profile of one enterprise; with `verdicts`, also what the engine says for each call open today.
    static func query(enterpriseID: UUID, on database: any Database, assessor: any ApplicationAssessor,
                      today: CalendarDate, verdicts: Bool) async throws -> Self {
        guard let enterprise = try await Enterprise.find(enterpriseID, on: database) else { throw AppError.forbidden }
        let files = try await EvidenceFile.query(on: database).filter(\.$enterprise.$id == enterpriseID)
            .sort(\.$createdAt, .descending).all()
        let materials = Set(try await ApplicationMaterial.query(on: database)
            .filter(\.$file.$id ~~ files.compactMap(\.id)).all().map(\.$file.id))
        let evidence = files.map {
            EvidenceRow(id: $0.id!, name: $0.displayName, size: $0.size, label: $0.label, uploadedAt: $0.createdAt,
                        isMaterial: materials.contains($0.id!))
        }
        let last = try await AuditEvent.query(on: database)
            .filter(\.$subjectType == "enterprise").filter(\.$subjectID == enterpriseID.uuidString)
            .filter(\.$action == "update_facts").sort(\.$id, .descending).first()
        var model = Self(
            name: enterprise.name, creditCode: enterprise.creditCode, city: enterprise.city, district: enterprise.district,
            contactName: enterprise.contactName, contactPhone: enterprise.contactPhone, factsVersion: enterprise.factsVersion,
            facts: JSONText.decode(EnterpriseFacts.self, from: enterprise.factsJSON), today: today, evidence: evidence,
            lastUpdate: last.map { LastUpdate(at: $0.occurredAt, by: $0.actorName, summary: $0.reason ?? "") })
        if verdicts {
            let calls = try await Call.query(on: database).filter(\.$stage == .open).sort(\.$closesOn).all()
                .filter { $0.isAccepting(on: today) }
            model.verdicts = calls.map { call in
                Verdict(callID: call.id!, title: call.title, closesOn: call.closesOn,
                        assessment: try? assessor.assess(programmeID: call.programmeID, factsJSON: enterprise.factsJSON,
                                                         on: today, deadline: call.closesOn))
            }
        }
        return model
    }
}
