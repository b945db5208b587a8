/// The constraints the seeds put on grants, as pure functions of the history. The evaluator calls them;
/// the money module calls them again at approval, inside its transaction, with the database's history.
public struct ConstraintCheck: Sendable, Hashable, Codable {
    public var outcome: Outcome
    public var explanation: LocalizedText

    public init(_ outcome: Outcome, _ explanation: LocalizedText) {
        self.outcome = outcome
        self.explanation = explanation
    }
}

public enum GrantConstraints {
    /// "每家企业每年资助不超过 N 项": grants already made to the enterprise under `programme` in `year`
    /// plus those requested now may not exceed `limit`. At the limit is allowed; one over is not.
    public static func perYearLimit(limit: Int, programme: String, year: Int, history: [GrantRecord],
                                    requested: Int) -> ConstraintCheck {
        let prior = history.filter { $0.programme == programme && $0.date.year == year }.count
        let total = prior + requested
        let text = "\(year) 年已资助 \(prior) 项，本次 \(requested) 项，合计 \(total) 项"
        let textEn = "\(prior) granted in \(year) and \(requested) now, \(total) in all"
        return total <= limit
            ? ConstraintCheck(.met, LocalizedText(zh: "\(text)，未超过每年 \(limit) 项", en: "\(textEn), within the limit of \(limit) a year"))
            : ConstraintCheck(.notMet, LocalizedText(zh: "\(text)，超过每年 \(limit) 项的上限", en: "\(textEn), over the limit of \(limit) a year"))
    }

    /// "首次获评" / "初次通过": no earlier grant under the programme, no earlier title of it, and no earlier
    /// record of the qualifying honour than the one now funded.
    public static func firstTime(programme: String, history: History, qualifying: [MatchedRecord],
                                 before day: CalendarDate) -> ConstraintCheck {
        if let grant = history.grants.filter({ $0.programme == programme && $0.date <= day }).min(by: { $0.date < $1.date }) {
            return ConstraintCheck(.notMet, LocalizedText(
                zh: "已于 \(grant.date.iso) 就本项目获得资助 \(grant.amount.formatted(.zh))，仅限首次",
                en: "Already granted \(grant.amount.formatted(.en)) under this programme on \(grant.date.iso); first time only"))
        }
        if let title = history.titles.filter({ $0.programme == programme && $0.grantedOn <= day }).min(by: { $0.grantedOn < $1.grantedOn }) {
            return ConstraintCheck(.notMet, LocalizedText(
                zh: "已于 \(title.grantedOn.iso) 通过评审，资助仅限初次通过",
                en: "Already passed on \(title.grantedOn.iso); the grant is for the first pass only"))
        }
        let sorted = qualifying.sorted { $0.date < $1.date }
        if sorted.count > 1, let first = sorted.first {
            return ConstraintCheck(.notMet, LocalizedText(
                zh: "此前已获评：\(first.description.zh)，非首次",
                en: "Already won before: \(first.description.en); not the first time"))
        }
        return ConstraintCheck(.met, LocalizedText(zh: "首次获评，此前无资助或认定记录",
                                                   en: "First time: no earlier grant or title"))
    }

