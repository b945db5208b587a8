import Fluent
import Foundation
import QualityStorage
import Vapor

/// Notices to the signed-in person, newest first, as on the inbox page.
enum InboxAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .inbox, as: AnySignedIn.self, use: list)
        routes.api(.POST, .inboxRead(.key), as: AnySignedIn.self, use: markRead)
    }

    @Sendable
    static func list(request: Request, viewer: AnySignedIn) async throws -> APIResponse<InboxDTO> {
        let mine = InboxMessage.query(on: request.db).filter(\.$account.$id == viewer.user.accountID)
        let messages = try await mine.copy().sort(\.$createdAt, .descending).limit(200).all()
        let unread = try await mine.copy().filter(\.$readAt == nil).count()
        return APIResponse(InboxDTO(messages: messages.map(MessageDTO.init), unread: unread))
    }

    /// Marks one's own message read (again: no change); someone else's is "not found".
    @Sendable
    static func markRead(request: Request, viewer: AnySignedIn) async throws -> APIResponse<MessageDTO> {
        let id = try request.uuidParameter("messageId")
        guard let message = try await InboxMessage.query(on: request.db).filter(\.$id == id)
            .filter(\.$account.$id == viewer.user.accountID).first() else { throw AppError.notFound(Strings.API.messageNotFound) }
        if message.readAt == nil {
            message.readAt = request.now
            try await message.update(on: request.db)
        }
        return APIResponse(MessageDTO(message))
    }
}
