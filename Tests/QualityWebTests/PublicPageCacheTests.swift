import Fluent
import Foundation
import NIOCore
import QualityRules
import QualityStorage
@testable import QualityWeb
import Testing
import Vapor

/// Issue 10: the busiest public pages are kept for anonymous visitors for a moment — and only what cannot
/// differ between them.
@Suite("Public page cache")
struct PublicPageCacheTests {
    static func addCall(_ app: Application, named name: String) async throws {
        let today = app.qualityCity.clock.today()
        try await Call(programmeID: "sz-backbone", policyID: "sz-backbone-2014", year: today.year,
                       title: LocalizedText(zh: name, en: name), opensOn: today.adding(days: -1), closesOn: today.adding(days: 30),
                       quota: 100, stage: .open, materials: [], contacts: "").create(on: app.db)
    }

    @Test("an anonymous visitor is served the kept page until a change through this instance empties it")
    func keptUntilChanged() async throws {
        try await withTestApp(demo: true, publicCacheSeconds: 60) { app in
            let visitor = TestClient(app)
            let first = try await visitor.get("/calls")
            #expect(first.status == .ok)
            // setup: a call added behind the instance's back (as another instance would)
            try await Self.addCall(app, named: "缓存测试通知")
            // MUT: the same page again, anonymously, in Chinese and in English, and as a signed-in officer
            #expect(try await TestClient(app).get("/calls").body == first.body)
            #expect(try await TestClient(app).get("/api/v1/calls").body.contains("缓存测试通知"))
            #expect(try await TestClient(app).get("/calls?lang=en").body.contains("缓存测试通知"))
            let officer = TestClient(app)
            try await officer.signIn("demo-city")
            #expect(try await officer.get("/calls").body.contains("缓存测试通知"))
            // Signing in was a change through this instance: the kept page is gone, the new one is kept.
            #expect(try await TestClient(app).get("/calls").body.contains("缓存测试通知"))
            try await Self.addCall(app, named: "第二个通知")
            #expect(!(try await TestClient(app).get("/calls").body.contains("第二个通知")))
            // A change made through this instance (here: signing out) empties the cache.
            let signedOut = try await officer.post("/logout", form: [:])
            #expect(signedOut.status.code < 400)
            #expect(try await TestClient(app).get("/calls").body.contains("第二个通知"))
        }
    }

    @Test("nothing is kept when the lifetime is 0, and a page with a form token is never kept")
    func notKept() async throws {
        try await withTestApp(demo: true, publicCacheSeconds: 0) { app in
            _ = try await TestClient(app).get("/calls")
            try await Self.addCall(app, named: "不缓存通知")
            #expect(try await TestClient(app).get("/calls").body.contains("不缓存通知"))
        }
        try await withTestApp(demo: true, publicCacheSeconds: 60) { app in
            // The sign-in page carries each visitor's own anti-forgery token.
            let one = try await TestClient(app).get("/login").body
            let two = try await TestClient(app).get("/login").body
            #expect(one.contains("name=\"_csrf\""))
            #expect(one != two)
        }
    }

    @Test("entries expire after the lifetime, and the cache stops growing at its capacity")
    func expiryAndCapacity() {
        let cache = PublicPageCache(seconds: 1, capacity: 2)
        let now = NIODeadline.now()
        let entry = { (expires: NIODeadline) in
            PublicPageCache.Entry(expires: expires, headers: [:], body: ByteBuffer(string: "x"))
        }
        cache.store(entry(now + .seconds(1)), for: .init(uri: "/a", language: .zh), now: now)
        cache.store(entry(now + .seconds(1)), for: .init(uri: "/b", language: .zh), now: now)
        cache.store(entry(now + .seconds(1)), for: .init(uri: "/c", language: .zh), now: now)
        #expect(cache.entry(for: .init(uri: "/a", language: .zh), now: now) != nil)
        #expect(cache.entry(for: .init(uri: "/a", language: .en), now: now) == nil)
        #expect(cache.entry(for: .init(uri: "/c", language: .zh), now: now) == nil)
        // exactly at the expiry the entry is gone; a nanosecond before it is still served
        #expect(cache.entry(for: .init(uri: "/b", language: .zh), now: now + .seconds(1) - .nanoseconds(1)) != nil)
        #expect(cache.entry(for: .init(uri: "/b", language: .zh), now: now + .seconds(1)) == nil)
        // once the old entries expired there is room again
        cache.store(entry(now + .seconds(3)), for: .init(uri: "/c", language: .zh), now: now + .seconds(2))
        #expect(cache.entry(for: .init(uri: "/c", language: .zh), now: now + .seconds(2)) != nil)
    }
}

@Suite("Public page cache configuration")
struct PublicPageCacheConfigurationTests {
    @Test("serve keeps pages one second unless QC_PUBLIC_CACHE_SECONDS says otherwise; a bad value is refused clearly",
          arguments: [("", 1.0), ("0", 0.0), ("2.5", 2.5), ("60", 60.0)])
    func seconds(raw: String, expected: Double) throws {
        let environment = raw.isEmpty ? [:] : ["QC_PUBLIC_CACHE_SECONDS": raw]
        #expect(try AppConfiguration.fromEnvironment(environment).publicCacheSeconds == expected)
    }

    @Test("out of range or not a number", arguments: ["-1", "60.5", "soon"])
    func refused(raw: String) {
        #expect(throws: ConfigurationError.badCacheSeconds(raw)) {
            try AppConfiguration.fromEnvironment(["QC_PUBLIC_CACHE_SECONDS": raw])
        }
    }
}
