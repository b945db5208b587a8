import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor
import VaporTesting

@Suite("Foundation: health, metrics, migrations, pages")
struct FoundationTests {
    @Test("healthz reports the database kind and an up-to-date schema")
    func healthz() async throws {
        try await withTestApp { app in
            // MUT
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            // validation
            #expect(response.status == .ok)
            let health = try response.content.decode(HealthController.Health.self)
            #expect(health.status == "ok")
            #expect(health.database == TestDatabase.kind.rawValue)
            #expect(health.schemaVersion == Migrations.all.count)
            #expect(health.expectedSchemaVersion == Migrations.all.count)
        }
    }

    @Test("the running server answers /healthz and /metrics over real HTTP")
    func runningServer() async throws {
        try await withTestApp { app in
            // setup: a real listening socket on a free port
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            // MUT
            let health = try await tester.sendRequest(.GET, "/healthz")
            _ = try await tester.sendRequest(.GET, "/")
            let metrics = try await tester.sendRequest(.GET, "/metrics")
            // validation
            #expect(health.status == .ok)
            #expect(health.headers.first(name: "X-Request-ID") != nil)
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.type == "text")
            let text = metrics.body.string
            #expect(text.contains("# TYPE http_requests_total counter"))
            #expect(text.contains("http_requests_total{method=\"GET\",path=\"/healthz\",status=\"200\"}"))
        }
    }

    @Test("migrating an existing database again changes nothing")
    func migrationsAreIdempotent() async throws {
        try await withTestApp(demo: true) { app in
            // setup
            let before = try await QualityCityApp.schemaVersion(app)
            let enterprises = try await Enterprise.query(on: app.db).count()
            // MUT
            try await QualityCityApp.migrate(app)
            try await QualityCityApp.migrate(app)
            // validation
            #expect(try await QualityCityApp.schemaVersion(app) == before)
            #expect(before == Migrations.all.count)
            #expect(try await Enterprise.query(on: app.db).count() == enterprises)
            #expect(try await AuditHead.query(on: app.db).count() == 1)
        }
    }

    @Test("a request id sent by the client is kept; an unsafe one is replaced")
    func requestID() async throws {
        try await withTestApp { app in
            let kept = try await app.testing().sendRequest(.GET, "/healthz", headers: ["X-Request-ID": "abc-123"])
            #expect(kept.headers.first(name: "X-Request-ID") == "abc-123")
            let replaced = try await app.testing().sendRequest(.GET, "/healthz", headers: ["X-Request-ID": "<script>"])
            #expect(replaced.headers.first(name: "X-Request-ID") != "<script>")
            #expect(replaced.headers.first(name: "X-Request-ID")?.isEmpty == false)
        }
    }

    @Test("the home page is in Chinese by default and English on request")
    func languages() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            let chinese = try await client.get("/")
            #expect(chinese.body.contains("lang=\"zh-CN\""))
            #expect(chinese.body.contains("质量强市政策服务平台"))
            #expect(chinese.body.contains("演示城市"))
            let english = try await client.get("/?lang=en")
            #expect(english.body.contains("lang=\"en\""))
            #expect(english.body.contains("Calls open for applications"))
            // The switch remembers the choice for later pages, and only redirects within the site.
            let switched = try await client.get("/language/en?back=%2Fcalls")
            #expect(switched.status == .seeOther)
            #expect(switched.location == "/calls")
            #expect(try await client.get("/calls").body.contains("Calls for applications"))
            #expect(try await client.get("/language/zh?back=https%3A%2F%2Fevil.example").location == "/")
        }
    }

    @Test("unknown pages are 404 in the reader's language; API paths answer JSON")
    func notFound() async throws {
        try await withTestApp { app in
            let page = try await app.testing().sendRequest(.GET, "/no-such-page")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("页面不存在"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/no-such-thing")
            #expect(api.status == .notFound)
            #expect(api.headers.contentType == .json)
            let body = try api.content.decode(ErrorBody.self)
            #expect(body.error.code == "not_found")
            #expect(body.error.message.en == "Page not found")
            let badID = try await app.testing().sendRequest(.GET, "/calls/not-a-uuid")
            #expect(badID.status == .notFound)
        }
    }
}
