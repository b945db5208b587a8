import QualityRules
import QualityStorage

extension Strings {
    enum ApplicationPage {
        static let deadline = T(zh: "申报截止日期", en: "Application deadline")
        static let submittedAt = T(zh: "提交时间", en: "Submitted")
        static let printable = T(zh: "打印申报表", en: "Printable application form")
        static let formTitle = T(zh: "申报表", en: "Application form")
        static let notUploaded = T(zh: "尚未上传", en: "Not uploaded")
        static let upload = T(zh: "上传", en: "Upload")
        static let uploadHint = T(zh: "每个文件不超过 10 MB，可上传 PDF、JPG、PNG、xlsx 或 docx；盖章材料请扫描为 PDF。",
                                  en: "Up to 10 MB per file: PDF, JPG, PNG, xlsx or docx. Scan sealed documents to PDF.")
        static let preliminaryOpinion = T(zh: "区局初步意见", en: "District bureau's preliminary opinion")
        static let recommend = T(zh: "同意推荐", en: "Recommended")
        static let notRecommend = T(zh: "不予推荐", en: "Not recommended")
        static let onSiteFindings = T(zh: "材料审核及现场评审（抽查验证）情况", en: "Material and on-site review (spot verification) findings")
        static let history = T(zh: "办理记录", en: "History")
        static let time = T(zh: "时间", en: "Time")
        static let who = T(zh: "办理人", en: "By")
        static let what = T(zh: "事项", en: "What")
        static let why = T(zh: "说明", en: "Details")
        static let actions = T(zh: "办理", en: "Actions")
        static let acceptCommitment = T(zh: "我已阅读并接受上述承诺（视同加盖公章的承诺书）", en: "I have read and accept this commitment (equivalent to the sealed commitment letter)")
        static let resubmit = T(zh: "补正后重新提交", en: "Resubmit after correction")
        static let withdrawReason = T(zh: "撤回原因（选填）", en: "Reason for withdrawing (optional)")
        static let returnReason = T(zh: "退回理由（需补正的内容）", en: "What must be corrected")
        static let returnDeadline = T(zh: "补正期限", en: "Correct by")
        static let eligibilityReason = T(zh: "审核意见（不通过时必填）", en: "Review note (required when failing)")
        static let expertOpinions = T(zh: "专家评审意见", en: "The experts' opinions")
        static let saved = T(zh: "已保存。", en: "Saved.")
        static let uploaded = T(zh: "材料已上传。", en: "The material was uploaded.")

        static func resubmitBy(_ deadline: CalendarDate) -> T {
            T(zh: "请于 \(deadline.iso) 前修改并重新提交。", en: "Correct and resubmit by \(deadline.iso).")
        }

        /// The notice shown after an action redirects back to the page (`?done=submit`).
        static func done(_ key: String) -> T? {
            switch key {
            case "save": saved
            case "upload": uploaded
            default: ApplicationActionPath(rawValue: key).map { path in
                T(zh: "已完成：\(actionName(path).zh)。", en: "Done: \(actionName(path).en).")
            }
            }
        }

        static func actionName(_ path: ApplicationActionPath) -> T {
            switch path {
            case .submit: Strings.Actions.name(.submit)
            case .withdraw: Strings.Actions.name(.withdraw)
            case .returnForCorrection: Strings.Actions.name(.returnForCorrection)
            case .forward: Strings.Actions.name(.forward)
            case .eligibility: T(zh: "资格审核", en: "Eligibility review")
            case .onsite: T(zh: "现场评审", en: "On-site review")
            }
        }

        static func actionName(_ raw: String) -> T {
            if let action = ApplicationAction(rawValue: raw) { return Strings.Actions.name(action) }
            switch raw {
            case "create": return T(zh: "创建申报", en: "Application started")
            case "attach_material": return T(zh: "上传材料", en: "Material uploaded")
            default: return T(zh: raw, en: raw)
            }
        }

        static func roleName(_ raw: String) -> T {
            if let role = Role(rawValue: raw) { return Strings.Roles.name(role) }
            return raw == "system" ? T(zh: "系统", en: "System") : T(zh: raw, en: raw)
        }

        static func fieldLabel(_ key: String) -> T {
            switch key {
            case "enterpriseName": Strings.Form.enterpriseName
            case "legalRepresentative": Strings.Form.legalRepresentative
            case "contactName": Strings.Form.contactName
            case "contactPhone": Strings.Form.contactPhone
            case "contactEmail": Strings.Form.contactEmail
            case "address": Strings.Form.address
            case "summary": Strings.Form.summary
            case "commitment": T(zh: "承诺书", en: "Commitment letter")
            case "reason": T(zh: "理由", en: "Reason")
            case "deadline": returnDeadline
            case "opinion": preliminaryOpinion
            case "findings": onSiteFindings
            case "file": T(zh: "文件", en: "File")
            default: T(zh: key, en: key)
            }
        }
    }
}
