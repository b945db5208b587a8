import QualityRules
import QualityStorage
import Spreadsheet

/// What people read about special funds, grants and disbursements.
extension Strings {
    enum Funds {
        // MARK: Titles and labels
        static let title = T(zh: "专项资金", en: "Special funds")
        static let grants = T(zh: "资助申请", en: "Grant applications")
        static let myGrants = T(zh: "我的资助", en: "My grants")
        static let disbursements = T(zh: "拨付批次", en: "Disbursement batches")
        static let newFund = T(zh: "新建资金", en: "New fund")
        static let newGrant = T(zh: "申请资助", en: "Apply for a grant")
        static let history = T(zh: "导入历史资助记录", en: "Import earlier grants")
        static let exports = T(zh: "导出", en: "Exports")
        static let openData = T(zh: "开放数据（360Giving 格式）", en: "Open data (360Giving)")
        static let grantsSheet = T(zh: "资助名单", en: "Grants")
        static let disbursementsSheet = T(zh: "拨付明细", en: "Disbursements")
        static let fund = T(zh: "资金", en: "Fund")
        static let policy = T(zh: "政策", en: "Policy")
        static let programme = T(zh: "资助项目", en: "Funded item")
        static let allProgrammes = T(zh: "本政策全部资助项目", en: "Every funded item of the policy")
        static let year = T(zh: "年度", en: "Year")
        static let source = T(zh: "资金来源", en: "Source")
        static let funderName = T(zh: "资助单位", en: "Funding organisation")
        static let funderCreditCode = T(zh: "资助单位统一社会信用代码（选填，用于开放数据）", en: "Funder's credit code (optional, for open data)")
        static let nameZh = T(zh: "资金名称（中文，留空自动生成）", en: "Fund name in Chinese (blank: generated)")
        static let nameEn = T(zh: "资金名称（英文，留空自动生成）", en: "Fund name in English (blank: generated)")
        static let budget = T(zh: "预算金额（元）", en: "Budget (yuan)")
        static let amountYuan = T(zh: "金额（元）", en: "Amount (yuan)")
        static let memo = T(zh: "说明", en: "Note")
        static let movement = T(zh: "类型", en: "Movement")
        static let save = T(zh: "保存", en: "Save")
        static let record = T(zh: "记账", en: "Record")
        static let sandbox = T(zh: "沙盒（草案政策，不对企业开放）", en: "Sandbox (draft policy, not offered to enterprises)")
        static let balances = T(zh: "余额（由分录汇总）", en: "Balances (summed from the entries)")
        static let counter = T(zh: "计数行", en: "Counter row")
        static let account = T(zh: "账户", en: "Account")
        static let entries = T(zh: "分录", en: "Entries")
        static let sequence = T(zh: "序号", en: "No.")
        static let date = T(zh: "日期", en: "Date")
        static let from = T(zh: "转出", en: "From")
        static let to = T(zh: "转入", en: "To")
        static let by = T(zh: "经办人", en: "By")
        static let reconciled = T(zh: "计数行与分录汇总一致", en: "The counter row equals the sum of the entries")
        static let notReconciled = T(zh: "计数行与分录汇总不一致，请立即核查", en: "The counter row does not equal the sum of the entries: investigate at once")
        static let noFunds = T(zh: "暂无专项资金。", en: "There are no funds yet.")
        static let noEntries = T(zh: "暂无分录。", en: "No entries yet.")
        static let noGrants = T(zh: "暂无资助申请。", en: "No grant applications yet.")
        static let noOpenFunds = T(zh: "目前没有可申请的专项资金。", en: "No fund is open for applications now.")
        static let reference = T(zh: "编号", en: "Reference")
        static let enterprise = T(zh: "企业", en: "Enterprise")
        static let matters = T(zh: "资助事项", en: "Matters funded")
        static let mattersHint = T(zh: "每行一个，例如 certificate:GBA-CFL-2026-0117（证书）、award:guangdongQualityAward:2025（奖项）；留空则按企业信息自动确定。按项目资助的填写项目名称。",
                                   en: "One per line, e.g. certificate:GBA-CFL-2026-0117 (a certificate) or award:guangdongQualityAward:2025 (an award); blank: taken from the enterprise's facts. For project items, name the projects.")
        static let tier = T(zh: "等次 / 事项类别（分等次资助的项目填写）", en: "Grade or matter type (items paid by grade)")
        static let statement = T(zh: "申请说明及佐证材料说明", en: "Statement and description of the evidence")
        static let submit = T(zh: "提交申请", en: "Submit the application")
        static let stageLabel = T(zh: "状态", en: "Status")
        static let offered = T(zh: "政策规定金额", en: "Amount set by the rules")
        static let capLabel = T(zh: "最高可资助", en: "At most")
        static let approvedAmount = T(zh: "核定金额", en: "Approved amount")
        static let disbursedAmount = T(zh: "已拨付", en: "Paid")
        static let submittedAt = T(zh: "提交时间", en: "Submitted")
        static let evaluation = T(zh: "规则引擎核验", en: "What the rules say")
        static let evidence = T(zh: "佐证材料", en: "Evidence")
        static let upload = T(zh: "上传", en: "Upload")
        static let noEvidence = T(zh: "尚未上传佐证材料。", en: "No evidence uploaded yet.")
        static let decision = T(zh: "审核决定", en: "Decision")
        static let approve = T(zh: "批准并从资金中承诺", en: "Approve and commit the money")
        static let reject = T(zh: "不予资助", en: "Reject")
        static let withdraw = T(zh: "撤回申请", en: "Withdraw the application")
        static let reason = T(zh: "理由", en: "Reason")
        static let officerAmountHint = T(zh: "“最高 N 万元”的项目须在上限内核定金额并说明理由；定额项目无需填写。",
                                         en: "For “up to” items, set the amount within the cap and give a reason; leave it blank for fixed amounts.")
        static let score = T(zh: "GB/T 19580 评审总分", en: "GB/T 19580 score")
        static let maximumScore = T(zh: "满分", en: "Out of")
        static let rank = T(zh: "排名", en: "Rank")
        static let findings = T(zh: "需认定的条件", en: "Clauses to decide")
        static let met = T(zh: "符合", en: "Met")
        static let notMet = T(zh: "不符合", en: "Not met")
        static let undecided = T(zh: "未认定", en: "Not decided")
        static let clawBack = T(zh: "撤销资助 / 追回资金", en: "Cancel or claw back the grant")
        static let clawBackHint = T(zh: "已批准未拨付的，撤销承诺、资金退回可用余额；已拨付的，记为追回。",
                                    en: "Approved but unpaid: the commitment is cancelled and the money returns to the fund. Paid: recorded as clawed back.")
        static let reports = T(zh: "资金使用计划与年度报告", en: "Fund-use plan and yearly reports")
        static let reportsIntro = T(zh: "依据江市监规字〔2022〕1号第十一条：获资助企业应制定资金使用计划，有效期内每年 1 月 31 日前报送上一年度工作总结报告。",
                                    en: "Per art. 11 of 江市监规字〔2022〕1号: grantees make a fund-use plan and, within the validity, report on the previous year by 31 January.")
        static let reportKind = T(zh: "报告类型", en: "Report")
        static let reportText = T(zh: "内容", en: "Text")
        static let spent = T(zh: "本年度使用金额（元，选填）", en: "Spent in the year (yuan, optional)")
        static let send = T(zh: "报送", en: "Send")
        static let due = T(zh: "待报送", en: "Due")
        static let overdue = T(zh: "逾期未报送", en: "Overdue")
        static let overdueReports = T(zh: "逾期未报送的年度报告", en: "Overdue yearly reports")
        static let payable = T(zh: "已批准待拨付", en: "Approved, awaiting payment")
        static let newBatch = T(zh: "组成拨付批次", en: "Make a disbursement batch")
        static let batchLabel = T(zh: "批次名称", en: "Batch name")
        static let makeBatch = T(zh: "生成批次", en: "Make the batch")
        static let paymentReference = T(zh: "支付凭证号", en: "Payment reference")
        static let paidOn = T(zh: "拨付日期", en: "Paid on")
        static let markPaid = T(zh: "确认已拨付", en: "Mark as paid")
        static let total = T(zh: "合计", en: "Total")
        static let noBatches = T(zh: "暂无拨付批次。", en: "No batches yet.")
        static let nothingPayable = T(zh: "没有待拨付的资助。", en: "Nothing awaits payment.")
        static let importIntro = T(zh: "上传 CSV 或 XLSX 文件，首行为表头：统一社会信用代码、项目编号、事项、资助日期、资助金额（元）、备注（选填）。任何一行有误则全部不导入，并列出每一行的问题。",
                                   en: "Upload a CSV or XLSX file whose first row is the header: 统一社会信用代码, 项目编号, 事项, 资助日期, 资助金额（元）, 备注 (optional) — or creditCode, programmeId, matter, grantedOn, amountYuan, note. If any row is wrong nothing is imported, and every wrong row is listed.")
        static let file = T(zh: "文件", en: "File")
        static let importButton = T(zh: "导入", en: "Import")
        static let row = T(zh: "行", en: "Row")
        static let column = T(zh: "列", en: "Column")
        static let problem = T(zh: "问题", en: "Problem")
        static let nothingImported = T(zh: "文件有误，未导入任何记录。", en: "The file has errors; nothing was imported.")
        static func imported(_ count: Int) -> T { T(zh: "已导入 \(count) 条历史资助记录。", en: "Imported \(count) earlier grants.") }
        static let grantsCSV = T(zh: "资助名单 CSV", en: "Grants CSV")
        static let grantsXLSX = T(zh: "资助名单 XLSX", en: "Grants XLSX")
        static let disbursementsCSV = T(zh: "拨付明细 CSV", en: "Disbursements CSV")
        static let disbursementsXLSX = T(zh: "拨付明细 XLSX", en: "Disbursements XLSX")
        static let openDataJSON = T(zh: "开放数据 JSON", en: "Open data JSON")
        static let openDataCSV = T(zh: "开放数据 CSV", en: "Open data CSV")
        static let mustBeEnterprise = T(zh: "资助申请须以企业账号提交", en: "Grant applications are made from an enterprise account")

