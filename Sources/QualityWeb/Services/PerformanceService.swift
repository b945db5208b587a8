import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Performance evaluation of funded projects (seed 003 第六章): the city compares what was planned with what
/// was achieved and records its findings. An unsatisfactory result is sent to the grantee and flagged for the
/// officer's decision on recovering the money (which stays a separate, explicit act).
struct PerformanceService: Sendable {
    let database: any Database
    let clock: any WallClock

    static let evaluable: Set<GrantStage> = [.approved, .disbursed]

    func evaluate(_ officer: CityOfficer, grantID: UUID, planned: String, achieved: String, spent: String,
                  rating: String, findings: String) async throws -> PerformanceEvaluation {
        guard let grant = try await GrantApplication.find(grantID, on: database) else { throw AppError.notFound() }
        guard Self.evaluable.contains(grant.stage) else { throw AppError.conflict(Strings.Performance.notEvaluable) }
        var problems: [String: LocalizedText] = [:]
        let plannedText = planned.trimmingCharacters(in: .whitespacesAndNewlines)
        let achievedText = achieved.trimmingCharacters(in: .whitespacesAndNewlines)
        let findingsText = findings.trimmingCharacters(in: .whitespacesAndNewlines)
        if plannedText.isEmpty { problems["planned"] = Strings.Form.required(Strings.Performance.planned) }
        if achievedText.isEmpty { problems["achieved"] = Strings.Form.required(Strings.Performance.achieved) }
        if findingsText.isEmpty { problems["findings"] = Strings.Form.required(Strings.Performance.findings) }
        let chosen = PerformanceRating(rawValue: rating)
        if chosen == nil { problems["rating"] = Strings.Performance.chooseRating }
        var money: Money?
        if !spent.trimmingCharacters(in: .whitespaces).isEmpty {
            switch Money.parse(yuan: spent) {
            case .success(let value): money = value
            case .failure(let problem): problems["spent"] = problem.message
            }
        }
        guard problems.isEmpty, let chosen else { throw AppError.invalid(Strings.Form.fixFields, fields: problems) }
        let evaluation = PerformanceEvaluation(grantID: grantID, planned: plannedText, achieved: achievedText, spent: money,
                                               rating: chosen, findings: findingsText, evaluatedOn: clock.today(),
                                               evaluatedBy: officer.user.displayName)
        let at = clock.now()
        try await database.writeTransaction { tx in
            try await evaluation.create(on: tx)
            try await AuditChain.append(AuditEntry(actor: officer.user.auditActor, subjectType: "grant", subjectID: grantID.uuidString,
                                                   action: "performance_evaluation", reason: "\(chosen.rawValue): \(findingsText)",
                                                   occurredAt: at), on: tx)
            let message = Strings.Performance.inbox(chosen, findingsText)
            try await Notifier.notify(.enterprise(grant.$enterprise.id), subject: message.subject, body: message.body,
                                      link: SiteURL.grant(.value(grantID)).path, at: at, on: tx)
            if chosen == .unsatisfactory {
                let flag = Strings.Performance.flagForCity(grant.reference)
                try await Notifier.notify(.city, subject: flag.subject, body: flag.body, link: SiteURL.grant(.value(grantID)).path, at: at, on: tx)
            }
        }
        return evaluation
    }
}

extension Strings {
    enum Performance {
        static let title = T(zh: "绩效评价", en: "Performance evaluation")
        static let planned = T(zh: "计划目标", en: "Planned")
        static let achieved = T(zh: "实际完成", en: "Achieved")
        static let spent = T(zh: "经核实的资金使用（元）", en: "Money spent, as found (yuan)")
        static let rating = T(zh: "评价等级", en: "Rating")
        static let findings = T(zh: "评价意见", en: "Findings")
        static let record = T(zh: "记录绩效评价", en: "Record the evaluation")
        static let chooseRating = T(zh: "请选择评价等级", en: "Choose a rating")
        static let notEvaluable = T(zh: "只有已批准或已拨付的资助可以进行绩效评价", en: "Only approved or paid grants are evaluated")

        static func name(_ rating: PerformanceRating) -> T {
            switch rating {
            case .excellent: T(zh: "优秀", en: "Excellent")
            case .good: T(zh: "良好", en: "Good")
            case .satisfactory: T(zh: "合格", en: "Satisfactory")
            case .unsatisfactory: T(zh: "不合格", en: "Unsatisfactory")
            }
        }

        static func inbox(_ rating: PerformanceRating, _ findings: String) -> Strings.Inbox.Message {
            (T(zh: "资助项目绩效评价：\(name(rating).zh)", en: "Performance evaluation: \(name(rating).en)"),
             T(zh: "您的资助项目绩效评价结果为“\(name(rating).zh)”。评价意见：\(findings)", en: "Your funded project was rated “\(name(rating).en)”. Findings: \(findings)"))
        }

        static func flagForCity(_ reference: String) -> Strings.Inbox.Message {
            (T(zh: "绩效评价不合格：\(reference)", en: "Unsatisfactory evaluation: \(reference)"),
             T(zh: "资助 \(reference) 绩效评价不合格，请决定是否责令整改或收回资金。", en: "Grant \(reference) was rated unsatisfactory; decide on rectification or recovery."))
        }
    }
}
