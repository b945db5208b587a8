import FluentKit
import Foundation

/// A unit of time-driven work (a reminder, an expiry, the end of a notice period) kept in the database, so
/// that any app instance — or `qualitycity jobs run-due` from cron — can run it, and only one does.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "payload_json") public var payloadJSON: String
    @Field(key: "run_at") public var runAt: Date
    /// Makes scheduling idempotent: the same reminder is never queued twice.
    @OptionalField(key: "unique_key") public var uniqueKey: String?
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $kind, $payloadJSON, $runAt, $uniqueKey, $lockedBy, $lockedUntil, $attempts, $lastError, $finishedAt, $createdAt]
    }

    public init(kind: String, payloadJSON: String = "{}", runAt: Date, uniqueKey: String? = nil) {
        self.kind = kind
        self.payloadJSON = payloadJSON
        self.runAt = runAt
        self.uniqueKey = uniqueKey
        self.attempts = 0
    }
}