        // MARK: Enumerations
        static func source(_ source: FundSource) -> T {
            switch source {
            case .cityBudget: T(zh: "市本级财政", en: "City budget")
            case .districtBudget: T(zh: "区级财政", en: "District budget")
            case .provincialTransfer: T(zh: "省级转移支付", en: "Provincial transfer")
            case .centralTransfer: T(zh: "中央转移支付", en: "Central transfer")
            case .other: T(zh: "其他", en: "Other")
            }
        }

        static func account(_ account: LedgerAccount) -> T {
            switch account {
            case .budget: T(zh: "预算来源", en: "Budget source")
            case .available: T(zh: "可用余额", en: "Available")
            case .committed: T(zh: "已承诺待拨付", en: "Committed")
            case .disbursed: T(zh: "已拨付", en: "Disbursed")
            case .clawedBack: T(zh: "已追回", en: "Clawed back")
            }
        }

        static func movement(_ movement: LedgerMovement) -> T {
            switch movement {
            case .appropriation: T(zh: "预算下达", en: "Appropriation")
            case .reduction: T(zh: "预算调减", en: "Reduction")
            case .commitment: T(zh: "批准资助", en: "Commitment")
            case .release: T(zh: "撤销承诺", en: "Release")
            case .disbursement: T(zh: "拨付", en: "Disbursement")
            case .clawback: T(zh: "追回", en: "Clawback")
            }
        }

