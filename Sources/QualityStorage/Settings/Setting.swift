import FluentKit
import Foundation

/// Installation-wide values every app instance must agree on (the form-signing secret, whether the demo
/// city was loaded), kept in the database rather than in one process.
public final class Setting: Model, @unchecked Sendable {
    public static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: String

    public init() {}

    public var properties: [any AnyProperty] { [$id, $value] }

    public init(key: String, value: String) {
        self.id = key
        self.value = value
    }

    public static func value(_ key: String, on database: any Database) async throws -> String? {
        try await Setting.find(key, on: database)?.value
    }

    public static func set(_ key: String, to value: String, on database: any Database) async throws {
        if let existing = try await Setting.find(key, on: database) {
            existing.value = value
            try await existing.update(on: database)
        } else {
            try await Setting(key: key, value: value).create(on: database)
        }
    }
}
