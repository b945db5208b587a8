import FluentKit
import Foundation
import QualityRules

public enum PerformanceRating: String, Codable, CaseIterable, Sendable {
    case excellent, good, satisfactory
    case unsatisfactory
}

/// The performance evaluation of a funded project (seed 003 第六章 绩效评价): what was planned, what was
/// achieved, how much of the money was spent, the findings and a rating.
public final class PerformanceEvaluation: Model, @unchecked Sendable {
    public static let schema = "performance_evaluations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "grant_id") public var grant: GrantApplication
    @Field(key: "planned") public var planned: String
    @Field(key: "achieved") public var achieved: String
    /// Fen spent on the project, as found by the evaluation.
    @OptionalField(key: "spent") public var spent: Int64?
    @Field(key: "rating") public var rating: PerformanceRating
    @Field(key: "findings") public var findings: String
    @Field(key: "evaluated_on") public var evaluatedOn: CalendarDate
    @Field(key: "evaluated_by") public var evaluatedBy: String

    public init() {}

    public var properties: [any AnyProperty] {
        [$id, $grant, $planned, $achieved, $spent, $rating, $findings, $evaluatedOn, $evaluatedBy]
    }

    public init(grantID: UUID, planned: String, achieved: String, spent: Money?, rating: PerformanceRating, findings: String,
                evaluatedOn: CalendarDate, evaluatedBy: String) {
        self.$grant.id = grantID
        self.planned = planned
        self.achieved = achieved
        self.spent = spent?.fen
        self.rating = rating
        self.findings = findings
        self.evaluatedOn = evaluatedOn
        self.evaluatedBy = evaluatedBy
    }
}

struct CreatePerformanceEvaluations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PerformanceEvaluation.schema)
            .id()
            .field("grant_id", .uuid, .required, .references(GrantApplication.schema, "id"))
            .field("planned", .string, .required)
            .field("achieved", .string, .required)
            .field("spent", .int64)
            .field("rating", .string, .required)
            .field("findings", .string, .required)
            .field("evaluated_on", .string, .required)
            .field("evaluated_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PerformanceEvaluation.schema).delete()
    }
}
