import Foundation
import Vapor

/// Gives every request an id (or keeps a sane one the client sent), puts it in every log line of the request,
/// and returns it in `X-Request-ID` so a person reporting a problem can quote it.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let incoming = request.headers.first(name: "X-Request-ID")
        let id: String
        if let incoming, (1...64).contains(incoming.count),
           incoming.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            id = incoming
        } else {
            // Not `request.id`: Vapor fills that from the same header, unchecked.
            id = UUID().uuidString
        }
        request.logger[metadataKey: "request-id"] = .string(id)
        do {
            let response = try await next.respond(to: request)
            response.headers.replaceOrAdd(name: "X-Request-ID", value: id)
            return response
        } catch {
            throw error
        }
    }
}
