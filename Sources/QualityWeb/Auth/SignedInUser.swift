import Foundation
import QualityStorage
import Vapor

/// The person behind a request, as established by their session or API token.
struct SignedInUser: Authenticatable, Sendable {
    var accountID: UUID
    var username: String
    var displayName: String
    var role: Role
    var district: String?
    var enterpriseID: UUID?
    var department: String?
    var sessionID: UUID

    var auditActor: AuditActor {
        AuditActor(accountID: accountID, role: role.rawValue, name: displayName)
    }
}

/// A role a handler requires. A handler that takes a `DistrictOfficer` cannot be reached, or even written,
/// without one: authorisation is a type, checked on the server for every request.
protocol RoleGuard: Sendable {
    init?(_ user: SignedInUser)
}

struct EnterpriseUser: RoleGuard {
    let user: SignedInUser
    let enterpriseID: UUID
    init?(_ user: SignedInUser) {
        guard user.role == .enterprise, let enterpriseID = user.enterpriseID else { return nil }
        self.user = user
        self.enterpriseID = enterpriseID
    }
}

struct DistrictOfficer: RoleGuard {
    let user: SignedInUser
    /// The only district whose applications this officer may see or act on.
    let district: String
    init?(_ user: SignedInUser) {
        guard user.role == .districtOfficer, let district = user.district, !district.isEmpty else { return nil }
        self.user = user
        self.district = district
    }
}

struct CityOfficer: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard user.role == .cityOfficer else { return nil }
        self.user = user
    }
}

struct ExpertReviewer: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard user.role == .expert else { return nil }
        self.user = user
    }
}

struct CommitteeMember: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard user.role == .committee else { return nil }
        self.user = user
    }
}

struct FinanceOfficer: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) {
        guard user.role == .finance else { return nil }
        self.user = user
    }
}

struct DepartmentOfficer: RoleGuard {
    let user: SignedInUser
    let department: String
    init?(_ user: SignedInUser) {
        guard user.role == .department, let department = user.department, !department.isEmpty else { return nil }
        self.user = user
        self.department = department
    }
}

/// A district or city officer: both review applications; what each may see is narrowed by `scope`.
struct ReviewingOfficer: RoleGuard {
    enum Scope: Sendable, Equatable {
        case district(String)
        case city
    }

    let user: SignedInUser
    let scope: Scope

    init?(_ user: SignedInUser) {
        switch user.role {
        case .districtOfficer:
            guard let district = user.district, !district.isEmpty else { return nil }
            scope = .district(district)
        case .cityOfficer:
            scope = .city
        default:
            return nil
        }
        self.user = user
    }
}

/// Anyone signed in, whatever the role.
struct AnySignedIn: RoleGuard {
    let user: SignedInUser
    init?(_ user: SignedInUser) { self.user = user }
}

extension Request {
    var signedIn: SignedInUser? { auth.get(SignedInUser.self) }

    /// The guard the handler asked for, or 401 (not signed in) / 403 (wrong role).
    func require<Guard: RoleGuard>(_ type: Guard.Type) throws -> Guard {
        guard let user = signedIn else { throw AppError.signInRequired }
        guard let granted = Guard(user) else { throw AppError.forbidden }
        return granted
    }
}

extension RoutesBuilder {
    /// Registers a handler that runs only for `Guard`'s role; the guard is passed in.
    @discardableResult
    func on<Guard: RoleGuard, Output: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: SiteURL, as guardType: Guard.Type,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request, Guard) async throws -> Output
    ) -> Route {
        on(method, url.pathComponents, body: body) { request async throws -> Output in
            try await handler(request, try request.require(Guard.self))
        }
    }

    @discardableResult
    func on<Output: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Output
    ) -> Route {
        on(method, url.pathComponents, body: body, use: handler)
    }
}
