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
    case adminAccountDeactivate(Parameter<UUID>)

    private enum Segment {
        case literal(String)
        case parameter(name: String, value: String?)
    }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .healthz: [.literal("healthz")]
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
        case .adminAccountDeactivate(let id): [.literal("admin"), .literal("accounts"), Self.parameter("accountID", id), .literal("deactivate")]
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
