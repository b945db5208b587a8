import QualityRules

extension Strings {
    enum Portal {
        // Navigation and the home page.
        static let libraryNavigation = T(zh: "政策库", en: "Policies")
        static let calculatorNavigation = T(zh: "政策计算器", en: "Calculator")
        static let homeLibrary = T(zh: "政策库", en: "Policy library")
        static let homeLibraryText = T(zh: "查阅每份政策文件的条款原文，以及每个项目谁可以申报、可获多少支持。",
                                       en: "Every policy with its clauses, and for each programme who qualifies and how much.")
        static let homeCalculator = T(zh: "政策计算器", en: "Policy calculator")
        static let homeCalculatorText = T(zh: "回答几个问题，看看哪些项目适合您的企业，以及原因。",
                                          en: "Answer a few questions and see which programmes fit your enterprise, and why.")
        static let homeCredit = T(zh: "企业质量信用查询", en: "Quality credit query")
        static let homeCreditText = T(zh: "按名称或统一社会信用代码查询企业的质量信用等级、荣誉称号和公开的行政处罚。",
                                      en: "Look up an enterprise's credit grade, quality titles and public penalties.")
        static let homeVerify = T(zh: "荣誉称号核验", en: "Verify a title")
        static let homeVerifyText = T(zh: "落实激励政策前，按证书编号或信用代码核验称号是否有效。",
                                      en: "Before granting a perk, check a title by certificate number or credit code.")
        static let verifyPlaceholder = T(zh: "证书编号或统一社会信用代码", en: "Certificate number or credit code")
        static let homeNotices = T(zh: "公示与结果公告", en: "Notices and final lists")
        static let homeNoticesText = T(zh: "拟认定名单公示（可在公示期内投诉）及最终名单。", en: "Candidates on public notice (open to complaints) and final lists.")
        static let homeTargets = T(zh: "城市质量目标", en: "City quality targets")
        static let homeTargetsText = T(zh: "质量强市各项目标的进展、各成员单位的报送和评价，年度报告可打印、可导出。",
                                       en: "Progress on the city's quality targets, departments' reporting and evaluation, printable annual reports.")
        static let go = T(zh: "进入", en: "Open")

        // The library.
        static let libraryTitle = T(zh: "政策库", en: "Policy library")
        static let libraryIntro = T(zh: "平台实施的全部政策文件。每个项目先用通俗的话说明谁可以申报、可获多少支持，再列出逐条依据的条款原文。",
                                    en: "Every policy the platform implements. Each programme says in plain words who qualifies and how much, then lists the clauses it rests on, quoted.")
        static let searchLabel = T(zh: "搜索政策", en: "Search the policies")
        static let searchPlaceholder = T(zh: "如：纳税、首席质量官、碳足迹、抽查", en: "e.g. tax, chief quality officer, carbon footprint")
        static func results(_ query: String, count: Int) -> T {
            T(zh: "“\(query)”的搜索结果：\(count) 份文件", en: "Results for \"\(query)\": \(count) documents")
        }
        static let noResults = T(zh: "没有找到相关内容，请换个词试试。", en: "Nothing found; try another word.")
        static let allPolicies = T(zh: "全部政策文件", en: "All policies")
        static func indicatorsLink(_ count: Int) -> T { T(zh: "\(count) 项城市质量目标 →", en: "\(count) city quality targets →") }
        static func clauseCount(_ count: Int) -> T { T(zh: "平台依据的条款 \(count) 条", en: "\(count) clauses the platform applies") }
        static let tryCalculator = T(zh: "用政策计算器试算", en: "Try the policy calculator")
        static let documentNumber = T(zh: "文号", en: "Number")
        static let noNumber = T(zh: "（草案，无文号）", en: "(draft, no number)")
        static let issuer = T(zh: "发文机关", en: "Issued by")
        static let issuedOn = T(zh: "发布日期", en: "Issued on")
        static let inForce = T(zh: "施行状态", en: "In force")
        static let openEnded = T(zh: "长期", en: "open-ended")
        static let version = T(zh: "规则版本", en: "Rules version")
        static let programmes = T(zh: "项目", en: "Programmes")
        static let indicators = T(zh: "城市质量目标", en: "City quality targets")
        static let clauses = T(zh: "条款原文", en: "Clauses, quoted")
        static let usedFor = T(zh: "平台用于", en: "Used for")
        static let backToLibrary = T(zh: "返回政策库", en: "Back to the library")
        static func kind(_ kind: ProgrammeKind) -> T {
            switch kind {
            case .recognition: T(zh: "荣誉认定", en: "Recognition")
            case .grant: T(zh: "资金资助", en: "Grant")
            }
        }
        static func validity(_ years: Int) -> T { T(zh: "有效期 \(years) 年", en: "valid \(years) years") }
        static let conditions = T(zh: "申报条件", en: "Who may apply")
        static let exclusions = T(zh: "不得申报的情形", en: "Who may not")
        static let benefits = T(zh: "可获支持", en: "What it brings")
        static let quotaUse = T(zh: "每年名额", en: "yearly quota")
        static let validityUse = T(zh: "称号有效期", en: "validity of the title")
        static func awardUse(_ programme: LocalizedText) -> T { T(zh: "\(programme.zh)的支持内容", en: "what \(programme.en) gives") }
        static let firstTimeUse = T(zh: "仅限首次", en: "first time only")
        static let rankUse = T(zh: "分数与排名要求", en: "score and rank threshold")
        static let windowUse = T(zh: "申报时间", en: "application window")
        static let annualReportUse = T(zh: "年度工作总结", en: "annual work report")
        static let reReviewUse = T(zh: "复审", en: "re-review")
        static let noDoubleBenefitUse = T(zh: "不得重复享受", en: "no double benefit")

