import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// API tokens: signing in and out, and who the token belongs to. Failed attempts count on the same
/// counters as the sign-in page (`LoginController`), so the API is no way around the throttle.
enum SessionAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.POST, .session, use: signIn)
        routes.api(.DELETE, .session, as: AnySignedIn.self, use: signOut)
        routes.api(.GET, .me, as: AnySignedIn.self, use: me)
    }

    @Sendable
    static func signIn(request: Request) async throws -> APIResponse<SessionDTO> {
        let input = try request.decodeJSON(SignInInput.self)
        let username = (input.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = input.password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            var fields: [String: LocalizedText] = [:]
            if username.isEmpty { fields["username"] = Strings.API.requiredField }
            if password.isEmpty { fields["password"] = Strings.API.requiredField }
            throw AppError(.unprocessableEntity, code: "invalid_input", Strings.Login.missing, fields: fields)
        }
        let now = request.now
        // The same keys as the page's, so failures on either count towards one lock.
        let keys = ["user:" + username.lowercased(), "addr:" + (request.remoteAddress?.ipAddress ?? "unknown")]
        if try await LoginController.isLocked(keys: keys, now: now, on: request.db) {
            throw AppError(.tooManyRequests, code: "throttled", Strings.Login.throttled)
        }
        let account = try await Account.query(on: request.db).filter(\.$username == username).first()
        var verified = false
        if let account, account.isActive {
            verified = (try? await request.password.async.verify(password, created: account.passwordHash)) ?? false
        }
        guard verified, let account, let accountID = account.id else {
            try await LoginController.recordFailure(keys: keys, now: now, on: request.db)
            throw AppError(.unauthorized, code: "sign_in_failed", Strings.Login.failed)
        }
        try await LoginThrottle.query(on: request.db).filter(\.$id == keys[0]).delete()
        let token = try await SessionAuthenticator.start(accountID: accountID, kind: "api", request: request)
        let session = try await UserSession.query(on: request.db).filter(\.$tokenHash == SessionAuthenticator.hash(token)).first()
        request.logger.info("Signed in (API)", metadata: ["account": .string(account.username), "role": .string(account.role.rawValue)])
        let expiresAt = session?.expiresAt ?? now.addingTimeInterval(SessionAuthenticator.apiLifetime)
        return APIResponse(SessionDTO(token: token, expiresAt: expiresAt, account: AccountDTO(account)), status: .created)
    }

    /// Ends the session of the token the request carries.
    @Sendable
    static func signOut(request: Request, viewer: AnySignedIn) async throws -> HTTPStatus {
        try await UserSession.query(on: request.db).filter(\.$id == viewer.user.sessionID).delete()
        return .noContent
    }

    @Sendable
    static func me(request: Request, viewer: AnySignedIn) async throws -> APIResponse<AccountDTO> {
        APIResponse(AccountDTO(viewer.user))
    }
}
