import QualityRules

extension Strings {
    enum Evaluation {
        static let title = T(zh: "规则引擎判定", en: "What the rules engine finds")
        static let conditions = T(zh: "申报条件", en: "Conditions")
        static let exclusions = T(zh: "不得申报的情形", en: "Exclusions")
        static let constraints = T(zh: "资助限制", en: "Grant limits")
        static let award = T(zh: "奖励与资助", en: "Award")
        static let indicator = T(zh: "评审指标", en: "Indicator")
        static let points = T(zh: "得分", en: "Points")
        static let why = T(zh: "计分依据", en: "How it was scored")
        static let met = T(zh: "符合", en: "Met")
        static let notMet = T(zh: "不符合", en: "Not met")
        static let findingsLegend = T(zh: "需评审人员认定的条件", en: "Conditions a reviewer decides")

        static func outcome(_ outcome: Outcome) -> T {
            switch outcome {
            case .met: T(zh: "✔ 符合", en: "✔ Met")
            case .notMet: T(zh: "✘ 不符合", en: "✘ Not met")
            case .needsFinding: T(zh: "◯ 待认定", en: "◯ Needs a finding")
            }
        }

        static func rubric(_ score: String, _ maximum: String) -> T {
            T(zh: "评审指标客观得分：\(score) / \(maximum) 分", en: "Objective rubric score: \(score) / \(maximum)")
        }

        static func basis(_ evaluation: QualityRules.Evaluation) -> T {
            let version = evaluation.policy.ruleVersion
            let document = evaluation.policy.documentNumber ?? evaluation.policy.title.zh
            return T(zh: "依据：\(document)（规则版本 \(version.version)，\(version.contentHash)）；判定日期 \(evaluation.anchors.evaluationDate.iso)",
                     en: "Basis: \(evaluation.policy.documentNumber ?? evaluation.policy.title.en) (rules version \(version.version), \(version.contentHash)); judged on \(evaluation.anchors.evaluationDate.iso)")
        }
    }
}
