import Crypto
import Fluent
import Foundation
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
        guard let session = try await UserSession.query(on: request.db)
            .filter(\.$tokenHash == Self.hash(token))
            .with(\.$account)
            .first(),
            session.expiresAt > now, session.account.isActive, let sessionID = session.id,
            let accountID = session.account.id
        else { return }
        let account = session.account
        request.auth.login(SignedInUser(
            accountID: accountID, username: account.username, displayName: account.displayName,
            role: account.role, district: account.district, enterpriseID: account.$enterprise.id,
            department: account.department, sessionID: sessionID))
        // Sliding expiry for browsers, written at most every five minutes rather than on every request.
        if session.kind == "browser", now.timeIntervalSince(session.lastSeenAt) > 300 {
            session.lastSeenAt = now
            session.expiresAt = now.addingTimeInterval(Self.browserLifetime)
            try await session.update(on: request.db)
        }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
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
