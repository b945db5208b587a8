import Foundation
import QualityRules
import Vapor

/// A path parameter: `.key` where a route is registered, `.value(x)` where a link is made.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// Every page of the site. Routes are registered from these and links are made from these, so a link cannot
/// point at a route that does not exist.
enum SiteURL: Sendable {
    case home
    case healthz
    /// No database, no page: the ceiling a load test compares the real pages with.
    case ping
    case metrics
    case login
    case logout
    case language(Language)
    case calls
    case call(Parameter<UUID>)
    case callApply(Parameter<UUID>)
    case signup
    case enterpriseHome
    case enterpriseProfile
    case enterpriseContact
    case enterpriseFactsWorkbook
    case enterpriseFacts
    case enterpriseEvidence
    case enterpriseEvidenceFile(Parameter<UUID>)
    case applications
    case application(Parameter<UUID>)
    case applicationPrint(Parameter<UUID>)
    case applicationForm(Parameter<UUID>)
    case applicationMaterials(Parameter<UUID>)
    case applicationFile(Parameter<UUID>, Parameter<UUID>)
    case applicationAction(Parameter<UUID>, ApplicationActionPath)
    case inbox
    case inboxRead(Parameter<UUID>)
    case adminCalls
    case adminCallNew
    case adminCallStage(Parameter<UUID>)
    case adminAccounts
    case reviews
    case review(Parameter<UUID>)
    case reviewDeclare(Parameter<UUID>)
    case reviewScores(Parameter<UUID>)
    case adminCallReview(Parameter<UUID>)
    case adminCallDraw(Parameter<UUID>)
    case adminCallRubric(Parameter<UUID>)
    case adminCallNotice(Parameter<UUID>)
    case adminCallFinal(Parameter<UUID>)
    case adminCallBackfill(Parameter<UUID>)
    case adminComplaint(Parameter<UUID>)
    case adminExperts
    case committee
    case committeeCall(Parameter<UUID>)
    case committeeApprove(Parameter<UUID>)
    case notices
    case notice(Parameter<UUID>)
    case noticeComplaint(Parameter<UUID>)
    case verify
    case certificate(Parameter<String>)
    case titles
    case title(Parameter<UUID>)
    case titleReports(Parameter<UUID>)
    case titleChanges(Parameter<UUID>)
    case titleEnd(Parameter<UUID>)
    case changeForward(Parameter<UUID>)
    case changeRecord(Parameter<UUID>)
    case reReviewDecide(Parameter<UUID>)
    case adminAccountDeactivate(Parameter<UUID>)
    // City quality targets, the credit file and the public portal (issue 9).
    case targets
    case targetIndicator(Parameter<UUID>)
    case targetIndicatorReports(Parameter<UUID>)
    case targetReport
    case targetEvidence(Parameter<UUID>)
    case targetAnnual(Parameter<Int>)
    case targetAnnualExport(Parameter<Int>)
    case adminTargets
    case adminTargetPeriods
    case credit
    case creditFile(Parameter<String>)
    case creditRecords(Parameter<String>)
    case policies
    case policy(Parameter<String>)
    case calculator
    case funds
    case fundNew
    case fund(Parameter<UUID>)
    case fundMovements(Parameter<UUID>)
    case fundHistory
    case fundExport(FundExportFile)
    case grants
    case grantNew
    case grant(Parameter<UUID>)
    case grantAction(Parameter<UUID>, GrantActionPath)
    case grantEvidenceFile(Parameter<UUID>, Parameter<UUID>)
    case disbursements
    case disbursement(Parameter<UUID>)
    case disbursementPaid(Parameter<UUID>)
    case openData(OpenDataFile)
    case matching
    case matchingRun
    case matchingProgramme(Parameter<String>)
    case matchingExport(Parameter<String>, Parameter<String>)
    case enterpriseMatches
    case sandbox
    case sandboxExample
    case sandboxDraft(Parameter<UUID>)
    case sandboxCompare(Parameter<UUID>)

