import QualityRules
import QualityStorage

extension Strings {
    enum Form {
        static let enterpriseName = T(zh: "企业名称", en: "Enterprise name")
        static let creditCode = T(zh: "统一社会信用代码", en: "Unified social credit code")
        static let district = T(zh: "所在区", en: "District")
        static let legalRepresentative = T(zh: "法定代表人", en: "Legal representative")
        static let contactName = T(zh: "联系人", en: "Contact person")
        static let contactPhone = T(zh: "联系电话", en: "Contact phone")
        static let contactEmail = T(zh: "电子邮箱", en: "Email")
        static let address = T(zh: "通讯地址", en: "Postal address")
        static let summary = T(zh: "企业质量工作情况简介", en: "Summary of the enterprise's quality work")
        static let save = T(zh: "保存", en: "Save")
        static let fixFields = T(zh: "请修改标出的内容后再提交，未保存任何更改。", en: "Please correct the marked fields; nothing was saved.")
        static let badPhone = T(zh: "请填写有效的电话号码，例如 0755-83177171 或 13800138000", en: "Enter a valid phone number, such as 0755-83177171 or 13800138000")
        static let badEmail = T(zh: "请填写有效的电子邮箱", en: "Enter a valid email address")
        static let badDate = T(zh: "日期格式应为 YYYY-MM-DD，且须为真实日期", en: "Dates are written YYYY-MM-DD and must exist")
        static func required(_ label: LocalizedText) -> T { T(zh: "请填写“\(label.zh)”", en: "\(label.en) is required") }
        static func tooLong(_ limit: Int) -> T { T(zh: "不能超过 \(limit) 字", en: "At most \(limit) characters") }
        static func isRequiredMessage(_ text: LocalizedText) -> Bool { text.zh.hasPrefix("请填写“") }
    }

    enum Applications {
        static let title = T(zh: "申报", en: "Application")
        static let mine = T(zh: "我的申报", en: "My applications")
        static let notFound = T(zh: "找不到该申报，或您无权查看", en: "No such application, or you may not see it")
        static let stale = T(zh: "该申报刚被他人更新，请刷新页面后再操作；本次未做任何更改。",
                             en: "Someone else has just changed this application; reload the page and try again. Nothing was changed.")
        static let commitmentRequired = T(zh: "请阅读并接受承诺书", en: "Please read and accept the commitment letter")
        static let commitmentText = T(
            zh: "本企业承诺：所提交的申报表及全部材料真实、准确、完整，复印件与原件一致；如有弄虚作假，愿承担被取消资格、三年内不得重新申请等一切后果。",
            en: "We declare that the application form and all materials are true, accurate and complete, and that copies match the originals; we accept that any falsification leads to disqualification, a three-year bar on reapplying and every other consequence.")
        static let reasonRequired = T(zh: "请填写理由", en: "Give the reasons")
        static let opinionRequired = T(zh: "请填写初步意见", en: "Write the preliminary opinion")
        static let findingsRequired = T(zh: "请填写评审（抽查验证）情况", en: "Describe the review findings")
        static let deadlineInPast = T(zh: "补正期限不能早于今天", en: "The correction deadline cannot be before today")
        static let deadlineTooFar = T(zh: "补正期限不能超过 60 天", en: "The correction deadline can be at most 60 days away")
        static let resubmitted = T(zh: "补正后重新提交", en: "Resubmitted after correction")
        static let findingsOutstanding = T(zh: "尚有需要评审人员认定的条件，请先逐项作出认定", en: "Some conditions still need a reviewer's finding; record them first")
        static let badIdempotencyKey = T(zh: "幂等键过长", en: "The idempotency key is too long")
        static let idempotencyKeyReused = T(zh: "该幂等键已用于另一项申报", en: "This idempotency key was used for another application")

        static func barred(_ explanations: [LocalizedText]) -> T {
            T(zh: "不能申报：" + explanations.map(\.zh).joined(separator: "；"), en: "You cannot apply: " + explanations.map(\.en).joined(separator: "; "))
        }

        static func engineSaysNo(_ summary: LocalizedText) -> T {
            T(zh: "规则引擎判定不符合条件：\(summary.zh)", en: "The rules engine finds the enterprise not eligible: \(summary.en)")
        }

        static func callNotAccepting(_ call: QualityStorage.Call) -> T {
            T(zh: "“\(call.titleZh)”当前不在受理期内（受理时间 \(call.opensOn.iso) 至 \(call.closesOn.iso)，以北京时间为准）",
              en: "“\(call.titleEn)” is not accepting applications now (window \(call.opensOn.iso) to \(call.closesOn.iso), Beijing time)")
        }

        static func returnDeadlinePassed(_ deadline: CalendarDate) -> T {
            T(zh: "补正期限（\(deadline.iso)）已过，不能再提交", en: "The correction deadline (\(deadline.iso)) has passed; it can no longer be submitted")
        }

        static func notEditable(_ stage: ApplicationStage) -> T {
            T(zh: "申报处于“\(Strings.Stages.name(stage).zh)”阶段，不能修改", en: "The application is at “\(Strings.Stages.name(stage).en)” and cannot be edited")
        }

        static func notAllowed(_ action: ApplicationAction, _ stage: ApplicationStage) -> T {
            T(zh: "申报处于“\(Strings.Stages.name(stage).zh)”阶段，不能“\(Strings.Actions.name(action).zh)”",
              en: "The application is at “\(Strings.Stages.name(stage).en)”; “\(Strings.Actions.name(action).en)” is not possible now")
        }

        static func unknownMaterial(_ key: String) -> T {
            T(zh: "本次申报不需要材料“\(key)”", en: "The call asks for no material called “\(key)”")
        }

