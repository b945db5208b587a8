import Fluent
import Foundation
import QualityStorage
import Vapor

/// `GET /healthz` for load balancers and people; `GET /metrics` for Prometheus.
enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
        /// How many migrations have run on this database.
        var schemaVersion: Int
        /// How many this build knows; equal when the database is up to date.
        var expectedSchemaVersion: Int
        var latestMigration: String?
    }

    static func register(on app: Application) {
        app.on(.GET, .healthz, use: health)
        app.on(.GET, .metrics, use: metrics)
        app.on(.GET, .ping, use: { _ in "pong" })
    }

    @Sendable
    static func health(request: Request) async throws -> Response {
        let kind = request.qualityCity.configuration.database.kind.rawValue
        let expected = Migrations.all.count
        do {
            let applied = try await SchemaVersion.applied(on: request.db)
            let body = Health(status: applied.count == expected ? "ok" : "migrations_pending", database: kind,
                              schemaVersion: applied.count, expectedSchemaVersion: expected, latestMigration: applied.latest)
            return try await body.encodeResponse(status: applied.count == expected ? .ok : .serviceUnavailable, for: request)
        } catch {
            request.logger.error("Health check failed: \(String(reflecting: error))")
            let body = Health(status: "database_unreachable", database: kind, schemaVersion: 0,
                              expectedSchemaVersion: expected, latestMigration: nil)
            return try await body.encodeResponse(status: .serviceUnavailable, for: request)
        }
    }

    @Sendable
    static func metrics(request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: PrometheusMetrics.render()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}

/// Reads Fluent's own record of the migrations that have run.
enum SchemaVersion {
    struct Applied {
        var count: Int
        var latest: String?
    }

    static func applied(on database: any Database) async throws -> Applied {
        let rows = try await MigrationLog.query(on: database).sort(\.$batch).sort(\.$createdAt).all()
        return Applied(count: rows.count, latest: rows.last?.name)
    }
}
