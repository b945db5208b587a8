import QualityRules

extension Strings {
    enum Targets {
        static let title = T(zh: "质量强市目标与任务", en: "City quality targets")
        static let navigation = T(zh: "质量目标", en: "Quality targets")
        static let intro = T(zh: "深府〔2010〕183号确定的 2015 年产品、服务、工程、环境质量及品牌、标准、检测等目标，按任务分解由各成员单位报送进展；图中实心圆表示达到目标，空心方块表示尚未达到，虚线为目标值。",
                             en: "The 2015 targets of 深府〔2010〕183号 for product, service, engineering and environmental quality, brands, standards and testing, reported by the departments that answer for them. A filled circle is on track, an open square behind; the dashed line is the target.")
        static let reportValues = T(zh: "报送指标数据", en: "Report values")
        static let manage = T(zh: "管理指标与报送期", en: "Manage indicators and periods")
        static let annualReports = T(zh: "年度报告", en: "Annual reports")
        static func annualReport(_ year: Int) -> T { T(zh: "\(year) 年度质量强市目标进展报告", en: "Quality targets report \(year)") }
        static func summary(_ year: Int) -> T { T(zh: "\(year) 年度概况", en: "\(year) at a glance") }
        static let indicatorsCount = T(zh: " 项指标", en: " indicators")
        static let reportedCount = T(zh: " 已报送", en: " reported")
        static let onTrackCount = T(zh: " 项达到目标", en: " on track")
        static let behindCount = T(zh: " 项未达目标", en: " behind")
        static let lateTitle = T(zh: "逾期未报送", en: "Late in reporting")
        static let noneLate = T(zh: "目前没有逾期未报送的数据。", en: "Nothing is overdue.")
        static let department = T(zh: "责任单位", en: "Department")
        static let overdueItems = T(zh: "逾期事项", en: "Overdue")
        static func overdueItem(_ indicator: LocalizedText, year: Int, due: CalendarDate) -> T {
            T(zh: "\(indicator.zh)（\(year) 年，应于 \(due.iso) 前报送）", en: "\(indicator.en) (\(year), due \(due.iso))")
        }
        static let indicators = T(zh: "全部指标", en: "All indicators")
        static let indicator = T(zh: "指标", en: "Indicator")
        static let target = T(zh: "目标", en: "Target")
        static let departments = T(zh: "责任单位", en: "Departments")
        static let leadMark = T(zh: "（牵头）", en: " (lead)")
        static func latest(_ year: Int, value: String, unit: LocalizedText) -> T {
            T(zh: "\(year) 年：\(value) \(unit.zh)", en: "\(year): \(value) \(unit.en)")
        }
        static let notReportedShort = T(zh: "未报", en: "none")
        static let plan = T(zh: "所属规划", en: "Plan")
        static let inferredNote = T(zh: "（原文任务分解表缺失，责任单位按成员单位职责推定，待核对）",
                                    en: "(the seed's task breakdown annex is empty: departments inferred from remits, to be checked)")
        static let status = T(zh: "状态", en: "Status")
        static let year = T(zh: "年度", en: "Year")
        static let value = T(zh: "数值", en: "Value")
        static let reportedBy = T(zh: "报送单位", en: "Reported by")
        static let note = T(zh: "说明", en: "Note")
        static let overdue = T(zh: "逾期未报", en: "Overdue")
        static let filedLate = T(zh: "逾期报送", en: "Filed late")
        static let evidence = T(zh: "佐证材料", en: "Evidence")
        static let basis = T(zh: "文件依据", en: "Basis")
        static let backToDashboard = T(zh: "返回质量目标", en: "Back to the targets")

        static let reportTitle = T(zh: "报送指标数据", en: "Report indicator values")
        static func reportIntro(_ department: LocalizedText) -> T {
            T(zh: "\(department.zh)：以下为本单位负责（牵头或配合）的指标。每次报送须附佐证材料；更正数据请重新报送，以最后一次为准。",
              en: "\(department.en): the indicators your department leads or supports. Attach evidence to every report; to correct a value, report again — the latest counts.")
        }
        static let reported = T(zh: "已报送，谢谢。", en: "Reported, thank you.")
        static let noIndicators = T(zh: "本单位暂无负责的指标。", en: "Your department answers for no indicator.")
        static let youLead = T(zh: "本单位牵头", en: "you lead")
        static let youCooperate = T(zh: "本单位配合", en: "you support")
        static let evidenceFile = T(zh: "佐证材料（PDF、图片、Excel 或 Word）", en: "Evidence (PDF, image, Excel or Word)")
        static let submitReport = T(zh: "报送", en: "Report")
        static func notYourIndicator(_ name: LocalizedText) -> T {
            T(zh: "“\(name.zh)”不属于本单位负责的指标，不能报送；未做任何更改。",
              en: "\"\(name.en)\" is not one of your department's indicators; nothing was recorded.")
        }
        static let choosePeriod = T(zh: "请选择该指标的报送年度", en: "Choose a year this indicator is reported for")
        static let noteTooLong = T(zh: "说明不能超过 1000 字", en: "At most 1,000 characters")
        static let evidenceRequired = T(zh: "请上传佐证材料", en: "Attach the evidence")
        static let required = T(zh: "必填", en: "Required")
        static let badKey = T(zh: "编号只能由小写字母、数字和连字符组成，不超过 60 个字符", en: "Use lower-case letters, digits and hyphens, at most 60")
        static let keyTaken = T(zh: "该编号已被使用", en: "This id is already used")
        static let badYear = T(zh: "请填写 2000–2100 之间的年份（目标年份不早于起始年份）", en: "A year between 2000 and 2100 (the target year not before the first year)")
        static let badDue = T(zh: "截止日期格式应为 YYYY-MM-DD，且不早于该年度", en: "A date YYYY-MM-DD, not before the year it is for")
        static func periodExists(_ year: Int) -> T { T(zh: "\(year) 年度已存在", en: "\(year) already exists") }
        static let chooseDepartment = T(zh: "请至少选择一个责任单位", en: "Choose at least one department")
        static func noSuchYear(_ year: Int) -> T { T(zh: "没有 \(year) 年度的报送期", en: "There is no reporting period for \(year)") }

