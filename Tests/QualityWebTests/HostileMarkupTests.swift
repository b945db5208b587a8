import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor

/// Issue 10, hostile input: text people type must come back as text — in element content and in attribute
/// values alike (Plot writes attribute values verbatim; `attr` escapes them).
@Suite("Markup typed by people renders inert")
struct HostileMarkupTests {
    static let payload = "Q\"'><x-injected a=1>&<script>alert(1)</script>"

    @Test("attribute values are escaped", arguments: ["\"", "'", "<", ">", "&"])
    func escaping(character: String) {
        #expect(!attr("a\(character)b").contains(character) || character == "&" && attr("a&b") == "a&amp;b")
    }

    @Test("element text shows what was typed, entities included; plain and Chinese text passes unchanged")
    func textEscaping() async throws {
        #expect(HTMLEscaping.escape("深圳市鹏程质量科技有限公司", quotes: false) == "深圳市鹏程质量科技有限公司")
        #expect(HTMLEscaping.escape("鹏程&\"<'>", quotes: false) == "鹏程&amp;\"&lt;'&gt;")
        #expect(HTMLEscaping.escape("鹏程&\"<'>", quotes: true) == "鹏程&amp;&quot;&lt;&#39;&gt;")
        try await withTestApp { app in
            // setup: a call whose title holds an entity and markup (Plot's own text node let "&amp;" through as "&")
            let today = app.qualityCity.clock.today()
            let call = Call(programmeID: "sz-backbone", policyID: "sz-backbone-2014", year: today.year,
                            title: LocalizedText(zh: "A&amp;B <i>标题</i>", en: "A&amp;B <i>title</i>"),
                            opensOn: today.adding(days: -1), closesOn: today.adding(days: 30), quota: 100, stage: .open,
                            materials: [], contacts: "")
            try await call.create(on: app.db)
            // MUT: the public list of calls
            let page = try await TestClient(app).get("/calls").body
            #expect(page.contains("A&amp;amp;B &lt;i&gt;标题&lt;/i&gt;"))
            #expect(!page.contains("<i>标题"))
        }
    }

    @Test("a breakout payload in every field people fill never becomes markup, for any role, on any page")
    func everyPage() async throws {
        try await withTestApp(demo: true) { app in
            // setup: the payload in the demo's candidate on notice, its form, an expert's justification, a complaint…
            let payload = Self.payload
            let proposed = try #require(try await CallApplication.query(on: app.db).filter(\.$stage == .proposed).with(\.$enterprise).first())
            let enterprise = proposed.enterprise
            enterprise.name = "鹏程\(payload)"
            enterprise.contactName = payload
            try await enterprise.update(on: app.db)
            var form = JSONText.decode(ApplicationForm.self, from: proposed.formJSON)!
            form.summary = payload
            form.address = payload
            proposed.formJSON = JSONText.encode(form)
            proposed.preliminaryOpinion = payload
            try await proposed.update(on: app.db)
            for score in try await ExpertScore.query(on: app.db).limit(3).all() {
                score.justification = payload
                try await score.update(on: app.db)
            }
            for seat in try await PanelAssignment.query(on: app.db).filter(\.$application.$id == proposed.id!).all() {
                seat.opinion = payload
                try await seat.update(on: app.db)
            }
            let callID = proposed.$call.id
            let publicClient = TestClient(app)
            _ = try await publicClient.get("/notices/\(callID)")
            let filed = try await publicClient.post("/notices/\(callID)/complaints", form: [
                "applicationID": proposed.id!.uuidString, "name": payload, "contact": "13900001111", "text": "投诉内容：" + payload])
            #expect(filed.status == .seeOther)
            // A refused form is shown again with what was typed: the payload goes back into value="…".
            let signup = TestClient(app)
            _ = try await signup.get("/signup")
            let refused = try await signup.post("/signup", form: ["creditCode": "bad", "name": payload, "district": "南山区",
                                                                 "contactName": payload, "username": "x"])
            #expect(refused.status == .unprocessableEntity)
            var pages: [(String, String)] = [("signup refused", refused.body)]

            // MUT: every page each role sees
            let seat = try #require(try await PanelAssignment.query(on: app.db).filter(\.$application.$id == proposed.id!)
                .with(\.$expert) { $0.with(\.$account) }.first())
            let title = try #require(try await Title.query(on: app.db).first())
            let visits: [(String?, [String])] = [
                (nil, ["/", "/calls", "/notices", "/notices/\(callID)", "/verify?q=\(enterprise.creditCode)", "/certificates/\(title.certificateNumber)"]),
                ("demo-enterprise-sz", ["/enterprise", "/enterprise/profile", "/applications", "/applications/\(proposed.id!)",
                                        "/applications/\(proposed.id!)/print", "/inbox"]),
                ("demo-district-nanshan", ["/applications", "/applications/\(proposed.id!)"]),
                ("demo-city", ["/applications", "/applications/\(proposed.id!)", "/admin/calls/\(callID)/notice", "/admin/calls/\(callID)/review",
                               "/titles", "/admin/experts", "/inbox"]),
                ("demo-committee", ["/committee/\(callID)", "/applications/\(proposed.id!)"]),
                (seat.expert.account.username, ["/reviews", "/reviews/\(seat.id!)", "/applications/\(proposed.id!)"]),
            ]
            for (username, paths) in visits {
                let client = TestClient(app)
                if let username { try await client.signIn(username) }
                for path in paths {
                    let page = try await client.get(path)
                    #expect(page.status == .ok, "\(username ?? "public") \(path): \(page.status)")
                    pages.append(("\(username ?? "public") \(path)", page.body))
                }
            }
            // validation
            var shownEscaped = 0
            for (name, body) in pages {
                let injected = body.contains("<x-injected") || body.contains("<script>alert(1)")
                #expect(!injected, "markup injected on \(name)")
                if body.contains("&lt;x-injected") { shownEscaped += 1 }
            }
            // The payload really was on the pages (as text), or the test would prove nothing.
            #expect(shownEscaped >= 10, "the payload showed on only \(shownEscaped) pages")
        }
    }
}
