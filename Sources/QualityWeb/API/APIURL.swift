import Foundation
import Vapor

/// Every route of the JSON API. Routes are registered from these and `Location` headers are made from them;
/// `openapi.yaml` lists the same paths with the same parameter names, and a test compares the two.
enum APIURL: Sendable {
    case session
    case me
    case calls
    case call(Parameter<UUID>)
    case callStage(Parameter<UUID>)
    case callApplications(Parameter<UUID>)
    case enterprises
    case enterprise
    case enterpriseContact
    case enterpriseFacts
    case applications
    case application(Parameter<UUID>)
    case applicationForm(Parameter<UUID>)
    case applicationMaterial(Parameter<UUID>, Parameter<String>)
    case applicationAction(Parameter<UUID>, ApplicationActionPath)
    case inbox
    case inboxRead(Parameter<UUID>)
    case titleVerification
    case creditFile(Parameter<String>)
    case funds
    case fund(Parameter<UUID>)
    case fundMovements(Parameter<UUID>)
    case grants
    case grant(Parameter<UUID>)
    case grantAction(Parameter<UUID>, GrantActionPath)
    case disbursements
    case disbursement(Parameter<UUID>)
    case disbursementPaid(Parameter<UUID>)
    case grantHistory
    case openDataGrants

    static let prefix = ["api", "v1"]

    private enum Segment {
        case literal(String)
        case parameter(name: String, value: String?)
    }

    private var segments: [Segment] {
        switch self {
        case .session: [.literal("session")]
        case .me: [.literal("me")]
        case .calls: [.literal("calls")]
        case .call(let id): [.literal("calls"), Self.parameter("callId", id)]
        case .callStage(let id): [.literal("calls"), Self.parameter("callId", id), .literal("stage")]
        case .callApplications(let id): [.literal("calls"), Self.parameter("callId", id), .literal("applications")]
        case .enterprises: [.literal("enterprises")]
        case .enterprise: [.literal("enterprise")]
        case .enterpriseContact: [.literal("enterprise"), .literal("contact")]
        case .enterpriseFacts: [.literal("enterprise"), .literal("facts")]
        case .applications: [.literal("applications")]
        case .application(let id): [.literal("applications"), Self.parameter("applicationId", id)]
        case .applicationForm(let id): [.literal("applications"), Self.parameter("applicationId", id), .literal("form")]
        case .applicationMaterial(let id, let key):
            [.literal("applications"), Self.parameter("applicationId", id), .literal("materials"), Self.parameter("key", key)]
        case .applicationAction(let id, let action):
            [.literal("applications"), Self.parameter("applicationId", id), .literal(action.rawValue)]
        case .inbox: [.literal("inbox")]
        case .inboxRead(let id): [.literal("inbox"), Self.parameter("messageId", id), .literal("read")]
        case .titleVerification: [.literal("titles"), .literal("verify")]
        case .creditFile(let code): [.literal("credit"), Self.parameter("creditCode", code)]
        case .funds: [.literal("funds")]
        case .fund(let id): [.literal("funds"), Self.parameter("fundId", id)]
        case .fundMovements(let id): [.literal("funds"), Self.parameter("fundId", id), .literal("movements")]
        case .grants: [.literal("grants")]
        case .grant(let id): [.literal("grants"), Self.parameter("grantId", id)]
        case .grantAction(let id, let action): [.literal("grants"), Self.parameter("grantId", id), .literal(action.rawValue)]
        case .disbursements: [.literal("disbursements")]
        case .disbursement(let id): [.literal("disbursements"), Self.parameter("batchId", id)]
        case .disbursementPaid(let id): [.literal("disbursements"), Self.parameter("batchId", id), .literal("paid")]
        case .grantHistory: [.literal("grant-history")]
        case .openDataGrants: [.literal("open-data"), .literal("grants")]
        }
    }

    private static func parameter<T>(_ name: String, _ value: Parameter<T>) -> Segment {
        switch value {
        case .key: .parameter(name: name, value: nil)
        case .value(let value): .parameter(name: name, value: "\(value)")
        }
    }

    /// The path of a resource, e.g. `/api/v1/applications/6F1…`.
    var path: String {
        "/" + (Self.prefix + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(_, let value):
                value?.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? ""
            }
        }).joined(separator: "/")
    }

    /// The route pattern, e.g. `api/v1/calls/:callId`.
    var pathComponents: [PathComponent] {
        Self.prefix.map { .constant($0) } + segments.map { segment in
            switch segment {
            case .literal(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

extension RoutesBuilder {
    /// Registers an API handler that runs only for `Guard`'s role (401 without a session, 403 for another role).
    @discardableResult
    func api<Guard: RoleGuard, Output: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: APIURL, as guardType: Guard.Type,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request, Guard) async throws -> Output
    ) -> Route {
        on(method, url.pathComponents, body: body) { request async throws -> Output in
            try await handler(request, try request.require(Guard.self))
        }
    }

    /// Registers a public API handler.
    @discardableResult
    func api<Output: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: APIURL, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Output
    ) -> Route {
        on(method, url.pathComponents, body: body, use: handler)
    }
}