        // The calculator.
        static let calculatorTitle = T(zh: "政策计算器", en: "Policy calculator")
        static let calculatorIntro = T(zh: "填写企业的几项基本情况，平台用审核申报时同一套规则逐项判断每个项目是否适合、原因是什么。结果仅供参考，正式以申报审核为准。",
                                       en: "Describe the enterprise in a few answers; the platform checks every programme with the same rules it applies to applications and says why. A guide only: the review of an application decides.")
        static let useMyFacts = T(zh: "用本企业已登记的信息测算", en: "Use my enterprise's recorded facts")
        static func mineNote(name: String) -> T {
            T(zh: "以下按“\(name)”在平台登记的信息（含质量诚信档案记录）测算。", en: "Worked out from the facts recorded for \(name), credit file included.")
        }
        static let aboutEnterprise = T(zh: "企业基本情况", en: "About the enterprise")
        static let region = T(zh: "注册地", en: "Registered in")
        static let otherRegion = T(zh: "其他地区", en: "Elsewhere")
        static let years = T(zh: "登记注册年限（年）", en: "Years since registration")
        static let legalForm = T(zh: "组织形式", en: "Legal form")
        static let industry = T(zh: "所属行业", en: "Industry")
        static let tax = T(zh: "近三年纳税总额（万元）", en: "Tax paid over the last three years (¥10,000)")
        static let cqo = T(zh: "已建立首席质量官制度", en: "Has a chief quality officer system")
        static let cqoTrained = T(zh: "首席质量官持有培训证书", en: "The chief quality officer holds the training certificate")
        static let certificationsLegend = T(zh: "现持有的有效认证", en: "Valid certifications held")
        static let awardsLegend = T(zh: "近一年获得的奖项或称号", en: "Awards won in the last year")
        static let recordLegend = T(zh: "近三年的记录", en: "Records in the last three years")
        static let penalty = T(zh: "受到质量、安全、环保、市场秩序或知识产权方面的行政处罚", en: "An administrative penalty on quality, safety, environment, market order or IP")
        static let majorAccident = T(zh: "发生重大质量或安全事故", en: "A major quality or safety accident")
        static let majorComplaint = T(zh: "有重大有效投诉", en: "A major substantiated complaint")
        static let failedSpotCheck = T(zh: "监督抽查发现严重质量问题（近一年）", en: "A serious failure in a spot check (last year)")
        static let asOf = T(zh: "测算日期（默认今天）", en: "As of (today if empty)")
        static let calculate = T(zh: "测算", en: "Check")
        static let chooseRegion = T(zh: "请选择注册地", en: "Choose where the enterprise is registered")
        static let badYears = T(zh: "请填写 0–200 之间的整数", en: "A whole number from 0 to 200")
        static let chooseOne = T(zh: "请选择", en: "Choose one")
        static let fixAnswers = T(zh: "请修改标出的内容后再测算。", en: "Please correct the marked answers.")
        static let visitorEnterprise = T(zh: "（试算企业）", en: "(calculator enterprise)")
        static let resultsTitle = T(zh: "测算结果", en: "Results")
        static let calculatorDisclaimer = T(zh: "“需评审认定”表示其余条件均已符合，只差需要人工判断的条款（如“财务状况良好”）。",
                                            en: "\"Needs reviewer findings\" means every other condition is met; only clauses that need a person's judgement remain.")
        static let fits = T(zh: "符合条件", en: "Fits")
        static let maybe = T(zh: "可能符合（需评审认定）", en: "May fit (needs a reviewer's findings)")
        static let doesNotFit = T(zh: "不符合", en: "Does not fit")
        static let notInForce = T(zh: "不在有效期内或为草案", en: "Not in force, or a draft")
        static func metRules(_ count: Int) -> T { T(zh: "已符合的 \(count) 项条件", en: "\(count) conditions met") }
    }
}
