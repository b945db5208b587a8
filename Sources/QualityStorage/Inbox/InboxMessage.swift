import FluentKit
import Foundation
import QualityRules

/// A notice to an account: returned for correction, forwarded, selected, a report is due…
public final class InboxMessage: Model, @unchecked Sendable {
    public static let schema = "inbox_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "subject_zh") public var subjectZh: String
    @Field(key: "subject_en") public var subjectEn: String
    @Field(key: "body_zh") public var bodyZh: String
    @Field(key: "body_en") public var bodyEn: String
    @OptionalField(key: "link") public var link: String?
    @OptionalField(key: "read_at") public var readAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $account, $subjectZh, $subjectEn, $bodyZh, $bodyEn, $link, $readAt, $createdAt]
    }

    public init(accountID: UUID, subject: LocalizedText, body: LocalizedText, link: String?, createdAt: Date) {
        self.$account.id = accountID
        self.subjectZh = subject.zh
        self.subjectEn = subject.en
        self.bodyZh = body.zh
        self.bodyEn = body.en
        self.link = link
        self.createdAt = createdAt
    }

    public var subject: LocalizedText { LocalizedText(zh: subjectZh, en: subjectEn) }
    public var body: LocalizedText { LocalizedText(zh: bodyZh, en: bodyEn) }
}
