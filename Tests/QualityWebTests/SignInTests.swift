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
