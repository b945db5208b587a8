import Crypto
import Foundation
import QualityRules
import Vapor

/// Protects every form from cross-site forgery with a signed double-submit token: a random value in a
/// SameSite cookie, and its HMAC (keyed by the installation secret kept in the database) in each form.
/// Nothing is written per visitor, so public pages stay cheap and any instance can check any form.
///
/// API requests that authenticate with a bearer token carry no ambient credentials and are exempt; an API
/// request that relies on the session cookie must send the token in `X-CSRF-Token`.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "qc_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = (request.cookies[Self.cookieName]?.string).flatMap { $0.count == 43 ? $0 : nil }
        let seed = existing ?? Data([UInt8].random(count: 32)).base64URLEncodedString()
        request.storage[CSRFSeedKey.self] = seed

        if Self.isUnsafe(request.method), !Self.isExempt(request) {
            try await Self.verify(request: request, seed: existing)
        }
        let response = try await next.respond(to: request)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: seed, expires: nil, maxAge: nil, path: "/", isSecure: request.isSecure,
                isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    static func isUnsafe(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    static func isExempt(_ request: Request) -> Bool {
        // Without the session cookie a request carries no ambient credentials: nothing to forge.
        request.cookies[SessionAuthenticator.cookieName] == nil
            && (request.headers.bearerAuthorization != nil || request.url.path.hasPrefix("/api/"))
    }

    static let refused = AppError(
        .forbidden, code: "csrf",
        LocalizedText(zh: "表单已过期或来源不明，请刷新页面后重新提交。",
                      en: "The form has expired or did not come from this site; reload the page and submit again."))

    static func verify(request: Request, seed: String?) async throws {
        guard let seed else { throw refused }
        var submitted = request.headers.first(name: headerName)
        if submitted == nil, let contentType = request.headers.contentType,
           contentType == .urlEncodedForm || contentType.type == "multipart" {
            // This middleware runs before the route collects the body; a browser's upload arrives in several
            // reads, so collect it here (within the largest upload allowed) before looking for the token.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.qualityCity.configuration.maxUploadBytes + 2 * 1024 * 1024).get()
            }
            submitted = try? request.content.get(String.self, at: fieldName)
        }
        guard let submitted, let expected = token(for: seed, secret: request.qualityCity.formSigningSecret),
              constantTimeEquals(submitted, expected) else { throw refused }
    }

    static func token(for seed: String, secret: Data) -> String? {
        guard !secret.isEmpty else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(seed.utf8), using: SymmetricKey(data: secret))
        return Data(mac).base64URLEncodedString()
    }

    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

struct CSRFSeedKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The token to put in this page's forms.
    var csrfToken: String {
        guard let seed = storage[CSRFSeedKey.self] else { return "" }
        return CSRFMiddleware.token(for: seed, secret: qualityCity.formSigningSecret) ?? ""
    }
}
