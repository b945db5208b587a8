/// The sentences of award explanations (zh-CN, English).
enum AwardPhrase {
    static let claimedLabel = LocalizedText(zh: "申请事项与企业记录一致", en: "Claimed items match the enterprise's records")
    static let firstTimeLabel = LocalizedText(zh: "仅限首次", en: "First time only")
    static let doubleLabel = LocalizedText(zh: "不得重复享受", en: "No double benefit")
    static let officerLabel = LocalizedText(zh: "核定金额在上限内并说明理由", en: "Officer's amount within the cap, with a reason")
    static let tierLabel = LocalizedText(zh: "资助等次", en: "Award tier")

    static func unfundedLabel(_ unit: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "有尚未获资助的\(unit.zh)", en: "A \(unit.en) not yet funded")
    }

    static func allFunded(_ unit: LocalizedText, count: Int) -> ConstraintCheck {
        ConstraintCheck(.notMet, LocalizedText(zh: "符合条件的 \(count) \(unit.zh)均已获资助", en: "All \(count) qualifying (\(unit.en)) already funded"))
    }

    static func perYearLabel(_ limit: Int) -> LocalizedText {
        LocalizedText(zh: "每家企业每年资助不超过 \(limit) 项", en: "At most \(limit) grants per enterprise per year")
    }

    static func rankLabel(_ rule: RankAndThreshold) -> LocalizedText {
        LocalizedText(zh: "总分 \(rule.minimumPercent)%（含）以上且排名前 \(rule.maxRank)",
                      en: "Score of at least \(rule.minimumPercent)% and a rank in the top \(rule.maxRank)")
    }

    static func claimedItems(unknown: [String]) -> ConstraintCheck {
        unknown.isEmpty
            ? ConstraintCheck(.met, LocalizedText(zh: "申请的证书均在企业记录中且有效", en: "Every claimed certificate is on record and valid"))
            : ConstraintCheck(.notMet, LocalizedText(
                zh: "以下申请事项在企业记录中找不到或已失效：\(unknown.joined(separator: "、"))",
                en: "Not on record or no longer valid: \(unknown.joined(separator: ", "))"))
    }

    static func unknownTier(_ key: String, _ tiers: [AwardTier]) -> ConstraintCheck {
        ConstraintCheck(.notMet, LocalizedText(
            zh: "等次“\(key)”不存在，可选：\(tiers.map(\.key).joined(separator: "、"))",
            en: "There is no tier '\(key)'; the tiers are \(tiers.map(\.key).joined(separator: ", "))"))
    }

    static func honour(_ benefits: [LocalizedText]) -> LocalizedText {
        let list = LocalizedText.joined(benefits)
        return benefits.isEmpty
            ? LocalizedText(zh: "授予称号，无资金资助", en: "A title, without money")
            : LocalizedText(zh: "授予称号，无资金资助；激励措施：\(list.zh)", en: "A title, without money; benefits: \(list.en)")
    }

    static func fixed(_ money: Money) -> LocalizedText {
        LocalizedText(zh: "资助 \(money.formatted(.zh))", en: "A grant of \(money.formatted(.en))")
    }

    static func upTo(_ range: MoneyRange, decided: Money?) -> LocalizedText {
        let bounds = range.minimum.map { "\($0.formatted(.zh)) 至 \(range.maximum.formatted(.zh))" } ?? "最高 \(range.maximum.formatted(.zh))"
        let boundsEn = range.minimum.map { "\($0.formatted(.en)) to \(range.maximum.formatted(.en))" } ?? "up to \(range.maximum.formatted(.en))"
        if let decided {
            return LocalizedText(zh: "资助 \(decided.formatted(.zh))（\(bounds)，经办人员核定）",
                                 en: "A grant of \(decided.formatted(.en)) (\(boundsEn), decided by the officer)")
        }
        return LocalizedText(zh: "资助\(bounds)，具体金额由经办人员在上限内核定并说明理由",
                             en: "A grant of \(boundsEn); the officer decides the amount within the cap and gives a reason")
    }

    static func perItem(_ rule: PerItemAward, count: Int, amount: Money?, cap: Money?) -> LocalizedText {
        let each: LocalizedText
        switch rule.each {
        case .fixed(let money): each = LocalizedText(zh: "每\(rule.unit.zh) \(money.formatted(.zh))", en: "\(money.formatted(.en)) per \(rule.unit.en)")
        case .upTo(let money): each = LocalizedText(zh: "每\(rule.unit.zh)不超过 \(money.formatted(.zh))", en: "up to \(money.formatted(.en)) per \(rule.unit.en)")
        }
        let limit = rule.perYearLimit.map { LocalizedText(zh: "，每年不超过 \($0) 项", en: ", at most \($0) a year") }
            ?? LocalizedText(zh: "", en: "")
        if let amount {
            return LocalizedText(zh: "\(each.zh)\(limit.zh)：\(count) 项，共 \(amount.formatted(.zh))",
                                 en: "\(each.en)\(limit.en): \(count), \(amount.formatted(.en)) in all")
        }
        let capText = cap.map { LocalizedText(zh: "，合计最高 \($0.formatted(.zh))", en: ", at most \($0.formatted(.en)) in all") }
            ?? LocalizedText(zh: "", en: "")
        return LocalizedText(zh: "\(each.zh)\(limit.zh)：\(count) 项\(capText.zh)", en: "\(each.en)\(limit.en): \(count)\(capText.en)")
    }

    static func tier(_ tier: AwardTier, amount: Money?, cap: Money?) -> LocalizedText {
        if let amount {
            return LocalizedText(zh: "\(tier.label.zh)：资助 \(amount.formatted(.zh))", en: "\(tier.label.en): \(amount.formatted(.en))")
        }
        let capZh = cap.map { "最高 \($0.formatted(.zh))" } ?? ""
        let capEn = cap.map { "up to \($0.formatted(.en))" } ?? ""
        return LocalizedText(zh: "\(tier.label.zh)：\(capZh)，由经办人员核定", en: "\(tier.label.en): \(capEn), decided by the officer")
    }

    static func tiers(_ tiers: [AwardTier]) -> LocalizedText {
        func text(_ tier: AwardTier, _ language: Language) -> String {
            switch tier.amount {
            case .fixed(let money): "\(tier.label.text(language)) \(money.formatted(language))"
            case .upTo(let range):
                "\(tier.label.text(language)) \(range.minimum.map { $0.formatted(language) + "–" } ?? "")\(range.maximum.formatted(language))"
            }
        }
        return LocalizedText(zh: "按等次资助（\(tiers.map { text($0, .zh) }.joined(separator: "；"))），待确定等次",
                             en: "By tier (\(tiers.map { text($0, .en) }.joined(separator: "; "))); the tier is still to be set")
    }

    static let asRegulated = LocalizedText(zh: "按规定予以扶持，金额由其他规定确定", en: "Support as regulated elsewhere; this document sets no amount")
}
