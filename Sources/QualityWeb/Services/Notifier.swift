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
        let query = Account.query(on: database).filter(\.$isActive == true)
        switch audience {
        case .enterprise(let id): query.filter(\.$enterprise.$id == id)
        case .district(let district): query.filter(\.$role == .districtOfficer).filter(\.$district == district)
        case .city: query.filter(\.$role == .cityOfficer)
        case .role(let role): query.filter(\.$role == role)
        case .account(let id): query.filter(\.$id == id)
        }
        // One statement for the whole audience, whatever its size (a district's officers, every city officer).
        let messages = try await query.all(\.$id).map {
            InboxMessage(accountID: $0, subject: subject, body: body, link: link, createdAt: date)
        }
        try await messages.create(on: database)
    }
}