        static func stage(_ stage: GrantStage) -> T {
            switch stage {
            case .submitted: T(zh: "待审核", en: "Awaiting decision")
            case .approved: T(zh: "已批准待拨付", en: "Approved")
            case .rejected: T(zh: "不予资助", en: "Rejected")
            case .withdrawn: T(zh: "已撤回", en: "Withdrawn")
            case .disbursed: T(zh: "已拨付", en: "Paid")
            case .released: T(zh: "已撤销（未拨付）", en: "Cancelled before payment")
            case .clawedBack: T(zh: "已追回", en: "Clawed back")
            }
        }

        static func batchStage(_ stage: BatchStage) -> T {
            switch stage {
            case .open: T(zh: "待拨付", en: "Open")
            case .paid: T(zh: "已拨付", en: "Paid")
            }
        }

        static func reportKind(_ kind: FundUseReportKind) -> T {
            switch kind {
            case .plan: T(zh: "资金使用计划", en: "Fund-use plan")
            case .annual: T(zh: "年度工作总结报告", en: "Yearly report")
            }
        }

        static func reportName(_ kind: FundUseReportKind, year: Int) -> T {
            kind == .plan ? reportKind(kind) : T(zh: "\(year) 年度工作总结报告", en: "Report on \(year)")
        }

