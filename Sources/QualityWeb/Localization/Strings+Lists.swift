import QualityRules

extension Strings {
    enum ApplicationList {
        static let title = T(zh: "申报审核", en: "Applications")
        static let allStages = T(zh: "全部阶段", en: "All stages")
        static let filter = T(zh: "筛选", en: "Filter")
        static let none = T(zh: "暂无申报。", en: "No applications.")
        static let engine = T(zh: "规则引擎", en: "Rules engine")
        static let updated = T(zh: "更新时间", en: "Updated")
    }

    enum Verdicts {
        static func name(_ raw: String) -> T {
            switch raw {
            case "eligible": T(zh: "符合条件", en: "Eligible")
            case "notEligible": T(zh: "不符合条件", en: "Not eligible")
            case "needsReviewerFindings": T(zh: "待评审人员认定", en: "Needs a reviewer's finding")
            case "policyNotInForce": T(zh: "政策不在有效期内", en: "Policy not in force")
            default: T(zh: raw, en: raw)
            }
        }
    }

    enum PrintForm {
        static let commitmentTitle = T(zh: "承诺书", en: "Commitment letter")
        static let seal = T(zh: "申报单位（盖章）：", en: "Applicant (company seal):")
        static let legalSignature = T(zh: "法定代表人（签字）：", en: "Legal representative (signature):")
        static let date = T(zh: "日期：        年    月    日", en: "Date:")
        static let reference = T(zh: "申报编号", en: "Application reference")
    }
}
