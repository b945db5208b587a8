import Fluent
import Foundation
import QualityRules
import QualityStorage

extension ApplicationPage.Model {
    /// Who sat on the panel, what each scored, and who complained are for the city bureau only: experts stay
    /// anonymous to applicants, and an expert must not see another's score before submitting their own.
    static let cityOnlyActions: Set<String> = ["declare_no_conflict", "recuse", "submit_scores", "complaint_filed",
                                               "complaint_substantiated", "complaint_unsubstantiated"]

    static func query(_ application: CallApplication, user: SignedInUser, on database: any Database,
                      assessor: any ApplicationAssessor, today: CalendarDate, creditGrade: Bool = true) async throws -> Self {
        let id = application.id!
        let attached = try await ApplicationMaterial.query(on: database).filter(\.$application.$id == id).with(\.$file).all()
        let byKey = Dictionary(attached.map { ($0.materialKey, $0.file) }, uniquingKeysWith: { _, last in last })
        let materials = application.call.materials.map { material in
            MaterialRow(key: material.key, title: material.title, required: material.required,
                        file: byKey[material.key].map(FileRow.init))
        }
        let history = try await AuditEvent.query(on: database)
            .filter(\.$subjectType == "application").filter(\.$subjectID == id.uuidString)
            .sort(\.$id).all()
            .filter { user.role == .cityOfficer || !Self.cityOnlyActions.contains($0.action) }
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
            let facts = try await FactsAssembler.assemble(application.enterprise, on: database)
            evaluation = try? assessor.assess(programmeID: application.call.programmeID, factsJSON: facts,
                                              on: today, deadline: application.call.closesOn).evaluationJSON
        }
        let resultOut: Set<ApplicationStage> = [.selected, .notSelected, .disqualified]
        let mayReadOpinions = [.cityOfficer, .committee].contains(user.role) || (user.role == .enterprise && resultOut.contains(application.stage))
        let opinions = mayReadOpinions ? try await Self.opinions(application, on: database, assessor: assessor) : []
        // The page shows the enterprise's credit grade; the API's detail does not need it (three queries and a validation).
        var credit: CreditAssessment?
        if creditGrade {
            let facts = try await FactsAssembler.assemble(application.enterprise, on: database)
            credit = (try? EnterpriseFacts.validate(data: Data(facts.utf8)).get()).map { CreditGrading.assess($0, on: today) }
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
            opinions: opinions, viewerRole: user.role, notice: nil, error: nil, inputs: [:], credit: credit)
    }
}

extension ApplicationPage.Model {
    static func opinions(_ application: CallApplication, on database: any Database, assessor: any ApplicationAssessor) async throws -> [Opinion] {
        let seats = try await PanelAssignment.query(on: database).filter(\.$application.$id == application.id!)
            .filter(\.$status == .submitted).sort(\.$submittedAt).all()
        guard !seats.isEmpty,
              let rubric = try? assessor.scoringRubric(programmeID: application.call.programmeID, customYAML: application.call.rubricYAML)
        else { return [] }
        let scores = try await ExpertScore.query(on: database).filter(\.$assignment.$id ~~ seats.compactMap(\.id)).all()
        let letters = Array("ABCDEFGHIJ")
        return seats.enumerated().map { index, seat in
            let mine = scores.filter { $0.$assignment.id == seat.id }
            return Opinion(expert: String(letters[index % letters.count]), total: mine.reduce(0) { $0 + $1.points },
                           opinion: seat.opinion ?? "",
                           indicators: rubric.indicators.map { indicator in
                               let score = mine.first { $0.indicatorID == indicator.id }
                               return (indicator.name, score?.points ?? 0, indicator.maximum, score?.justification ?? "")
                           })
        }
    }
}