        static func actionName(_ raw: String) -> T {
            switch raw {
            case "grant_apply": T(zh: "提交资助申请", en: "Applied")
            case "grant_from_title": T(zh: "认定后生成首次资助", en: "Made with the title")
            case "grant_evidence": T(zh: "上传佐证材料", en: "Evidence uploaded")
            case "grant_withdraw": T(zh: "撤回", en: "Withdrawn")
            case "grant_approve": T(zh: "批准", en: "Approved")
            case "grant_reject": T(zh: "不予资助", en: "Rejected")
            case "grant_disburse": T(zh: "拨付", en: "Paid")
            case "grant_clawback": T(zh: "撤销 / 追回", en: "Cancelled or clawed back")
            case "fund_use_plan": T(zh: "报送资金使用计划", en: "Fund-use plan sent")
            case "fund_use_annual": T(zh: "报送年度报告", en: "Yearly report sent")
            default: T(zh: raw, en: raw)
            }
        }

        static func origin(_ origin: GrantOrigin) -> T {
            switch origin {
            case .application: T(zh: "企业申请", en: "Applied for")
            case .title: T(zh: "认定后自动生成（首次资助）", en: "Made with the title (first-time grant)")
            }
        }

        // MARK: Refusals and messages
        static let fixFields = Strings.Form.fixFields
        static let engineMissing = T(zh: "政策规则未加载，无法计算资助", en: "The policy rules are not loaded; grants cannot be worked out")
        static let factsInvalid = T(zh: "企业信息不完整或有误，规则引擎无法核定资助，请先完善企业信息",
                                    en: "The enterprise's facts are incomplete or wrong; the engine cannot work out the grant until they are completed")
        static let unknownFund = T(zh: "没有这项专项资金", en: "There is no such fund")
        static let unknownPolicy = T(zh: "没有这项政策", en: "There is no such policy")
        static let unknownProgramme = T(zh: "没有这个资助项目，或该项目不由本模块拨付资金", en: "There is no such funded item, or it is not paid through this module")
        static func unknownProgrammeID(_ id: String) -> T { T(zh: "未知的项目编号“\(id)”", en: "Unknown programme id '\(id)'") }
        static let grantNotFound = T(zh: "找不到该资助申请，或您无权查看", en: "No such grant application, or you may not see it")
        static let batchNotFound = T(zh: "找不到该拨付批次", en: "No such disbursement batch")
        static func fundDoesNotCover(_ fund: LocalizedText, _ programme: LocalizedText) -> T {
            T(zh: "“\(fund.zh)”不支付“\(programme.zh)”", en: "“\(fund.en)” does not pay for “\(programme.en)”")
        }
        static func chooseTier(_ tiers: [LocalizedText]) -> T {
            T(zh: "请选择等次或事项类别：\(tiers.map(\.zh).joined(separator: "、"))", en: "Choose the grade or matter type: \(tiers.map(\.en).joined(separator: ", "))")
        }
        static func policyNotInForce(_ policy: LocalizedText, _ status: LocalizedText) -> T {
            T(zh: "“\(policy.zh)”目前\(status.zh)，不受理资助申请", en: "“\(policy.en)” is \(status.en) now; no grant applications are taken")
        }
        static let nameProjects = T(zh: "请填写申请资助的项目名称（每行一个）", en: "Name the projects applied for, one per line")
        static let nothingToFund = T(zh: "企业信息中没有尚未获资助的符合条件事项", en: "The enterprise's facts hold no qualifying matter that is not funded already")
        static func unknownMatters(_ unknown: [String], known: [MatchedRecord]) -> T {
            let list = known.map(\.matter).joined(separator: "、")
            return T(zh: "以下事项不在企业信息的符合条件记录中：\(unknown.joined(separator: "、"))。可申请：\(list.isEmpty ? "无" : list)",
                     en: "Not among the qualifying records of the enterprise's facts: \(unknown.joined(separator: ", ")). Qualifying: \(list.isEmpty ? "none" : list)")
        }
        static func alreadyApplied(_ reference: String, _ matters: [String]) -> T {
            T(zh: "事项 \(matters.joined(separator: "、")) 已在资助申请 \(reference) 中，不能重复申请",
              en: "Matter \(matters.joined(separator: ", ")) is already in grant application \(reference)")
        }
        static let notAccepted = T(zh: "不予受理：", en: "Not accepted: ")
        static let notApproved = T(zh: "不予批准：", en: "Not approved: ")
        static let notMetPrefix = T(zh: "不符合", en: "Not met — ")
        static let needsFindingPrefix = T(zh: "待认定", en: "Needs a finding — ")
        static func notInStage(_ stage: GrantStage, wanted: GrantStage) -> T {
            T(zh: "该资助申请处于“\(Strings.Funds.stage(stage).zh)”状态，不能进行此操作",
              en: "The grant application is “\(Strings.Funds.stage(stage).en)”; this cannot be done now")
        }
        static let amountPositive = T(zh: "金额须大于零", en: "The amount must be more than zero")
        static func wholeNumber(_ minimum: Int) -> T { T(zh: "请填写不小于 \(minimum) 的整数", en: "Enter a whole number of at least \(minimum)") }
        static let chooseFund = T(zh: "请选择支付的专项资金", en: "Choose the fund that pays")
        static func aboveCap(_ amount: Money, _ cap: Money) -> T {
            T(zh: "核定金额 \(amount.formatted(.zh)) 超过上限 \(cap.formatted(.zh))", en: "The amount \(amount.formatted(.en)) is above the cap of \(cap.formatted(.en))")
        }
        static func belowMinimum(_ amount: Money, _ minimum: Money) -> T {
            T(zh: "核定金额 \(amount.formatted(.zh)) 低于下限 \(minimum.formatted(.zh))", en: "The amount \(amount.formatted(.en)) is below the minimum of \(minimum.formatted(.en))")
        }
        static let reasonRequired = T(zh: "请说明理由", en: "Give the reason")
        static func amountFixed(_ amount: Money) -> T {
            T(zh: "本项目资助金额由政策确定为 \(amount.formatted(.zh))，不能另行核定", en: "The rules fix this grant at \(amount.formatted(.en)); it cannot be set otherwise")
        }
        static func needsAmount(_ cap: Money) -> T {
            T(zh: "须在 \(cap.formatted(.zh)) 以内核定金额并说明理由", en: "Set the amount, at most \(cap.formatted(.en)), with a reason")
        }
        static let needsTier = T(zh: "须选择等次或事项类别以确定金额", en: "Choose the grade or matter type to settle the amount")
        static func commitmentMemo(_ reference: String, _ matters: [String]) -> T {
            T(zh: "批准资助 \(reference)：\(matters.joined(separator: "、"))", en: "Grant \(reference) approved: \(matters.joined(separator: ", "))")
        }
        static func refusal(_ refusal: FundLedger.Refusal, fund: LocalizedText) -> T {
            switch refusal {
            case .notPositive: return amountPositive
            case .unknownFund: return unknownFund
            case .insufficient(let account, let balance, let needed):
                return T(zh: "“\(fund.zh)”\(Strings.Funds.account(account).zh)为 \(balance.formatted(.zh))，不足 \(needed.formatted(.zh))（差 \((needed - balance).formatted(.zh))）",
                         en: "“\(fund.en)” has \(balance.formatted(.en)) \(Strings.Funds.account(account).en.lowercased()), less than the \(needed.formatted(.en)) needed (short by \((needed - balance).formatted(.en)))")
            }
        }
        static let badYear = T(zh: "年度应为 2000 至 2100 之间的年份", en: "The year must be between 2000 and 2100")
        static let badSource = T(zh: "请选择资金来源", en: "Choose the source")
        static let badCreditCode = T(zh: "统一社会信用代码不正确（18 位，含校验码）", en: "Not a valid unified social credit code (18 characters with its check digit)")
        static func fundExists(_ name: LocalizedText) -> T {
            T(zh: "已有同一政策、项目和年度的资金：\(name.zh)", en: "A fund for the same policy, item and year exists: \(name.en)")
        }
        static func defaultFundName(_ policy: LocalizedText, _ programme: LocalizedText?, year: Int) -> T {
            T(zh: "\(year) 年\(programme?.zh ?? policy.zh)专项资金", en: "\(year) fund: \(programme?.en ?? policy.en)")
        }
        static let initialBudgetMemo = T(zh: "年初预算下达", en: "Initial budget")
        static let badMovement = T(zh: "只能记预算下达或预算调减", en: "Only appropriations and reductions can be recorded here")
        static let memoRequired = T(zh: "请填写说明（如预算文号）", en: "Give a note (such as the budget document number)")
        static let nothingToClawBack = T(zh: "该资助不在可撤销或追回的状态", en: "The grant is in no state that can be cancelled or clawed back")
        static let chooseGrants = T(zh: "请选择要拨付的资助", en: "Choose the grants to pay")
        static let labelRequired = T(zh: "请填写批次名称", en: "Name the batch")
        static func notPayable(_ reference: String, _ stage: GrantStage) -> T {
            T(zh: "资助 \(reference) 不能拨付（\(Strings.Funds.stage(stage).zh)，或已在其他批次中）",
              en: "Grant \(reference) cannot be paid (\(Strings.Funds.stage(stage).en), or already in another batch)")
        }
        static let oneFundPerBatch = T(zh: "一个批次只能包含同一专项资金的资助", en: "A batch holds grants of one fund only")
        static let batchAlreadyPaid = T(zh: "该批次已拨付，不能重复拨付", en: "This batch has been paid already")
        static let batchEmpty = T(zh: "该批次没有待拨付的资助", en: "The batch holds nothing to pay")
        static let referenceRequired = T(zh: "请填写支付凭证号", en: "Give the payment reference")
        static let badDate = Strings.Form.badDate
        static let notInFuture = T(zh: "日期不能晚于今天", en: "The date cannot be after today")
        static let reportsOnlyWhenGranted = T(zh: "只有已批准或已拨付的资助可报送资金使用情况", en: "Only approved or paid grants report on their use")
        static let badReportKind = T(zh: "请选择报告类型", en: "Choose the report")
        static func reportYear(from: Int, to: Int) -> T {
            from > to ? T(zh: "本年度尚未结束，暂不能报送年度报告", en: "No year has ended since the grant; there is no yearly report to send yet")
                : T(zh: "报告年度应为 \(from) 至 \(to) 年", en: "The report year must be \(from) to \(to)")
        }
        static func annualWithTitle(_ path: String) -> T {
            T(zh: "年度工作总结报告（含资金使用情况）请在荣誉称号页面报送：\(path)", en: "Send the yearly report (with the fund use) from the title's page: \(path)")
        }
        static let titleReports = T(zh: "荣誉称号年度报告中的资金使用情况", en: "Fund use in the title's yearly reports")
        static let reportTooShort = T(zh: "请至少写 10 个字", en: "Write at least 10 characters")
        static func reportExists(_ kind: FundUseReportKind, year: Int) -> T {
            T(zh: "\(reportName(kind, year: year).zh)已报送", en: "\(reportName(kind, year: year).en) has been sent already")
        }
        static func unreadableFile(_ error: SpreadsheetError) -> T {
            switch error {
            case .notUTF8(let row, _, _):
                T(zh: "第 \(row) 行不是 UTF-8 编码：请在 Excel 中“另存为 CSV UTF-8”", en: "Row \(row) is not UTF-8: save the file as “CSV UTF-8” in Excel")
            case .legacyOrEncryptedWorkbook:
                T(zh: "这是旧版 .xls 或加密的工作簿，请另存为未加密的 .xlsx", en: "This is a legacy .xls or an encrypted workbook; save it as an unprotected .xlsx")
            default:
                T(zh: "无法读取文件：\(error.description)", en: "The file cannot be read: \(error.description)")
            }
        }
        static func missingColumn(_ title: String) -> T { T(zh: "缺少列“\(title)”", en: "The column “\(title)” is missing") }
        static let emptyFile = T(zh: "文件中没有数据行", en: "The file has no data rows")
        static func tooManyRows(_ limit: Int) -> T { T(zh: "一次最多导入 \(limit) 行", en: "At most \(limit) rows at a time") }
        static func unknownEnterprise(_ code: String) -> T {
            T(zh: "平台中没有信用代码为 \(code) 的企业，请先导入企业", en: "No enterprise with credit code \(code) is on the platform; import it first")
        }
        static func badMatter(_ prefixes: [String]) -> T {
            T(zh: "事项应以 \(prefixes.joined(separator: "、")) 之一开头，例如 award:chinaQualityAward:2019",
              en: "A matter starts with one of \(prefixes.joined(separator: ", ")), e.g. award:chinaQualityAward:2019")
        }
        static func duplicateRow(_ matter: String) -> T { T(zh: "文件中重复的事项：\(matter)", en: "The file repeats the matter \(matter)") }
        static func alreadyRecorded(_ matter: String) -> T { T(zh: "该企业的事项 \(matter) 已有资助记录", en: "The enterprise's matter \(matter) is already recorded as funded") }

