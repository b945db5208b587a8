import Fluent
import Foundation
import QualityRules
import QualityStorage

/// 002 第九条: "对初次通过江门市企业质量提升创新中心评审的企业给予一次性 10 万元的经费资助". When a title of a
/// recognition programme that carries a grant is issued, the grant application is made for it at once —
/// first time only (an earlier title or grant of the programme withholds it, and the audit says why). The
/// city bureau then approves it like any other, against a fund of the policy's year.
enum GrantFromTitle {
    /// The one matter a one-off grant funds: the enterprise's first pass of the programme.
    static func matter(programmeID: String) -> String { "title:\(programmeID)" }

    /// Called by `NoticeService.publishFinal` inside its transaction for every title it issues. Returns the
    /// grant application made, or nil when the programme pays nothing or the money is withheld.
    @discardableResult
    static func titleGranted(_ title: Title, actor: AuditActor, at: Date, assessor: any ApplicationAssessor,
                             on tx: any Database) async throws -> GrantApplication? {
        guard let engine = try? GrantEngine.from(assessor),
              let (policy, programme) = engine.programme(title.programmeID), programme.kind == .recognition,
              let award = programme.award else { return nil }
        switch award.amount {
        case .fixed(let money) where money.fen > 0: break
        default: return nil
        }
        guard let titleID = title.id, let enterprise = try await Enterprise.find(title.$enterprise.id, on: tx) else { return nil }
        let matters = [matter(programmeID: programme.id)]
        var evaluation: Evaluation?
        if let facts = try? GrantEngine.facts(of: enterprise) {
            let history = try await GrantEngine.history(enterpriseID: enterprise.id!, declared: facts.history, excludingTitle: titleID, on: tx)
            evaluation = try? engine.evaluate(programmeID: programme.id, facts: facts, history: history, matters: matters,
                                              claim: GrantClaim(), findings: [:], by: actor.name, on: title.grantedOn, drafts: false)
        }
        if let evaluation, evaluation.award?.withheld == true {
            try await AuditChain.append(AuditEntry(
                actor: actor, subjectType: "title", subjectID: titleID.uuidString, action: "grant_withheld",
                reason: evaluation.award?.explanation.zh, ruleVersion: policy.version, occurredAt: at), on: tx)
            return nil
        }
        let year = title.grantedOn.year
        let fund = try await Fund.query(on: tx).filter(\.$sandbox == false)
            .filter(\.$scopeKey ~~ [Fund.scopeKey(policyID: policy.id, programmeID: programme.id, year: year),
                                    Fund.scopeKey(policyID: policy.id, programmeID: nil, year: year)])
            .sort(\.$programmeID, .descending).first()
        let grant = GrantApplication(fundID: fund?.id, enterpriseID: enterprise.id!, policyID: policy.id, programmeID: programme.id,
                                     origin: .title, titleID: titleID, matters: matters, claim: GrantClaim(),
                                     statement: title.certificateNumber, sandbox: false, submittedAt: at)
        if let evaluation { GrantService.record(evaluation, on: grant) }
        try await grant.create(on: tx)
        try await AuditChain.append(AuditEntry(
            actor: actor, subjectType: "grant", subjectID: grant.id!.uuidString, action: "grant_from_title",
            toStage: GrantStage.submitted.rawValue, reason: title.certificateNumber, ruleVersion: grant.ruleVersion,
            explanation: grant.evaluationJSON, occurredAt: at), on: tx)
        let message = Strings.Funds.Inbox.fromTitle(programme.title, enterprise.name, Money(fen: grant.offered ?? 0))
        let link = SiteURL.grant(.value(grant.id!)).path
        try await Notifier.notify(.city, subject: message.subject, body: message.body, link: link, at: at, on: tx)
        try await Notifier.notify(.role(.finance), subject: message.subject, body: message.body, link: link, at: at, on: tx)
        return grant
    }
}
