import Crypto
import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Sessions live in the database (only a SHA-256 of the token is stored), so any app instance can serve any
/// request. Browsers carry the token in an HttpOnly cookie; API clients send it as a bearer token.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = "qc_session"
    static let browserLifetime: TimeInterval = 8 * 3600
    static let apiLifetime: TimeInterval = 30 * 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.headers.bearerAuthorization?.token ?? request.cookies[Self.cookieName]?.string,
           !token.isEmpty, token.count <= 128 {
            try await authenticate(token: token, request: request)
        }
        return try await next.respond(to: request)
    }

    private func authenticate(token: String, request: Request) async throws {
        let now = request.now
        guard let session = try await UserSession.lookup(tokenHash: Self.hash(token), on: request.db),
              session.expiresAt > now, session.isActive else { return }
        request.auth.login(SignedInUser(
            accountID: session.accountID, username: session.username, displayName: session.displayName,
            role: session.role, district: session.district, enterpriseID: session.enterpriseID,
            department: session.department, sessionID: session.sessionID))
        // Sliding expiry for browsers, written at most every five minutes rather than on every request.
        if session.kind == "browser", now.timeIntervalSince(session.lastSeenAt) > 300 {
            try await UserSession.extend(session.sessionID, lastSeenAt: now, expiresAt: now.addingTimeInterval(Self.browserLifetime),
                                         on: request.db)
        }
    }

    static func hash(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Data(token.utf8)))
    }

    static func newToken() -> String {
        Data([UInt8].random(count: 32)).base64URLEncodedString()
    }

    /// Starts a session and returns its token.
    static func start(accountID: UUID, kind: String, request: Request) async throws -> String {
        let token = newToken()
        let now = request.now
        let lifetime = kind == "api" ? apiLifetime : browserLifetime
        try await UserSession(tokenHash: hash(token), accountID: accountID, createdAt: now,
                              expiresAt: now.addingTimeInterval(lifetime), kind: kind).create(on: request.db)
        return token
    }

    static func sessionCookie(_ token: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: Int(browserLifetime), path: "/",
                          isSecure: request.isSecure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    /// Behind a TLS-terminating proxy, cookies are marked Secure.
    var isSecure: Bool {
        headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https" || url.scheme == "https"
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
