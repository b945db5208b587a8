// TEMPORARY until the engine's Evaluation type is merged.
import Plot
import QualityRules

enum EvaluationView {
    static func section(_ context: PageContext, json: String?) -> Node<HTML.BodyContext> {
        .unwrap(json) { .section(.h2(.text("规则引擎判定")), .pre(.text($0))) }
    }

    static func findingInputs(_ context: PageContext, json: String?) -> Node<HTML.FormContext> {
        .empty
    }
}
