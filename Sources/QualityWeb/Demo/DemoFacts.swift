import Foundation
import QualityRules

/// Facts for the demo enterprises, in the shape of `docs/facts.schema.json`.
enum DemoFacts {
    static func facts(for spec: DemoEnterprises.Spec, creditCode: CreditCode, today: CalendarDate) -> String {
        // Filled in from the rules engine's facts schema.
        "{}"
    }
}
