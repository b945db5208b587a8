import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Puts notices in people's inboxes, inside the transaction of the change they announce.
enum Notifier {
    enum Audience: Sendable {
        case enterprise(UUID)
        case district(String)
        case city
        case role(Role)
        case account(UUID)
    }

    static func notify(_ audience: Audience, subject: LocalizedText, body: LocalizedText, link: String?,
                       at date: Date, on database: any Database) async throws {
        try await deliver(to: recipients(audience, on: database), subject: subject, body: body, link: link, at: date, on: database)
    }

    /// The active accounts of `audience`.
    static func recipients(_ audience: Audience, on database: any Database) async throws -> [UUID] {
        let query = Account.query(on: database).filter(\.$isActive == true)
        switch audience {
        case .enterprise(let id): query.filter(\.$enterprise.$id == id)
        case .district(let district): query.filter(\.$role == .districtOfficer).filter(\.$district == district)
        case .city: query.filter(\.$role == .cityOfficer)
        case .role(let role): query.filter(\.$role == role)
        case .account(let id): query.filter(\.$id == id)
        }
        return try await query.all(\.$id)
    }

    /// One statement for the whole audience, whatever its size (a district's officers, every city officer).
    static func deliver(to accounts: [UUID], subject: LocalizedText, body: LocalizedText, link: String?,
                        at date: Date, on database: any Database) async throws {
        let messages = accounts.map { InboxMessage(accountID: $0, subject: subject, body: body, link: link, createdAt: date) }
        try await messages.create(on: database)
    }
}
