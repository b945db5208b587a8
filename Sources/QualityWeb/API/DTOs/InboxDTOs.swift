import Foundation
import QualityRules
import QualityStorage
import Vapor

struct MessageDTO: Content {
    var id: UUID
    var subject: LocalizedText
    var body: LocalizedText
    /// The page the notice is about, if any.
    var link: String?
    var createdAt: Date
    var readAt: Date?

    init(_ message: InboxMessage) {
        id = message.id!
        subject = message.subject
        body = message.body
        link = message.link
        createdAt = message.createdAt
        readAt = message.readAt
    }
}

struct InboxDTO: Content {
    var messages: [MessageDTO]
    var unread: Int
}