    /// "与深圳市其他支持政策不得重复享受": no matter may be funded under this policy if it was funded under
    /// another, and none may be funded twice under the same policy.
    public static func noDoubleBenefit(matters: [String], policy: String, history: [GrantRecord]) -> ConstraintCheck {
        for matter in matters {
            if let other = history.first(where: { $0.matter == matter && $0.policy != policy }) {
                return ConstraintCheck(.notMet, LocalizedText(
                    zh: "事项 \(matter) 已于 \(other.date.iso) 按政策 \(other.policy)（\(other.programme)）获资助 \(other.amount.formatted(.zh))，不得重复享受",
                    en: "Matter \(matter) was already funded \(other.amount.formatted(.en)) under policy \(other.policy) (\(other.programme)) on \(other.date.iso); no double benefit"))
            }
            if let same = history.first(where: { $0.matter == matter && $0.policy == policy }) {
                return ConstraintCheck(.notMet, LocalizedText(
                    zh: "事项 \(matter) 已于 \(same.date.iso) 按本政策（\(same.programme)）获资助，不得重复资助",
                    en: "Matter \(matter) was already funded under this policy (\(same.programme)) on \(same.date.iso)"))
            }
        }
        let list = matters.joined(separator: "、")
        return ConstraintCheck(.met, LocalizedText(zh: "事项 \(list) 未在其他政策下获得资助",
                                                   en: "Matter \(matters.joined(separator: ", ")) has not been funded under any other policy"))
    }

    /// 004 item 10: score ≥ minimumPercent % of the maximum (inclusive) and rank ≤ maxRank. Integer
    /// arithmetic, so 50 % of 1000 is exactly 500 and 499 is below it.
    public static func rankAndThreshold(_ rule: RankAndThreshold, score: Int?, maximumScore: Int?, rank: Int?) -> ConstraintCheck {
        guard let score, let maximumScore, maximumScore > 0, let rank else {
            return ConstraintCheck(.needsFinding, LocalizedText(
                zh: "需评审结果：GB/T 19580 评审总分及排名",
                en: "Needs the evaluation result: the GB/T 19580 score and rank"))
        }
        let scoreOK = score * 100 >= rule.minimumPercent * maximumScore
        let rankOK = rank >= 1 && rank <= rule.maxRank
        let percent = percentText(score, of: maximumScore)
        let zh = "总分 \(score)/\(maximumScore)（\(percent)%）\(scoreOK ? "达到" : "未达到") \(rule.minimumPercent)%，排名第 \(rank) \(rankOK ? "在" : "不在")前 \(rule.maxRank) 名"
        let en = "Score \(score)/\(maximumScore) (\(percent)%) \(scoreOK ? "reaches" : "is below") \(rule.minimumPercent)%; rank \(rank) is \(rankOK ? "within" : "outside") the top \(rule.maxRank)"
        return ConstraintCheck(scoreOK && rankOK ? .met : .notMet, LocalizedText(zh: zh, en: en))
    }

    /// An officer's amount for an "up to" award: within the range, with a reason.
    public static func officerAmount(_ amount: Money, reason: String?, range: MoneyRange) -> ConstraintCheck {
        let bounds = range.minimum.map { "\($0.formatted(.zh)) 至 \(range.maximum.formatted(.zh))" } ?? "不超过 \(range.maximum.formatted(.zh))"
        let boundsEn = range.minimum.map { "\($0.formatted(.en)) to \(range.maximum.formatted(.en))" } ?? "at most \(range.maximum.formatted(.en))"
        guard range.contains(amount) else {
            return ConstraintCheck(.notMet, LocalizedText(
                zh: "核定金额 \(amount.formatted(.zh)) 超出范围（\(bounds)）",
                en: "The officer's amount \(amount.formatted(.en)) is outside the range (\(boundsEn))"))
        }
        guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return ConstraintCheck(.notMet, LocalizedText(
                zh: "核定金额 \(amount.formatted(.zh)) 须说明理由", en: "The officer's amount \(amount.formatted(.en)) needs a reason"))
        }
        return ConstraintCheck(.met, LocalizedText(
            zh: "核定金额 \(amount.formatted(.zh))，在范围内（\(bounds)），理由：\(reason)",
            en: "Officer's amount \(amount.formatted(.en)), within the range (\(boundsEn)); reason: \(reason)"))
    }

    static func percentText(_ score: Int, of maximum: Int) -> String {
        // One decimal, computed in integers: 499/1000 → "49.9".
        let tenths = score * 1000 / maximum
        return "\(tenths / 10).\(tenths % 10)"
    }
}

import Foundation