        enum Columns {
            static let reference = T(zh: "资助编号", en: "Reference")
            static let creditCode = Strings.Form.creditCode
            static let enterprise = T(zh: "企业名称", en: "Enterprise")
            static let policy = T(zh: "政策编号", en: "Policy id")
            static let programme = T(zh: "项目编号", en: "Programme id")
            static let programmeTitle = T(zh: "资助项目", en: "Funded item")
            static let fund = T(zh: "专项资金", en: "Fund")
            static let source = T(zh: "资金来源", en: "Source")
            static let matters = T(zh: "资助事项", en: "Matters")
            static let stage = T(zh: "状态", en: "Status")
            static let approved = T(zh: "核定金额（元）", en: "Approved (yuan)")
            static let disbursed = T(zh: "已拨付（元）", en: "Paid (yuan)")
            static let clawedBack = T(zh: "已追回（元）", en: "Clawed back (yuan)")
            static let decidedOn = T(zh: "批准日期", en: "Approved on")
            static let paidOn = T(zh: "拨付日期", en: "Paid on")
            static let paymentReference = T(zh: "支付凭证号", en: "Payment reference")
            static let batch = T(zh: "拨付批次", en: "Batch")
            static let batchStage = T(zh: "批次状态", en: "Batch status")
            static let amount = T(zh: "金额（元）", en: "Amount (yuan)")
        }

