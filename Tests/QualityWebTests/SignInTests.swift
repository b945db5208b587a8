import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

@Suite("Signing in: sessions in the database, CSRF, throttling")
struct SignInTests {
    @Test("a demo account signs in, its session is stored hashed, and signs out")
    func signInAndOut() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            // MUT
            try await client.signIn("demo-city")
            // validation
            let token = try #require(client.cookies[SessionAuthenticator.cookieName])
            let stored = try await UserSession.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored[0].tokenHash == SessionAuthenticator.hash(token))
            #expect(stored[0].tokenHash != token)
            #expect(try await client.get("/").body.contains("王秘书"))
            try await client.post("/logout", form: [:])
            #expect(try await UserSession.query(on: app.db).count() == 0)
            #expect(try await client.get("/").body.contains("王秘书") == false)
        }
    }

    @Test("a browser session slides: used within its eight hours it is extended, at most every five minutes; unused, it ends exactly at its expiry")
    func slidingExpiry() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            let client = TestClient(app)
            try await client.signIn("demo-city")
            let start = clock.now()
            func stored() async throws -> UserSession { try #require(try await UserSession.query(on: app.db).first()) }
            // Within five minutes nothing is written.
            clock.set(start.addingTimeInterval(300))
            #expect(try await client.get("/").body.contains("王秘书"))
            #expect(try await stored().expiresAt.timeIntervalSince(start) == SessionAuthenticator.browserLifetime)
            // After five minutes and a second, the expiry moves to eight hours from now.
            let later = start.addingTimeInterval(301)
            clock.set(later)
            #expect(try await client.get("/").body.contains("王秘书"))
            #expect(abs(try await stored().expiresAt.timeIntervalSince(later) - SessionAuthenticator.browserLifetime) < 0.001)
            #expect(abs(try await stored().lastSeenAt.timeIntervalSince(later)) < 0.001)
            // Unused until its expiry: signed out at exactly that instant, signed in a moment before.
            let expiry = try await stored().expiresAt
            clock.set(expiry.addingTimeInterval(-1))
            #expect(try await client.get("/").body.contains("王秘书"))
            let renewed = try await stored().expiresAt
            clock.set(renewed)
            #expect(try await client.get("/").body.contains("王秘书") == false)
        }
    }

    @Test("a deactivated account's session no longer signs anyone in")
    func deactivatedAccount() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            try await client.signIn("demo-city")
            #expect(try await client.get("/").body.contains("王秘书"))
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "demo-city").first())
            account.isActive = false
            try await account.save(on: app.db)
            #expect(try await client.get("/").body.contains("王秘书") == false)
        }
    }

    @Test("a wrong password is refused with a message, in the reader's language")
    func wrongPassword() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            let page = try await client.post("/login", form: ["username": "demo-city", "password": "nope"])
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("用户名或密码不正确"))
            #expect(client.cookies[SessionAuthenticator.cookieName] == nil)
            let empty = try await client.post("/login?lang=en", form: ["username": "", "password": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("Enter your user name and password"))
        }
    }

    @Test("a form posted without its anti-forgery token is refused and changes nothing")
    func csrfRequired() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            try await client.get("/login")
            let page = try await client.post("/login", form: ["username": "demo-city", "password": DemoCity.password], csrf: false)
            #expect(page.status == .forbidden)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            // A token made for another browser's cookie does not pass either.
            let other = TestClient(app)
            try await other.get("/login")
            let forged = try await client.post("/login", form: ["username": "demo-city", "password": DemoCity.password,
                                                               "_csrf": other.csrfToken ?? ""], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("the fifth failure locks the user name; the right password is then refused until the window passes")
    func throttled() async throws {
        let clock = FixedClock.standard()
        try await withTestApp(clock: clock, demo: true) { app in
            let client = TestClient(app)
            for attempt in 1...LoginController.maxFailures {
                let page = try await client.post("/login", form: ["username": "demo-city", "password": "wrong\(attempt)"])
                #expect(page.status == .unauthorized)
            }
            let locked = try await client.post("/login", form: ["username": "demo-city", "password": DemoCity.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("15 分钟"))
            clock.advance(seconds: LoginController.window + 1)
            try await client.signIn("demo-city")
        }
    }

    @Test("four failures do not lock")
    func belowThrottle() async throws {
        try await withTestApp(demo: true) { app in
            let client = TestClient(app)
            for _ in 1..<LoginController.maxFailures {
                _ = try await client.post("/login", form: ["username": "demo-city", "password": "wrong"])
            }
            try await client.signIn("demo-city")
        }
    }
}
