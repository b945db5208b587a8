import Foundation
import QualityStorage
import Vapor

/// `POST /api/v1/session`
struct SignInInput: APIInput {
    var username: String?
    var password: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case username, password
    }
}

/// A signed-in person as the API shows them.
struct AccountDTO: Content {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    /// District officers and enterprises only.
    var district: String?
    /// Enterprise accounts only.
    var enterpriseId: UUID?

    init(_ user: SignedInUser) {
        id = user.accountID
        username = user.username
        displayName = user.displayName
        role = user.role
        district = user.district
        enterpriseId = user.enterpriseID
    }

    init(_ account: Account) {
        id = account.id!
        username = account.username
        displayName = account.displayName
        role = account.role
        district = account.district
        enterpriseId = account.$enterprise.id
    }
}

struct SessionDTO: Content {
    /// Send as `Authorization: Bearer <token>`; only its SHA-256 is stored.
    var token: String
    var expiresAt: Date
    var account: AccountDTO
}
