import Foundation
import QualityRules

extension Strings {
    enum Matching {
        static let title = T(zh: "免申即享 · 政策匹配", en: "Proactive matching")
        static let intro = T(zh: "用规则引擎对登记在册的全部企业逐一核对正在施行的各项政策，找出可能符合条件的企业，无需企业先行申报。",
                             en: "The rules engine checks every registered enterprise against every programme in force, to find those that may qualify before anyone applies.")
        static let runNow = T(zh: "立即匹配", en: "Match now")
        static let onDate = T(zh: "匹配日期", en: "Match on")
        static let noRun = T(zh: "尚未运行过匹配。", en: "No match has been run yet.")
        static func lastRun(_ day: String, _ enterprises: Int, _ when: String, _ ms: String) -> T {
            T(zh: "最近一次：按 \(day) 匹配 \(enterprises) 家企业（\(when)，规则计算 \(ms)）",
              en: "Latest run: \(enterprises) enterprises matched for \(day) (\(when), rules computed in \(ms))")
        }
        static let programme = T(zh: "项目", en: "Programme")
        static let eligible = T(zh: "符合条件", en: "Eligible")
        static let pending = T(zh: "待评审认定", en: "Awaiting findings")
        static let notEligible = T(zh: "不符合", en: "Not eligible")
        static let award = T(zh: "可资助金额", en: "Award offered")
        static let candidates = T(zh: "候选企业", en: "Candidates")
        static let view = T(zh: "查看名单", en: "View list")
        static let noEvidence = T(zh: "仅凭注册地与评审判断，无法事先匹配", en: "Only the place of registration and a panel's judgement: cannot be matched in advance")
        static let notInForce = T(zh: "当日不在有效期内", en: "Not in force on that day")
        static let filter = T(zh: "筛选", en: "Filter")
        static let allVerdicts = T(zh: "全部结论", en: "All verdicts")
        static let allDistricts = T(zh: "全部区县", en: "All districts")
        static let minimumScore = T(zh: "最低得分", en: "Minimum score")
        static let search = T(zh: "企业名称或信用代码", en: "Name or credit code")
        static let exportCSV = T(zh: "导出 CSV", en: "Export CSV")
        static let exportXLSX = T(zh: "导出 Excel", en: "Export Excel")
        static let score = T(zh: "评审得分", en: "Rubric score")
        static let verdict = T(zh: "结论", en: "Verdict")
        static let noCandidates = T(zh: "没有符合筛选条件的企业。", en: "No enterprise matches the filters.")
        static func shown(_ shown: Int, _ total: Int) -> T {
            T(zh: "显示 \(shown) / 共 \(total) 家", en: "Showing \(shown) of \(total)")
        }
        static let previous = T(zh: "上一页", en: "Previous")
        static let next = T(zh: "下一页", en: "Next")
        static let badDate = T(zh: "请填写存在的日期（YYYY-MM-DD）", en: "Enter a date that exists (YYYY-MM-DD)")
        static let unknownProgramme = T(zh: "没有这个项目", en: "No such programme")
        static let sheetName = T(zh: "候选企业", en: "Candidates")
        static let creditCode = T(zh: "统一社会信用代码", en: "Credit code")
        static let name = T(zh: "企业名称", en: "Enterprise")
        static let city = T(zh: "城市", en: "City")
        static let district = T(zh: "区县", en: "District")
        static let awardYuan = T(zh: "可资助金额（元）", en: "Award (yuan)")
        static let runDay = T(zh: "匹配日期", en: "Matched for")
    }

    enum MyMatches {
        static let title = T(zh: "您可能符合的政策", en: "Programmes you may qualify for")
        static let link = T(zh: "查看您可能符合的政策（免申即享）", en: "See the programmes you may qualify for")
        static let intro = T(zh: "以下结果由规则引擎依据登记信息、信用记录和平台记录自动核对得出，仅供参考；标注“待评审认定”的条款需评审人员认定后方可确定。",
                             en: "The rules engine found these from your registry records, credit file and history. Clauses marked as awaiting findings are settled by reviewers.")
        static let none = T(zh: "最近一次匹配未发现您可能符合的政策。", en: "The latest match found no programme you may qualify for.")
        static let noRun = T(zh: "尚未运行政策匹配。", en: "No match has been run yet.")
        static let asOf = T(zh: "匹配日期", en: "Matched for")
        static let why = T(zh: "逐条说明", en: "Clause by clause")
        static func count(_ n: Int) -> T { T(zh: "您可能符合 \(n) 项政策", en: "You may qualify for \(n) programmes") }
    }

