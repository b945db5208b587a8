import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Notices to the signed-in person, newest first.
enum InboxController {
    static func register(on app: Application) {
        app.on(.GET, .inbox, as: AnySignedIn.self, use: show)
        app.on(.POST, .inboxRead(.key), as: AnySignedIn.self, use: markRead)
    }

    @Sendable
    static func show(request: Request, viewer: AnySignedIn) async throws -> HTMLPage {
        let messages = try await InboxMessage.query(on: request.db).filter(\.$account.$id == viewer.user.accountID)
            .sort(\.$createdAt, .descending).limit(200).all()
        let context = PageContext(request: request)
        return HTMLPage(html: Layout.page(
            context, title: Strings.Inbox.title,
            messages.isEmpty ? .p(.text(context.t(Strings.Inbox.empty))) : .ul(
                .class("inbox"), .id("inbox"),
                .forEach(messages) { message in
                    .li(
                        .class(message.readAt == nil ? "unread" : "read"),
                        .p(.strong(.text(context.t(message.subject))), .span(.class("muted"), .text(" · " + Formatting.dateTime(message.createdAt)))),
                        .p(.text(context.t(message.body))),
                        .p(.unwrap(message.link) { .a(.href(attr($0)), .text(context.t(Strings.Inbox.open))) },
                           .if(message.readAt == nil, .form(
                               .method(.post), .action(attr(SiteURL.inboxRead(.value(message.id!)).path)), .class("inline"),
                               Forms.csrf(context),
                               .button(.type(.submit), .class("link"), .text(" " + context.t(Strings.Inbox.markRead))))))
                    )
                }
            )
        ))
    }

    @Sendable
    static func markRead(request: Request, viewer: AnySignedIn) async throws -> Response {
        let id = try request.uuidParameter("messageID")
        // Only one's own message; someone else's is "not found".
        guard let message = try await InboxMessage.query(on: request.db).filter(\.$id == id)
            .filter(\.$account.$id == viewer.user.accountID).first() else { throw AppError.notFound() }
        if message.readAt == nil {
            message.readAt = request.now
            try await message.update(on: request.db)
        }
        return request.redirect(to: SiteURL.inbox.path, redirectType: .normal)
    }
}
