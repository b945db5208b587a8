import QualityRules
import QualityStorage

enum HomePage {
    struct Model: Sendable {
        var openCalls: [CallsPage.Row]
    }
}