    enum Sandbox {
        static let title = T(zh: "政策沙盘", en: "Policy sandbox")
        static let intro = T(zh: "复制一项政策为草案，调整门槛、金额、名额、预算或日期，在全部在册企业上与施行中的政策对比。沙盘不改动任何政策文件和业务数据。",
                             en: "Copy a policy into a draft, change a threshold, an amount, a quota, a budget or a date, and compare it with the policy in force over the whole registry. Nothing in the sandbox touches the policy files or live data.")
        static let example = T(zh: "内置示例：征求意见稿（003）对比施行中的措施（004）", en: "Built-in example: the consultation draft (003) against the measures in force (004)")
        static let drafts = T(zh: "草案", en: "Drafts")
        static let noDrafts = T(zh: "尚无草案。", en: "No drafts yet.")
        static let newDraft = T(zh: "新建草案", en: "New draft")
        static let name = T(zh: "草案名称", en: "Draft name")
        static let copyOf = T(zh: "复制自政策", en: "Copy of policy")
        static let against = T(zh: "对比政策", en: "Compare against")
        static let create = T(zh: "创建", en: "Create")
        static let parameters = T(zh: "可调整参数", en: "Parameters")
        static let current = T(zh: "现行值", en: "Current")
        static let draftValue = T(zh: "草案值", en: "Draft value")
        static let save = T(zh: "保存参数", en: "Save parameters")
        static let compare = T(zh: "对比", en: "Compare")
        static let compareOn = T(zh: "对比日期", en: "Compare on")
        static let line = T(zh: "对比项", en: "Line")
        static let draftSide = T(zh: "草案", en: "Draft")
        static let baseSide = T(zh: "施行中", en: "In force")
        static let qualifying = T(zh: "可能符合", en: "May qualify")
        static let newly = T(zh: "新增符合", en: "Newly qualifying")
        static let noLonger = T(zh: "不再符合", en: "No longer qualifying")
        static let awardChanged = T(zh: "金额变化", en: "Award changed")
        static let exposure = T(zh: "资助总额", en: "Award total")
        static let quota = T(zh: "名额", en: "Quota")
        static let budget = T(zh: "预算", en: "Budget")
        static let budgetLeft = T(zh: "预算结余", en: "Budget left")
        static let affected = T(zh: "受影响企业", en: "Affected enterprises")
        static let change = T(zh: "变化", en: "Change")
        static let totals = T(zh: "合计", en: "Totals")
        static let noEvidence = T(zh: "仅凭注册地与评审判断：数字为可申报企业数", en: "Place of registration and a panel's judgement only: figures count who could apply")
        static func summary(_ enterprises: Int, _ day: String, _ seconds: String) -> T {
            T(zh: "在 \(enterprises) 家在册企业上按 \(day) 对比（用时 \(seconds)）", en: "Compared over \(enterprises) registered enterprises on \(day) (\(seconds))")
        }
        static func policyLevel(_ newly: Int, _ noLonger: Int) -> T {
            T(zh: "政策层面：\(newly) 家企业新增符合，\(noLonger) 家不再符合", en: "Policy level: \(newly) enterprises newly qualify, \(noLonger) no longer do")
        }
        static let notFound = T(zh: "草案不存在", en: "No such draft")
        static let unknownPolicy = T(zh: "没有这项政策", en: "No such policy")
        static func changeName(_ change: SandboxComparison.Change) -> T {
            switch change {
            case .newlyQualifying: newly
            case .noLongerQualifying: noLonger
            case .awardChanged: awardChanged
            }
        }
        static func field(_ field: SandboxChange.Field) -> T {
            switch field {
            case .years: T(zh: "年限", en: "Years")
            case .minimum: T(zh: "最低金额", en: "Minimum")
            case .atLeast: T(zh: "最少数量", en: "At least")
            case .amount: T(zh: "资助金额", en: "Award amount")
            case .quota: T(zh: "年度名额", en: "Annual quota")
            case .budget: T(zh: "预算", en: "Budget")
            case .inForceFrom: T(zh: "施行起始日", en: "In force from")
            case .inForceTo: T(zh: "施行终止日", en: "In force to")
            case .callDeadline: T(zh: "申报截止日", en: "Call deadline")
            }
        }
        static let shownFirst = T(zh: "仅显示前 200 家，完整名单请导出", en: "The first 200 are shown; export for the full list")
    }
}