        enum Inbox {
            typealias Message = Strings.Inbox.Message

            static func applied(_ programme: LocalizedText, _ enterprise: String) -> Message {
                (T(zh: "新资助申请：\(enterprise)", en: "New grant application: \(enterprise)"),
                 T(zh: "\(enterprise) 申请“\(programme.zh)”，请审核。", en: "\(enterprise) applied for “\(programme.en)”; please decide."))
            }

            static func fromTitle(_ programme: LocalizedText, _ enterprise: String, _ amount: Money) -> Message {
                (T(zh: "首次资助待批准：\(enterprise)", en: "First-time grant to approve: \(enterprise)"),
                 T(zh: "\(enterprise) 初次通过“\(programme.zh)”评审，一次性资助 \(amount.formatted(.zh)) 已生成，待批准。",
                   en: "\(enterprise) passed “\(programme.en)” for the first time; its one-off grant of \(amount.formatted(.en)) awaits approval."))
            }

            static func approved(_ programme: LocalizedText, _ amount: Money) -> Message {
                (T(zh: "资助已批准：\(programme.zh)", en: "Grant approved: \(programme.en)"),
                 T(zh: "您申请的“\(programme.zh)”已批准，核定金额 \(amount.formatted(.zh))，将分批拨付。",
                   en: "Your grant for “\(programme.en)” is approved at \(amount.formatted(.en)); it will be paid in a disbursement batch."))
            }

