import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing

@Suite("The demo city")
struct DemoCityTests {
    @Test("a new database gets one account for every role and calls in several stages")
    func loadsOnNewDatabase() async throws {
        try await withTestApp(demo: true) { app in
            let roles = Set(try await Account.query(on: app.db).all().map(\.role))
            #expect(roles == Set(Role.allCases))
            let stages = Set(try await Call.query(on: app.db).all().map(\.stage))
            #expect(stages.count >= 3)
            #expect(stages.contains(.open))
            let enterprises = try await Enterprise.query(on: app.db).all()
            #expect(enterprises.count >= 8)
            #expect(enterprises.allSatisfy { $0.isDemo && CreditCode($0.creditCode) != nil })
            #expect(app.qualityCity.isDemo)
            // The past is played through the services: a finished round with titles, a round on notice today.
            let titles = try await Title.query(on: app.db).all()
            #expect(titles.count == 3)
            #expect(titles.allSatisfy { $0.isValid(on: app.qualityCity.clock.today()) })
            #expect(try await AnnualReport.query(on: app.db).count() == 5)
            let notice = try #require(try await Call.query(on: app.db).filter(\.$stage == .notice).first())
            #expect(notice.noticeEndsOn.map { $0 >= app.qualityCity.clock.today() } == true)
            #expect(try await CallApplication.query(on: app.db).filter(\.$stage == .proposed).count() == 1)
            #expect(try await AuditChain.verify(on: app.db).isIntact)
        }
    }

    @Test("a database with real data is never filled with the demo city")
    func notOnRealData() async throws {
        try await withTestApp(demo: false) { app in
            try await Account(username: "real-officer", displayName: "Real", passwordHash: "x", role: .cityOfficer).create(on: app.db)
            let status = try await DemoCity.loadIfNew(app, force: true)
            guard case .notLoaded = status else { Issue.record("demo loaded over real data"); return }
            #expect(try await Enterprise.query(on: app.db).count() == 0)
        }
    }

    @Test("reset replaces the demo city and keeps real records")
    func reset() async throws {
        try await withTestApp(demo: true) { app in
            try await Account(username: "real-officer", displayName: "Real", passwordHash: "x", role: .cityOfficer).create(on: app.db)
            let before = try await Enterprise.query(on: app.db).all().compactMap(\.id)
            // MUT
            let status = try await DemoCity.reset(app)
            // validation
            #expect(status.isNew)
            let after = try await Enterprise.query(on: app.db).all().compactMap(\.id)
            #expect(after.count == before.count)
            #expect(Set(after).isDisjoint(with: Set(before)))
            #expect(try await Account.query(on: app.db).filter(\.$username == "real-officer").count() == 1)
        }
    }
}
