import QualityRules
import QualityStorage

extension Strings {
    enum AdminCalls {
        static let title = T(zh: "申报通知管理", en: "Manage calls")
        static let new = T(zh: "发布新的申报通知", en: "Publish a new call")
        static let applications = T(zh: "申报数", en: "Applications")
        static let titleZh = T(zh: "标题（中文，留空则自动生成）", en: "Title in Chinese (leave empty to generate)")
        static let titleEn = T(zh: "标题（英文，留空则自动生成）", en: "Title in English (leave empty to generate)")
        static let opensOn = T(zh: "受理开始日期", en: "Opens on")
        static let closesOn = T(zh: "申报截止日期", en: "Closes on")
        static let quotaLabel = T(zh: "名额（留空则为政策规定的年度上限）", en: "Quota (empty: the policy's yearly limit)")
        static let materialsLabel = T(zh: "申报材料清单", en: "Materials to submit")
        static let materialsHint = T(zh: "每行一项：中文名称 | English name | 选交（可省略）。留空则使用政策规定的材料。",
                                     en: "One per line: Chinese name | English name | optional (may be left out). Empty: the policy's list.")
        static let noticeDays = T(zh: "公示天数", en: "Days of public notice")
        static let aggregate = T(zh: "专家评分汇总方式", en: "How expert scores are combined")
        static let mean = T(zh: "平均分", en: "Mean")
        static let trimmedMean = T(zh: "去掉一个最高分和一个最低分后的平均分", en: "Mean without the highest and the lowest")
        static let save = T(zh: "保存为草稿", en: "Save as draft")
        static let unknownProgramme = T(zh: "请选择政策项目", en: "Choose a programme")
        static let draftPolicy = T(zh: "该政策尚未生效（征求意见稿），不能发布申报", en: "This policy is a draft and not in force; no call can be published")
        static let closesBeforeOpens = T(zh: "截止日期不能早于开始日期", en: "The closing day cannot be before the opening day")
        static let badQuota = T(zh: "名额应为正整数", en: "The quota must be a positive whole number")
        static let noMaterials = T(zh: "请至少列出一项申报材料", en: "List at least one material")
        static let badNoticeDays = T(zh: "公示天数应为 5 至 30 天", en: "The notice period must be 5 to 30 days")

        static let reviewPage = T(zh: "评审管理", en: "Review")
        static let noticePage = T(zh: "公示管理", en: "Notice")

        static func scoringUnfinished(_ count: Int) -> T {
            T(zh: "尚有 \(count) 件申报专家评分未完成", en: "\(count) application(s) still being scored")
        }

        static func quotaAboveLimit(_ limit: Int) -> T {
            T(zh: "名额不能超过政策规定的每年 \(limit) 家", en: "The quota cannot exceed the policy's \(limit) a year")
        }

        static func outsidePolicy(_ interval: DayRange) -> T {
            let end = interval.end?.iso ?? "—"
            return T(zh: "申报期须在政策有效期（\(interval.start.iso) 至 \(end)）之内", en: "The window must lie within the policy's force (\(interval.start.iso) to \(end))")
        }

        static func cannotMove(_ from: CallStage, _ to: CallStage) -> T {
            T(zh: "不能从“\(Strings.Calls.stage(from).zh)”转到“\(Strings.Calls.stage(to).zh)”",
              en: "A call cannot move from “\(Strings.Calls.stage(from).en)” to “\(Strings.Calls.stage(to).en)”")
        }

        static func moveTo(_ stage: CallStage) -> T {
            switch stage {
            case .open: T(zh: "发布", en: "Publish")
            case .review: T(zh: "截止受理，进入审核", en: "Close and review")
            case .expertReview: T(zh: "进入专家评审", en: "Start expert review")
            case .committee: T(zh: "提交组委会审定", en: "Send to the committee")
            case .cancelled: T(zh: "撤销", en: "Cancel")
            default: Strings.Calls.stage(stage)
            }
        }
    }

    enum AdminAccounts {
        static let title = T(zh: "账号管理", en: "Accounts")
        static let create = T(zh: "新建账号", en: "Create an account")
        static let role = T(zh: "角色", en: "Role")
        static let displayName = T(zh: "姓名", en: "Name")
        static let department = T(zh: "部门（联席会议成员单位）", en: "Department")
        static let initialPassword = T(zh: "初始密码（至少 8 位，含字母和数字）", en: "Initial password (8+ characters, letters and digits)")
        static let active = T(zh: "有效", en: "Active")
        static let inactive = T(zh: "已停用", en: "Deactivated")
        static let deactivate = T(zh: "停用", en: "Deactivate")
        static let districtRequired = T(zh: "区局账号须选择所在区", en: "A district officer needs a district")
        static let departmentRequired = T(zh: "部门账号须填写部门", en: "A department officer needs a department")
        static let enterpriseViaSignup = T(zh: "企业账号由企业自行注册", en: "Enterprises register themselves")
        static let cannotDeactivateSelf = T(zh: "不能停用自己的账号", en: "You cannot deactivate your own account")
    }
}

extension Strings {
    enum AdminReview {
        static let rubric = T(zh: "评分标准", en: "Scoring rubric")
        static let editRubric = T(zh: "编辑评分标准", en: "Edit the rubric")
        static let rubricHint = T(zh: "本政策未附评审标准，请秘书处按政策文件的评分表格式拟定（已预填模板）。各项分值须合计为总分，保存时将逐项校验。",
                                  en: "The policy has no scoring annex; define one in the policy files' rubric format (a template is filled in). Points must add up; it is checked on saving.")
        static let rubricLocked = T(zh: "专家评审开始后不能修改评分标准", en: "The rubric cannot change once the expert review has started")
        static let policyHasRubric = T(zh: "该政策已规定评审指标，不能另行定义", en: "This policy defines its own rubric")
        static let onSiteFirst = T(zh: "本项目须完成现场评审（抽查验证）后方可进入专家评审。", en: "This programme needs the on-site review before the experts score.")
        static let panels = T(zh: "评审组", en: "Panels")
        static let experts = T(zh: "专家", en: "Experts")
        static let recusals = T(zh: "回避记录", en: "Recusal log")
        static let drawn = T(zh: "已完成专家抽取，已通知各位专家。", en: "Panels drawn; the experts have been told.")
        static func draw(_ size: Int) -> T {
            T(zh: "为待评审申报随机抽取 \(size) 名专家", en: "Draw \(size) experts for each application ready for review")
        }
        static func recusalKind(_ kind: String) -> T {
            switch kind {
            case "same_enterprise": Strings.Reviews.conflictReason(.sameEnterprise)
            case "declared_relationship": Strings.Reviews.conflictReason(.declaredRelationship)
            case "same_affiliation": Strings.Reviews.conflictReason(.sameAffiliation)
            default: T(zh: "专家本人声明回避", en: "Declared by the expert")
            }
        }
    }

    enum AdminExperts {
        static let title = T(zh: "专家库", en: "Expert pool")
        static let add = T(zh: "添加专家", en: "Add an expert")
        static let fields = T(zh: "专业领域（每行一项）", en: "Fields (one per line)")
        static let affiliation = T(zh: "工作单位", en: "Organisation")
        static let employer = T(zh: "任职企业统一社会信用代码（如有）", en: "Employer's credit code (if an enterprise)")
        static let relationships = T(zh: "申报的关联企业（名称或信用代码，每行一项）", en: "Declared related enterprises (name or credit code, one per line)")
    }
}
