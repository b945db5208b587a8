import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Signing in and out. Failed attempts are counted in the database per user name and per address, so
/// guessing is throttled however many app instances run.
enum LoginController {
    static let maxFailures = 5
    static let maxFailuresPerAddress = 30
    static let window: TimeInterval = 15 * 60

    static func register(on app: Application) {
        app.on(.GET, .login, use: show)
        app.on(.POST, .login, use: signIn)
        app.on(.POST, .logout, use: signOut)
    }

    struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable
    static func show(request: Request) async throws -> HTMLPage {
        let model = try await LoginPage.Model.query(request: request, username: "", message: nil)
        return HTMLPage(html: LoginPage.render(context: PageContext(request: request), model: model))
    }

    @Sendable
    static func signIn(request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            return try await failure(request: request, username: username, message: Strings.Login.missing, status: .unprocessableEntity)
        }
        let now = request.now
        let keys = ["user:" + username.lowercased(), "addr:" + (request.remoteAddress?.ipAddress ?? "unknown")]
        if try await isLocked(keys: keys, now: now, on: request.db) {
            return try await failure(request: request, username: username, message: Strings.Login.throttled, status: .tooManyRequests)
        }
        let account = try await Account.query(on: request.db).filter(\.$username == username).first()
        let verified: Bool
        if let account, account.isActive {
            verified = (try? await request.password.async.verify(password, created: account.passwordHash)) ?? false
        } else {
            verified = false
        }
        guard verified, let account, let accountID = account.id else {
            try await recordFailure(keys: keys, now: now, on: request.db)
            return try await failure(request: request, username: username, message: Strings.Login.failed, status: .unauthorized)
        }
        try await LoginThrottle.query(on: request.db).filter(\.$id == keys[0]).delete()
        let token = try await SessionAuthenticator.start(accountID: accountID, kind: "browser", request: request)
        request.logger.info("Signed in", metadata: ["account": .string(account.username), "role": .string(account.role.rawValue)])
        let next = form.next.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? Dashboard.path(for: account.role)
        let response = request.redirect(to: next, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = SessionAuthenticator.sessionCookie(token, request: request)
        return response
    }

    @Sendable
    static func signOut(request: Request) async throws -> Response {
        if let user = request.signedIn {
            try await UserSession.query(on: request.db).filter(\.$id == user.sessionID).delete()
        }
        let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0),
                                                                            maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    private static func failure(request: Request, username: String, message: LocalizedText, status: HTTPResponseStatus) async throws -> Response {
        if request.wantsJSON { throw AppError(status, code: "sign_in_failed", message) }
        let model = try await LoginPage.Model.query(request: request, username: username, message: message)
        return try await HTMLPage(html: LoginPage.render(context: PageContext(request: request), model: model), status: status)
            .encodeResponse(for: request)
    }

    static func isLocked(keys: [String], now: Date, on database: any Database) async throws -> Bool {
        let rows = try await LoginThrottle.query(on: database).filter(\.$id ~~ keys).all()
        return rows.contains { ($0.lockedUntil ?? .distantPast) > now }
    }

    /// Counts a failure for each key; the fifth within the window locks the user name for the window.
    static func recordFailure(keys: [String], now: Date, on database: any Database) async throws {
        for key in keys {
            let limit = key.hasPrefix("user:") ? maxFailures : maxFailuresPerAddress
            if let row = try await LoginThrottle.find(key, on: database) {
                if now.timeIntervalSince(row.windowStartedAt) > window {
                    row.failures = 1
                    row.windowStartedAt = now
                    row.lockedUntil = nil
                } else {
                    row.failures += 1
                    if row.failures >= limit { row.lockedUntil = now.addingTimeInterval(window) }
                }
                try await row.update(on: database)
            } else {
                do {
                    try await LoginThrottle(key: key, failures: 1, windowStartedAt: now).create(on: database)
                } catch {
                    // Another instance counted the same key first; count this failure on its row.
                    try await recordFailure(keys: [key], now: now, on: database)
                }
            }
        }
    }
}

/// Where each role lands after signing in.
enum Dashboard {
    static func path(for role: Role) -> String {
        switch role {
        case .enterprise: SiteURL.enterpriseHome.path
        case .districtOfficer, .cityOfficer: SiteURL.applications.path
        case .expert: SiteURL.reviews.path
        case .committee: SiteURL.committee.path
        default: SiteURL.inbox.path
        }
    }
}
