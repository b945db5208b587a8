import FluentKit
import Foundation

/// A person who signs in. Passwords are stored only as Bcrypt hashes.
public final class Account: Model, @unchecked Sendable {
    public static let schema = "accounts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: Role
    /// District bureau officers and enterprises belong to a district (e.g. 南山区); others have none.
    @OptionalField(key: "district") public var district: String?
    /// The enterprise an enterprise account acts for.
    @OptionalParent(key: "enterprise_id") public var enterprise: Enterprise?
    /// The department of a department officer (for city targets reporting).
    @OptionalField(key: "department") public var department: String?
    @Field(key: "is_active") public var isActive: Bool
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $username, $displayName, $passwordHash, $role, $district, $enterprise, $department, $isActive, $email, $phone,
         $createdAt]
    }

    public init(id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role,
                district: String? = nil, enterpriseID: UUID? = nil, department: String? = nil, isActive: Bool = true) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.district = district
        self.$enterprise.id = enterpriseID
        self.department = department
        self.isActive = isActive
    }
}

/// A signed-in browser or API client. Only the SHA-256 of the token is stored, so a copy of the database
/// cannot be used to sign in; several app instances share the table.
public final class UserSession: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "account_id") public var account: Account
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    /// "browser" (cookie) or "api" (bearer token).
    @Field(key: "kind") public var kind: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $tokenHash, $account, $createdAt, $expiresAt, $lastSeenAt, $kind] }

    public init(tokenHash: String, accountID: UUID, createdAt: Date, expiresAt: Date, kind: String) {
        self.tokenHash = tokenHash
        self.$account.id = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeenAt = createdAt
        self.kind = kind
    }
}

/// Failed sign-ins per key (user name or address), so guessing is throttled across all app instances.
public final class LoginThrottle: Model, @unchecked Sendable {
    public static let schema = "login_throttles"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "failures") public var failures: Int
    @Field(key: "window_started_at") public var windowStartedAt: Date
    @OptionalField(key: "locked_until") public var lockedUntil: Date?

    public init() {}

    public var properties: [any AnyProperty] { [$id, $failures, $windowStartedAt, $lockedUntil] }

    public init(key: String, failures: Int, windowStartedAt: Date) {
        self.id = key
        self.failures = failures
        self.windowStartedAt = windowStartedAt
    }
}