            static func rejected(_ programme: LocalizedText, _ reason: String) -> Message {
                (T(zh: "资助未获批准：\(programme.zh)", en: "Grant not approved: \(programme.en)"),
                 T(zh: "您申请的“\(programme.zh)”不予资助。理由：\(reason)", en: "Your grant for “\(programme.en)” was not approved. Reason: \(reason)"))
            }

            static func paid(_ reference: String, _ amount: Money, _ payment: String) -> Message {
                (T(zh: "资助已拨付：\(reference)", en: "Grant paid: \(reference)"),
                 T(zh: "资助 \(reference) 已拨付 \(amount.formatted(.zh))，支付凭证号 \(payment)。请制定资金使用计划并按期报送使用情况。",
                   en: "Grant \(reference) has been paid \(amount.formatted(.en)), payment reference \(payment). Please make a fund-use plan and report on its use on time."))
            }

            static func clawedBack(_ reference: String, _ amount: Money, _ reason: String) -> Message {
                (T(zh: "资助已撤销或追回：\(reference)", en: "Grant cancelled or clawed back: \(reference)"),
                 T(zh: "资助 \(reference)（\(amount.formatted(.zh))）已撤销或追回。理由：\(reason)",
                   en: "Grant \(reference) (\(amount.formatted(.en))) has been cancelled or clawed back. Reason: \(reason)"))
            }
        }
    }
}
