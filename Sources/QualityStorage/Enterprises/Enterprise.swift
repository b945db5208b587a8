import FluentKit
import Foundation

/// An enterprise known to the platform: signed up, imported from the registry, or made for the demo city.
///
/// The facts the rules engine reads (`EnterpriseFacts`) are kept as one JSON document, versioned, so an
/// application can snapshot exactly what was evaluated.
public final class Enterprise: Model, @unchecked Sendable {
    public static let schema = "enterprises"

    @ID(key: .id) public var id: UUID?
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "name") public var name: String
    /// The city of registration (深圳市, 江门市).
    @Field(key: "city") public var city: String
    @Field(key: "district") public var district: String
    @Field(key: "facts_json") public var factsJSON: String
    @Field(key: "facts_version") public var factsVersion: Int
    @Field(key: "is_demo") public var isDemo: Bool
    @OptionalField(key: "contact_name") public var contactName: String?
    @OptionalField(key: "contact_phone") public var contactPhone: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $creditCode, $name, $city, $district, $factsJSON, $factsVersion, $isDemo, $contactName, $contactPhone,
         $createdAt, $updatedAt]
    }

    public init(id: UUID? = nil, creditCode: String, name: String, city: String, district: String,
                factsJSON: String, isDemo: Bool = false) {
        self.id = id
        self.creditCode = creditCode
        self.name = name
        self.city = city
        self.district = district
        self.factsJSON = factsJSON
        self.factsVersion = 1
        self.isDemo = isDemo
    }
}
