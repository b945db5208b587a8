import Fluent
import QualityRules
import QualityStorage

extension HomePage.Model {
    static func query(on database: any Database, today: CalendarDate) async throws -> Self {
        let calls = try await Call.query(on: database)
            .filter(\.$stage == .open)
            .sort(\.$closesOn)
            .all()
            .filter { $0.isAccepting(on: today) }
        return Self(openCalls: calls.map(CallsPage.Row.init))
    }
}
