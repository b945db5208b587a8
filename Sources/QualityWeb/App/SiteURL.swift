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

extension Request {
    /// A UUID path parameter, or a 404 (not a 500) when it is not one.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw AppError.notFound() }
        return id
    }
}