        static let periods = T(zh: "报送期", en: "Reporting periods")
        static let dueOn = T(zh: "报送截止日", en: "Due")
        static let dueOnOptional = T(zh: "报送截止日（默认次年 1 月 31 日）", en: "Due (default 31 January after the year)")
        static let addPeriod = T(zh: "新增报送期", en: "Add a period")
        static let addIndicator = T(zh: "新增指标", en: "Add an indicator")
        static let addIndicatorIntro = T(zh: "为后续规划新增指标：第一个勾选的单位为牵头单位。", en: "Add an indicator for a later plan; the first department ticked leads.")
        static let indicatorKey = T(zh: "指标编号", en: "Indicator id")
        static let nameZH = T(zh: "指标名称（中文）", en: "Name (Chinese)")
        static let nameEN = T(zh: "指标名称（英文）", en: "Name (English)")
        static let unit = T(zh: "单位", en: "Unit")
        static let unitZH = T(zh: "单位（中文）", en: "Unit (Chinese)")
        static let unitEN = T(zh: "单位（英文）", en: "Unit (English)")
        static let direction = T(zh: "目标方向", en: "Direction")
        static func directionName(_ direction: TargetDirection) -> T {
            switch direction {
            case .atLeast: T(zh: "不低于", en: "at least")
            case .atMost: T(zh: "不高于", en: "at most")
            case .approximately: T(zh: "左右（不作硬性判断）", en: "about (not judged)")
            }
        }
        static let targetValue = T(zh: "目标值", en: "Target value")
        static let firstYear = T(zh: "起始年度", en: "First year")
        static let targetYear = T(zh: "目标年度（可空）", en: "Target year (optional)")
        static let departmentsLegend = T(zh: "责任单位", en: "Departments")
        static let newDepartmentZH = T(zh: "或新增单位（中文名）", en: "Or a new department (Chinese name)")
        static let newDepartmentEN = T(zh: "新增单位（英文名）", en: "New department (English name)")
        static func saved(_ what: String) -> T {
            what == "period" ? T(zh: "已新增报送期。", en: "The period was added.") : T(zh: "已新增指标。", en: "The indicator was added.")
        }

        static func annualBasis(today: CalendarDate) -> T {
            T(zh: "依据深府〔2010〕183号“定期编制发布全市宏观质量状况分析报告和质量状况白皮书”及第五部分（五）“开展效果评价”编制；数据截至 \(today.iso)。",
              en: "Prepared under 深府〔2010〕183号 (\"publish… a white paper on quality\") and its part 5(5) on evaluating effect; figures as of \(today.iso).")
        }
        static let exportXLSX = T(zh: "导出 Excel", en: "Export XLSX")
        static let printHint = T(zh: "用浏览器的打印功能即可打印本报告。", en: "Use the browser's print command to print this report.")
        static let overview = T(zh: "一、总体情况", en: "1. Overview")
        static func overviewText(year: Int, expected: Int, reported: Int, onTrack: Int, behind: Int) -> T {
            T(zh: "\(year) 年度应报送指标 \(expected) 项，已报送 \(reported) 项；其中达到目标 \(onTrack) 项，未达目标 \(behind) 项。",
              en: "For \(year), \(expected) indicators were due and \(reported) reported; \(onTrack) are on track and \(behind) behind.")
        }
        static let evaluationTitle = T(zh: "二、成员单位效果评价", en: "2. Evaluation by department")
        static let evaluationNote = T(zh: "报送率与达标率均以本单位负责的全部指标为分母；逾期未报只计牵头单位。",
                                      en: "Shares are of all the indicators a department answers for; overdue values count against the lead department only.")
        static let indicatorTable = T(zh: "三、指标完成情况", en: "3. Indicators")
        static let charts = T(zh: "四、指标走势图", en: "4. Charts")
        static let responsible = T(zh: "负责指标", en: "Indicators")
        static let reportedShare = T(zh: "已报送", en: "Reported")
        static let onTrackShare = T(zh: "达到目标", en: "On track")
        static let reportedCountShort = T(zh: "已报送", en: "Reported")
        static let onTrackCountShort = T(zh: "达到目标", en: "On track")
        static let unjudgedCount = T(zh: "约数目标", en: "Approximate goals")
        static let leadDepartment = T(zh: "牵头单位", en: "Lead department")
        static let otherDepartments = T(zh: "配合单位", en: "Supporting departments")
        static let sheetIndicators = T(zh: "指标进展", en: "Indicators")
        static func sheetDepartments(_ year: Int) -> T { T(zh: "\(year)年部门评价", en: "Departments \(year)") }
        static let sheetOverdue = T(zh: "逾期未报", en: "Overdue")
    }
}
