/// How an evaluation reads on a terminal or in a plain-text e-mail, in one language.
extension Evaluation {
    public func text(_ language: Language) -> String {
        let l = language
        func heading(_ zh: String, _ en: String) -> String { l == .zh ? zh : en }
        func mark(_ outcome: Outcome) -> String {
            switch outcome {
            case .met: "[✓]"
            case .notMet: "[✗]"
            case .needsFinding: "[?]"
            }
        }
        var lines: [String] = []
        lines.append("\(programme.title.text(l)) (\(programme.id))")
        lines.append("\(heading("企业", "Enterprise")): \(enterprise.name) \(enterprise.creditCode)")
        lines.append("\(heading("政策", "Policy")): \(policy.documentNumber ?? policy.title.zh) — \(policy.status.label.text(l))")
        lines.append("\(heading("评估日期", "Evaluated on")): \(anchors.evaluationDate.iso)"
                     + (anchors.deadlineSource == .evaluationDate ? "" : "; \(heading("申报截止日", "application deadline")): \(anchors.applicationDeadline.iso)"))
        lines.append("\(heading("结论", "Verdict")): \(verdict.label.text(l))")
        lines.append("  \(summary.text(l))")
        for (title, results) in [(heading("申报条件", "Conditions"), conditions), (heading("不得申报情形", "Exclusions"), exclusions),
                                 (heading("资助约束", "Grant constraints"), constraints)] where !results.isEmpty {
            lines.append("")
            lines.append(title)
            for result in results { lines.append("  \(mark(result.outcome)) \(result.explanation.text(l))") }
        }
        if let rubric {
            lines.append("")
            lines.append("\(rubric.title.text(l)): \(rubric.score)/\(rubric.maximum)")
            for group in rubric.groups {
                lines.append("  \(group.name.text(l)): \(group.score)/\(group.maximum)")
                for indicator in group.indicators {
                    lines.append("    \(indicator.explanation.text(l))")
                    for item in indicator.parts.flatMap(\.items) where item.points > .zero || item.needsFinding {
                        lines.append("      · \(item.explanation.text(l))\(item.counted ? "" : heading("（不计入）", " (not counted)"))")
                    }
                }
            }
        }
        if let award {
            lines.append("")
            lines.append("\(heading("奖励", "Award")): \(award.explanation.text(l))")
        }
        lines.append("")
        lines.append("\(heading("规则版本", "Rules")): \(policy.ruleVersion.policyID) \(policy.ruleVersion.version) (\(policy.ruleVersion.file), fnv1a \(policy.ruleVersion.contentHash))")
        return lines.joined(separator: "\n") + "\n"
    }
}
