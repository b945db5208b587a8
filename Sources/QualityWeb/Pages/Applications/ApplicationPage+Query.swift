import Fluent
import Foundation
import QualityRules
import QualityStorage

extension ApplicationPage.Model {
    static func query(_ application: CallApplication, user: SignedInUser, on database: any Database,
                      assessor: any ApplicationAssessor, today: CalendarDate) async throws -> Self {
        let id = application.id!
        let attached = try await ApplicationMaterial.query(on: database).filter(\.$application.$id == id).with(\.$file).all()
        let byKey = Dictionary(attached.map { ($0.materialKey, $0.file) }, uniquingKeysWith: { _, last in last })
        let materials = application.call.materials.map { material in
            MaterialRow(key: material.key, title: material.title, required: material.required,
                        file: byKey[material.key].map { FileRow(id: $0.id!, name: $0.displayName, size: $0.size) })
        }
        let history = try await AuditEvent.query(on: database)
            .filter(\.$subjectType == "application").filter(\.$subjectID == id.uuidString)
            .sort(\.$id).all()
            .map { HistoryRow(at: $0.occurredAt, actorName: $0.actorName, actorRole: $0.actorRole, action: $0.action,
                              from: $0.fromStage, to: $0.toStage, reason: $0.reason) }
        let actor: WorkflowActor? = switch user.role {
        case .enterprise: .enterprise
        case .districtOfficer: .district
        case .cityOfficer: .city
        default: nil
        }
        var evaluation = application.evaluationJSON
        if evaluation == nil, user.role == .enterprise {
            // Before submission the applicant sees what the engine would say today.
            evaluation = try? assessor.assess(programmeID: application.call.programmeID, factsJSON: application.enterprise.factsJSON,
                                              on: today, deadline: application.call.closesOn).evaluationJSON
        }
        return Self(
            id: id, version: application.version, stage: application.stage, callID: application.$call.id,
            callTitle: application.call.title, programmeID: application.call.programmeID, closesOn: application.call.closesOn,
            enterpriseName: application.enterprise.name, creditCode: application.enterprise.creditCode, district: application.district,
            form: JSONText.decode(ApplicationForm.self, from: application.formJSON) ?? .prefilled(from: application.enterprise),
            submittedAt: application.submittedAt, materials: materials,
            returnReason: application.returnReason, returnDeadline: application.returnDeadline,
            preliminaryOpinion: application.preliminaryOpinion, recommendation: application.districtRecommendation,
            onSiteFindings: application.onSiteFindings, evaluationJSON: evaluation,
            pendingFindings: evaluation.map { assessor.pendingFindings(programmeID: application.call.programmeID, evaluationJSON: $0) } ?? [],
            history: history,
            actions: actor.map { ApplicationWorkflow.actions(for: $0, in: application.stage) } ?? [],
            viewerRole: user.role, notice: nil, error: nil, inputs: [:])
    }
}
