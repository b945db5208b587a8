import Foundation
import QualityRules
import Vapor

/// Registers the JSON API and its description.
enum API {
    static func register(on app: Application) {
        let routes = app.grouped(APIMiddleware())
        SessionAPI.register(on: routes)
        CallsAPI.register(on: routes)
        EnterpriseAPI.register(on: routes)
        ApplicationsAPI.register(on: routes)
        InboxAPI.register(on: routes)
        TitlesAPI.register(on: routes)
        CreditAPI.register(on: routes)
        FundsAPI.register(on: routes)
        registerMethodNotAllowed(on: app, routes: routes)
        OpenAPIDocument.register(on: app)
    }

    /// Marks the routes that only answer 405, so that route listings (and the contract test) can leave them out.
    static let methodNotAllowedKey = "qualitycity.methodNotAllowed"

    /// Another method on an API path answers 405 with `Allow`, not 404: the resource is there. (HEAD follows GET.)
    static func registerMethodNotAllowed(on app: Application, routes: any RoutesBuilder) {
        var byPath: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in app.routes.all where route.path.first == .constant("api") {
            let key = route.path.map(\.description).joined(separator: "/")
            byPath[key, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let candidates: [HTTPMethod] = [.GET, .PUT, .POST, .DELETE, .PATCH, .OPTIONS, .TRACE, .RAW(value: "QUERY")]
        for (path, methods) in byPath.values {
            let allow = methods.sorted().joined(separator: ", ")
            for method in candidates where !methods.contains(method.rawValue) {
                let route = routes.on(method, path) { request -> Response in
                    let error = AppError(.methodNotAllowed, code: "method_not_allowed",
                                         Strings.API.methodNotAllowed(request.method.rawValue, allow: allow))
                    let response = ErrorRenderingMiddleware.response(for: error, request: request)
                    response.headers.replaceOrAdd(name: .allow, value: allow)
                    return response
                }
                route.userInfo[methodNotAllowedKey] = true
            }
        }
    }
}

/// What every API response shares: errors as `ErrorBody` (rendered here so their headers can be set),
/// `WWW-Authenticate` on 401, and no caching of personal data.
struct APIMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = ErrorRenderingMiddleware.response(for: error, request: request)
        }
        if response.status == .unauthorized {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"qualitycity\"")
        }
        if response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
