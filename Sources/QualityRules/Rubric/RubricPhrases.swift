/// The sentences of rubric explanations (zh-CN, English).
enum RubricPhrase {
    static func records(_ label: LocalizedText, found: [MatchedRecord], earned: Points, counting: RecordCounting,
                        points: Points, jointHalf: Bool) -> LocalizedText {
        if found.isEmpty {
            return LocalizedText(zh: "\(label.zh)：无，0 分", en: "\(label.en): none, 0 points")
        }
        let items = Phrase.list(found.map(\.description))
        let joint = jointHalf && found.contains(where: \.joint)
        let halfZh = joint ? "，联合承担的计一半" : ""
        let halfEn = joint ? ", joint ones at half" : ""
        switch counting {
        case .perRecord:
            return LocalizedText(zh: "\(label.zh)：\(found.count) 项 × \(points) 分\(halfZh) = \(earned) 分（\(items.zh)）",
                                 en: "\(label.en): \(found.count) × \(points) points\(halfEn) = \(earned) (\(items.en))")
        case .once:
            return LocalizedText(zh: "\(label.zh)：\(earned) 分\(halfZh)（\(items.zh)）",
                                 en: "\(label.en): \(earned) points\(halfEn) (\(items.en))")
        }
    }

    static func declared(_ label: LocalizedText, declared: Bool, points: Points) -> LocalizedText {
        declared
            ? LocalizedText(zh: "\(label.zh)：企业申报具备，\(points) 分（待专家核实材料）",
                            en: "\(label.en): declared by the enterprise, \(points) points (subject to the panel checking the documents)")
            : LocalizedText(zh: "\(label.zh)：未申报，0 分", en: "\(label.en): not declared, 0 points")
    }

    static func attested(_ label: LocalizedText, _ finding: Attestation, earned: Points) -> LocalizedText {
        LocalizedText(zh: "\(label.zh)：评审人员 \(finding.by) 于 \(finding.on.iso) 认定\(finding.finding == .met ? "符合" : "不符合")，\(earned) 分",
                      en: "\(label.en): reviewer \(finding.by) found it \(finding.finding == .met ? "met" : "not met") on \(finding.on.iso), \(earned) points")
    }

    static func awaiting(_ label: LocalizedText, key: String) -> LocalizedText {
        LocalizedText(zh: "\(label.zh)：待评审人员认定（认定项 \(key)），暂计 0 分",
                      en: "\(label.en): awaiting a reviewer's finding (attestation \(key)), 0 points for now")
    }

    static func staff(count: Int, atLeast: Int, earned: Points) -> LocalizedText {
        LocalizedText(zh: "专职质量管理人员 \(count) 人（须 \(atLeast) 人或以上），\(earned) 分",
                      en: "\(count) full-time quality staff (\(atLeast) or more needed), \(earned) points")
    }

    static func cqo(_ cqo: ChiefQualityOfficer, earned: Points) -> LocalizedText {
        cqo.appointed && cqo.trained
            ? LocalizedText(zh: "首席质量官已任命并持任职培训证书，\(earned) 分", en: "CQO appointed and holding the training certificate, \(earned) points")
            : LocalizedText(zh: "无经任命且持任职培训证书的首席质量官，0 分", en: "No appointed CQO with the training certificate, 0 points")
    }

    static func titles(count: Int, from: Int, earned: Points, level: TitleLevel) -> LocalizedText {
        LocalizedText(zh: "\(level.label.zh)或以上专业职称人员 \(count) 名（\(from) 名得 1 分，每增加 1 名加 1 分），\(earned) 分",
                      en: "\(count) people with \(level.label.en) or higher titles (\(from) give 1 point, each extra person 1 more), \(earned) points")
    }

    static func spotChecks(span: [Int], failed: [Event], missing: [Int], earned: Points) -> LocalizedText {
        let years = span.map(String.init).joined(separator: "、")
        if !failed.isEmpty {
            let dates = failed.map(\.date.iso).joined(separator: "、")
            return LocalizedText(zh: "\(years) 年内有抽查不合格记录（\(dates)），0 分",
                                 en: "Failed spot checks in \(span.map(String.init).joined(separator: ", ")) (\(dates)), 0 points")
        }
        if !missing.isEmpty {
            let gaps = missing.map(String.init).joined(separator: "、")
            return LocalizedText(zh: "\(gaps) 年无合格的抽查或委托检测报告，不满连续三年，0 分",
                                 en: "No passed spot check or commissioned test in \(missing.map(String.init).joined(separator: ", ")), so not three consecutive years, 0 points")
        }
        return LocalizedText(zh: "\(years) 年连续抽查合格，\(earned) 分",
                             en: "Passed spot checks in each of \(span.map(String.init).joined(separator: ", ")), \(earned) points")
    }
}