    private enum Segment {
        case literal(String)
        case parameter(name: String, value: String?)
    }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .healthz: [.literal("healthz")]
        case .ping: [.literal("ping")]
        case .metrics: [.literal("metrics")]
        case .login: [.literal("login")]
        case .logout: [.literal("logout")]
        case .language(let language): [.literal("language"), .literal(language == .zh ? "zh" : "en")]
        case .calls: [.literal("calls")]
        case .call(let id): [.literal("calls"), Self.parameter("callID", id)]
        case .callApply(let id): [.literal("calls"), Self.parameter("callID", id), .literal("apply")]
        case .signup: [.literal("signup")]
        case .enterpriseHome: [.literal("enterprise")]
        case .enterpriseProfile: [.literal("enterprise"), .literal("profile")]
        case .enterpriseContact: [.literal("enterprise"), .literal("profile"), .literal("contact")]
        case .enterpriseFactsWorkbook: [.literal("enterprise"), .literal("facts.xlsx")]
        case .enterpriseFacts: [.literal("enterprise"), .literal("facts")]
        case .enterpriseEvidence: [.literal("enterprise"), .literal("evidence")]
        case .enterpriseEvidenceFile(let id): [.literal("enterprise"), .literal("evidence"), Self.parameter("fileID", id)]
        case .applications: [.literal("applications")]
        case .application(let id): [.literal("applications"), Self.parameter("applicationID", id)]
        case .applicationPrint(let id): [.literal("applications"), Self.parameter("applicationID", id), .literal("print")]
        case .applicationForm(let id): [.literal("applications"), Self.parameter("applicationID", id), .literal("form")]
        case .applicationMaterials(let id): [.literal("applications"), Self.parameter("applicationID", id), .literal("materials")]
        case .applicationFile(let id, let file):
            [.literal("applications"), Self.parameter("applicationID", id), .literal("files"), Self.parameter("fileID", file)]
        case .applicationAction(let id, let action):
            [.literal("applications"), Self.parameter("applicationID", id), .literal(action.rawValue)]
        case .inbox: [.literal("inbox")]
        case .inboxRead(let id): [.literal("inbox"), Self.parameter("messageID", id), .literal("read")]
        case .adminCalls: [.literal("admin"), .literal("calls")]
        case .adminCallNew: [.literal("admin"), .literal("calls"), .literal("new")]
        case .adminCallStage(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("stage")]
        case .adminAccounts: [.literal("admin"), .literal("accounts")]
        case .reviews: [.literal("reviews")]
        case .review(let id): [.literal("reviews"), Self.parameter("assignmentID", id)]
        case .reviewDeclare(let id): [.literal("reviews"), Self.parameter("assignmentID", id), .literal("declare")]
        case .reviewScores(let id): [.literal("reviews"), Self.parameter("assignmentID", id), .literal("scores")]
        case .adminCallReview(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("review")]
        case .adminCallDraw(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("draw")]
        case .adminCallRubric(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("rubric")]
        case .adminCallNotice(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("notice")]
        case .adminCallFinal(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("final")]
        case .adminCallBackfill(let id): [.literal("admin"), .literal("calls"), Self.parameter("callID", id), .literal("backfill")]
        case .adminComplaint(let id): [.literal("admin"), .literal("complaints"), Self.parameter("complaintID", id)]
        case .adminExperts: [.literal("admin"), .literal("experts")]
        case .committee: [.literal("committee")]
        case .committeeCall(let id): [.literal("committee"), Self.parameter("callID", id)]
        case .committeeApprove(let id): [.literal("committee"), Self.parameter("callID", id), .literal("approve")]
        case .notices: [.literal("notices")]
        case .notice(let id): [.literal("notices"), Self.parameter("callID", id)]
        case .noticeComplaint(let id): [.literal("notices"), Self.parameter("callID", id), .literal("complaints")]
        case .verify: [.literal("verify")]
        case .certificate(let number): [.literal("certificates"), Self.parameter("number", number)]
        case .titles: [.literal("titles")]
        case .title(let id): [.literal("titles"), Self.parameter("titleID", id)]
        case .titleReports(let id): [.literal("titles"), Self.parameter("titleID", id), .literal("reports")]
        case .titleChanges(let id): [.literal("titles"), Self.parameter("titleID", id), .literal("changes")]
        case .titleEnd(let id): [.literal("titles"), Self.parameter("titleID", id), .literal("end")]
        case .changeForward(let id): [.literal("changes"), Self.parameter("changeID", id), .literal("forward")]
        case .changeRecord(let id): [.literal("changes"), Self.parameter("changeID", id), .literal("record")]
        case .reReviewDecide(let id): [.literal("rereviews"), Self.parameter("reReviewID", id)]
        case .adminAccountDeactivate(let id): [.literal("admin"), .literal("accounts"), Self.parameter("accountID", id), .literal("deactivate")]
        case .targets: [.literal("targets")]
        case .targetIndicator(let id): [.literal("targets"), .literal("indicators"), Self.parameter("indicatorID", id)]
        case .targetIndicatorReports(let id): [.literal("targets"), .literal("indicators"), Self.parameter("indicatorID", id), .literal("reports")]
        case .targetReport: [.literal("targets"), .literal("report")]
        case .targetEvidence(let id): [.literal("targets"), .literal("reports"), Self.parameter("reportID", id), .literal("evidence")]
        case .targetAnnual(let year): [.literal("targets"), .literal("annual"), Self.parameter("year", year)]
        case .targetAnnualExport(let year): [.literal("targets"), .literal("annual"), Self.parameter("year", year), .literal("xlsx")]
        case .adminTargets: [.literal("admin"), .literal("targets")]
        case .adminTargetPeriods: [.literal("admin"), .literal("targets"), .literal("periods")]
        case .credit: [.literal("credit")]
        case .creditFile(let code): [.literal("credit"), Self.parameter("creditCode", code)]
        case .creditRecords(let code): [.literal("credit"), Self.parameter("creditCode", code), .literal("records")]
        case .policies: [.literal("policies")]
        case .policy(let id): [.literal("policies"), Self.parameter("policyID", id)]
        case .calculator: [.literal("calculator")]
        case .funds: [.literal("funds")]
        case .fundNew: [.literal("funds"), .literal("new")]
        case .fund(let id): [.literal("funds"), Self.parameter("fundID", id)]
        case .fundMovements(let id): [.literal("funds"), Self.parameter("fundID", id), .literal("movements")]
        case .fundHistory: [.literal("funds"), .literal("history")]
        case .fundExport(let file): [.literal("funds"), .literal("exports"), .literal(file.rawValue)]
        case .grants: [.literal("grants")]
        case .grantNew: [.literal("grants"), .literal("new")]
        case .grant(let id): [.literal("grants"), Self.parameter("grantID", id)]
        case .grantAction(let id, let action): [.literal("grants"), Self.parameter("grantID", id), .literal(action.rawValue)]
        case .grantEvidenceFile(let id, let file):
            [.literal("grants"), Self.parameter("grantID", id), .literal("evidence"), Self.parameter("fileID", file)]
        case .disbursements: [.literal("disbursements")]
        case .disbursement(let id): [.literal("disbursements"), Self.parameter("batchID", id)]
        case .disbursementPaid(let id): [.literal("disbursements"), Self.parameter("batchID", id), .literal("paid")]
        case .openData(let file): [.literal("open-data"), .literal(file.rawValue)]
        case .matching: [.literal("matching")]
        case .matchingRun: [.literal("matching"), .literal("run")]
        case .matchingProgramme(let id): [.literal("matching"), .literal("programmes"), Self.parameter("programmeID", id)]
        case .matchingExport(let id, let format):
            [.literal("matching"), .literal("programmes"), Self.parameter("programmeID", id), .literal("export"), Self.parameter("format", format)]
        case .enterpriseMatches: [.literal("enterprise"), .literal("matches")]
        case .sandbox: [.literal("sandbox")]
        case .sandboxExample: [.literal("sandbox"), .literal("example")]
        case .sandboxDraft(let id): [.literal("sandbox"), .literal("drafts"), Self.parameter("draftID", id)]
        case .sandboxCompare(let id): [.literal("sandbox"), .literal("drafts"), Self.parameter("draftID", id), .literal("compare")]
        }
    }

    private static func parameter<T>(_ name: String, _ value: Parameter<T>) -> Segment {
        switch value {
        case .key: .parameter(name: name, value: nil)
        case .value(let value): .parameter(name: name, value: "\(value)")
        }
    }

    /// The path of a link, e.g. `/calls/6F1…`.
    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(_, let value): value ?? ""
            }
        }.joined(separator: "/")
    }

    /// The route pattern, e.g. `calls/:callID`.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .literal(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

/// The actions on an application that have their own POST route.
enum ApplicationActionPath: String, CaseIterable, Sendable {
    case submit, withdraw
    case returnForCorrection = "return"
    case forward
    case eligibility
    case onsite
}

extension Request {
    /// A UUID path parameter, or a 404 (not a 500) when it is not one.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw AppError.notFound() }
        return id
    }
}