        static func missingMaterials(_ titles: [LocalizedText]) -> T {
            T(zh: "尚未上传必交材料：" + titles.map(\.zh).joined(separator: "；"),
              en: "Required materials not yet uploaded: " + titles.map(\.en).joined(separator: "; "))
        }
    }

    enum Stages {
        static func name(_ stage: ApplicationStage) -> T {
            switch stage {
            case .draft: T(zh: "草稿", en: "Draft")
            case .submitted: T(zh: "已提交，待区局审核", en: "Submitted, with the district bureau")
            case .returned: T(zh: "退回补正", en: "Returned for correction")
            case .withdrawn: T(zh: "已撤回", en: "Withdrawn")
            case .forwarded: T(zh: "区局已报送市局", en: "Forwarded to the city")
            case .eligible: T(zh: "资格审核通过", en: "Passed eligibility review")
            case .ineligible: T(zh: "不符合条件", en: "Not eligible")
            case .onSiteReviewed: T(zh: "现场评审完成", en: "On-site review done")
            case .expertReview: T(zh: "专家评审中", en: "With the expert panel")
            case .scored: T(zh: "专家评分完成", en: "Scored")
            case .proposed: T(zh: "拟选定，公示中", en: "Proposed, on public notice")
            case .disqualified: T(zh: "取消拟选定资格", en: "Disqualified")
            case .selected: T(zh: "已认定", en: "Selected")
            case .notSelected: T(zh: "未入选", en: "Not selected")
            }
        }
    }

    enum Actions {
        static func name(_ action: ApplicationAction) -> T {
            switch action {
            case .submit: T(zh: "提交", en: "Submit")
            case .withdraw: T(zh: "撤回", en: "Withdraw")
            case .returnForCorrection: T(zh: "退回补正", en: "Return for correction")
            case .forward: T(zh: "报送市局", en: "Forward to the city")
            case .passEligibility: T(zh: "资格审核通过", en: "Pass eligibility review")
            case .failEligibility: T(zh: "资格审核不通过", en: "Fail eligibility review")
            case .recordOnSiteReview: T(zh: "记录现场评审（通过）", en: "Record on-site review (passed)")
            case .failOnSiteReview: T(zh: "现场评审不通过", en: "On-site review failed")
            case .startExpertReview: T(zh: "进入专家评审", en: "Expert review started")
            case .completeScoring: T(zh: "专家评分完成", en: "Scoring completed")
            case .propose: T(zh: "组委会审定，拟选定", en: "Proposed by the committee")
            case .disqualify: T(zh: "取消拟选定资格", en: "Disqualified")
            case .backfill: T(zh: "递补拟选定", en: "Backfilled")
            case .select: T(zh: "认定", en: "Selected")
            case .notSelect: T(zh: "未入选", en: "Not selected")
            }
        }
    }

    /// Inbox notices: a subject and a body.
    enum Inbox {
        typealias Message = (subject: LocalizedText, body: LocalizedText)

        static func submitted(_ call: LocalizedText, _ enterprise: String) -> Message {
            (T(zh: "新申报待审核：\(enterprise)", en: "New application to check: \(enterprise)"),
             T(zh: "\(enterprise) 已提交“\(call.zh)”申报，请核实材料并形成初步意见。",
               en: "\(enterprise) has applied to “\(call.en)”; please check the materials and give a preliminary opinion."))
        }

        static func withdrawn(_ call: LocalizedText, _ enterprise: String) -> Message {
            (T(zh: "申报已撤回：\(enterprise)", en: "Application withdrawn: \(enterprise)"),
             T(zh: "\(enterprise) 撤回了“\(call.zh)”申报。", en: "\(enterprise) withdrew its application to “\(call.en)”."))
        }

        static func returned(_ call: LocalizedText, _ reason: String, _ deadline: CalendarDate) -> Message {
            (T(zh: "申报被退回补正", en: "Application returned for correction"),
             T(zh: "您的“\(call.zh)”申报被退回补正，理由：\(reason)。请于 \(deadline.iso) 前修改并重新提交。",
               en: "Your application to “\(call.en)” was returned for correction: \(reason). Correct it and resubmit by \(deadline.iso)."))
        }

        static func forwarded(_ call: LocalizedText, _ enterprise: String, _ district: String) -> Message {
            (T(zh: "区局报送：\(enterprise)", en: "Forwarded by \(district): \(enterprise)"),
             T(zh: "\(district)市场监管局已将 \(enterprise) 的“\(call.zh)”申报连同初步意见报送市局。",
               en: "The \(district) bureau forwarded \(enterprise)'s application to “\(call.en)” with its preliminary opinion."))
        }

        static func forwardedToEnterprise(_ call: LocalizedText) -> Message {
            (T(zh: "申报已报送市局", en: "Application forwarded to the city"),
             T(zh: "您的“\(call.zh)”申报已通过区局审核并报送市局。", en: "Your application to “\(call.en)” passed the district check and went to the city."))
        }

        static func eligible(_ call: LocalizedText) -> Message {
            (T(zh: "资格审核通过", en: "Eligibility review passed"),
             T(zh: "您的“\(call.zh)”申报已通过资格审核，进入下一评审环节。", en: "Your application to “\(call.en)” passed the eligibility review and moves on."))
        }

        static func ineligible(_ call: LocalizedText, _ reason: String) -> Message {
            (T(zh: "申报未通过审核", en: "Application not accepted"),
             T(zh: "您的“\(call.zh)”申报未通过审核。理由：\(reason)", en: "Your application to “\(call.en)” was not accepted. Reason: \(reason)"))
        }
    }
}

extension Strings.Calls {
    static let notFound = T(zh: "找不到该申报通知", en: "No such call")
}
