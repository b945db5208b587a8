import QualityRules

/// The words of the facts workbook: its sheets, its column titles and what an upload is told. The profile
/// page titles its tables with the same entries, so the page and the sheets an enterprise edits agree.
extension Strings {
    enum FactsWorkbook {
        enum Sheets {
            static let registration = T(zh: "基本信息", en: "Registration")
            static let certifications = T(zh: "认证证书", en: "Certificates")
            static let taxes = T(zh: "纳税", en: "Tax")
            static let events = T(zh: "处罚事故投诉抽查", en: "Penalties, accidents, complaints, checks")
            static let patents = T(zh: "专利", en: "Patents")
            static let standards = T(zh: "参与标准", en: "Standards drafted")
            static let secretariats = T(zh: "标委会秘书处", en: "Committee secretariats")
            static let trademarks = T(zh: "商标", en: "Trademarks")
            static let awards = T(zh: "获奖", en: "Awards")
            static let labs = T(zh: "实验室", en: "Laboratories")
            static let projects = T(zh: "项目", en: "Projects")
            static let professionalTitles = T(zh: "专业技术人员", en: "Professional titles")
            static let practices = T(zh: "管理实践", en: "Management practices")
            static let readMe = T(zh: "说明", en: "Read me")
        }

        enum Columns {
            // 基本信息 (label/value rows)
            static let item = T(zh: "项目", en: "Item")
            static let value = T(zh: "内容", en: "Value")
            static let notes = T(zh: "说明", en: "Notes")
            static let creditCode = T(zh: "统一社会信用代码", en: "Unified social credit code")
            static let name = T(zh: "企业名称", en: "Enterprise name")
            static let divisionCode = T(zh: "行政区划代码", en: "Division code")
            static let city = T(zh: "所在城市", en: "City")
            static let district = T(zh: "所在区（县）", en: "District")
            static let registeredOn = T(zh: "成立日期", en: "Registered on")
            static let legalForm = T(zh: "组织形式", en: "Legal form")
            static let industryCode = T(zh: "行业代码（GB/T 4754）", en: "Industry code (GB/T 4754)")
            static let operatingStatus = T(zh: "经营状态", en: "Operating status")
            static let fullTimeQualityStaff = T(zh: "专职质量管理人员数", en: "Full-time quality staff")
            static let cqoAppointed = T(zh: "已建立首席质量官制度并任命", en: "Chief quality officer appointed")
            static let cqoTrained = T(zh: "首席质量官持有培训证书", en: "CQO holds the training certificate")
            // Records
            static let certificateType = T(zh: "类型", en: "Type")
            static let certificateNumber = T(zh: "证书编号", en: "Certificate number")
            static let issuer = T(zh: "发证机构", en: "Issuer")
            static let validFrom = T(zh: "有效期起", en: "Valid from")
            static let validTo = T(zh: "有效期至", en: "Valid to")
            static let taxYear = T(zh: "年度", en: "Year")
            static let taxAmount = T(zh: "纳税额（元）", en: "Tax paid (yuan)")
            static let eventDate = T(zh: "日期", en: "Date")
            static let eventKind = T(zh: "类别", en: "Kind")
            static let eventArea = T(zh: "领域", en: "Area")
            static let severity = T(zh: "严重程度", en: "Severity")
            static let outcome = T(zh: "结果", en: "Outcome")
            static let authorityLevel = T(zh: "作出机关级别", en: "Authority level")
            static let reference = T(zh: "文号", en: "Reference")
            static let note = T(zh: "备注", en: "Note")
            static let patentNumber = T(zh: "专利号", en: "Patent number")
            static let patentKind = T(zh: "专利类型", en: "Patent kind")
            static let patentJurisdiction = T(zh: "授权国家（地区）", en: "Granted by")
            static let grantedOn = T(zh: "授予日期", en: "Grant date")
            static let standardNumber = T(zh: "标准编号", en: "Standard number")
            static let standardLevel = T(zh: "标准级别", en: "Standard level")
            static let draftingRole = T(zh: "起草角色", en: "Drafting role")
            static let publishedOn = T(zh: "发布日期", en: "Published on")
            static let committee = T(zh: "技术委员会编号", en: "Committee")
            static let level = T(zh: "级别", en: "Level")
            static let joint = T(zh: "联合承担", en: "Held jointly")
            static let since = T(zh: "承担起始日", en: "Since")
            static let until = T(zh: "终止日", en: "Until")
            static let trademarkNumber = T(zh: "注册号", en: "Registration number")
            static let trademarkJurisdiction = T(zh: "注册国家（地区）", en: "Registered in")
            static let trademarkRegisteredOn = T(zh: "注册日期", en: "Registered on")
            static let awardKind = T(zh: "奖项类别", en: "Award kind")
            static let awardName = T(zh: "奖项名称", en: "Award name")
            static let year = T(zh: "年度", en: "Year")
            static let awardDate = T(zh: "授予日期", en: "Date conferred")
            static let labName = T(zh: "名称", en: "Name")
            static let independent = T(zh: "独立检验室", en: "Independent inspection room")
            static let cnas = T(zh: "CNAS 认可", en: "CNAS accredited")
            static let projectName = T(zh: "项目名称", en: "Project name")
            static let projectKind = T(zh: "项目类别", en: "Project kind")
            static let projectYear = T(zh: "立项年度", en: "Year undertaken")
            static let titleField = T(zh: "专业", en: "Field")
            static let titleLevel = T(zh: "职称级别", en: "Title level")
            static let count = T(zh: "人数", en: "Number of people")
            static let practice = T(zh: "管理实践", en: "Practice")
            static let declared = T(zh: "是否具备", en: "In place")
            // 说明
            static let sheet = T(zh: "工作表", en: "Sheet")
            static let column = T(zh: "列", en: "Column")
            static let required = T(zh: "必填", en: "Required")
            static let allowedValues = T(zh: "可填写的值", en: "Allowed values")
        }

        static let yes = T(zh: "是", en: "yes")
        static let no = T(zh: "否", en: "no")

        enum Notes {
            static let identity = T(zh: "不能通过上传修改；如需变更请联系所在区市场监管局",
                                    en: "Cannot be changed by upload; ask your district bureau")
            static let optional = T(zh: "可留空", en: "May be left empty")
            static let noExpiry = T(zh: "长期有效的留空", en: "Leave empty if it does not expire")
            static let stillHeld = T(zh: "仍在承担的留空", en: "Leave empty while still held")
            static let divisionDefault = T(zh: "留空时取信用代码第 3–8 位", en: "When empty, characters 3–8 of the credit code")
        }

        enum Kinds {
            static let text = T(zh: "文本", en: "Text")
            static let date = T(zh: "日期，如 2024-03-01（Excel 日期格式或文本均可）", en: "A date such as 2024-03-01 (an Excel date or text)")
            static let money = T(zh: "金额，单位元，最多两位小数", en: "An amount in yuan, at most two decimals")
            static let integer = T(zh: "整数", en: "A whole number")
            static let boolean = T(zh: "填“是”或“否”", en: "“是” (yes) or “否” (no)")
            static let choice = T(zh: "从可填写的值中选一个：中文名称、英文名称或代码均可",
                                  en: "One of the allowed values: its Chinese name, English name or code")
        }

        /// The general rows at the top of the read-me sheet.
        static let readMeLines: [T] = [
            T(zh: "本工作簿是规则引擎判断申报条件所依据的企业信息。修改后在“企业信息”页面上传；只要有一处问题，就不会保存任何内容，并逐条列出问题所在的工作表、行和列。",
              en: "This workbook holds the facts the rules engine judges applications by. Upload it on the profile page after editing; if anything is wrong nothing is saved and every problem is listed by sheet, row and column."),
            T(zh: "每个工作表的第一行是列标题，请勿修改或删除；数据行可以增加、删除、调整顺序。不要删除工作表。",
              en: "The first row of each sheet holds the column titles: do not change or delete it. Add, delete and reorder data rows freely; do not delete sheets."),
            T(zh: "日期可用 Excel 日期格式，也可写成 2024-03-01、2024/3/1 或 2024年3月1日。",
              en: "Dates may be Excel dates or text such as 2024-03-01, 2024/3/1 or 2024年3月1日."),
            T(zh: "金额以元为单位，最多两位小数（分），不会四舍五入：12.345 元将被拒绝。",
              en: "Amounts are in yuan with at most two decimals (fen); nothing is rounded: 12.345 yuan is refused."),
            T(zh: "分类取值填写中文名称、英文名称或代码均可，见下表“可填写的值”。",
              en: "For a classification, write its Chinese name, English name or code (see “Allowed values” below)."),
            T(zh: "统一社会信用代码、企业名称、所在城市、所在区（县）不能通过本表修改。",
              en: "The credit code, name, city and district cannot be changed through this workbook."),
            T(zh: "审核人员的认定以及平台记录的荣誉称号和资助不在本表中，上传时保持不变。",
              en: "Reviewers' findings and the titles and grants the platform records are not in this workbook; an upload leaves them as they are."),
        ]

        // MARK: What an upload is told

        static let refused = T(zh: "上传的企业信息表有以下问题，未保存任何内容。请在表中改正后重新上传。",
                               en: "The uploaded workbook has the problems below; nothing was saved. Correct them in the workbook and upload it again.")
        static let missingSheet = T(zh: "缺少此工作表（请使用平台导出的企业信息表）", en: "This sheet is missing (use the workbook the platform exports)")
        static let missingColumn = T(zh: "缺少此列（请勿修改第一行的列标题）", en: "This column is missing (do not change the titles in the first row)")
        static let missingItem = T(zh: "缺少此项", en: "This item is missing")
        static let unknownItem = T(zh: "不是本表的项目", en: "Not an item of this sheet")
        static let duplicateItem = T(zh: "此项重复填写", en: "This item is given twice")
        static let requiredCell = T(zh: "必填，不能为空", en: "Required; cannot be empty")
        static let dateNotExist = T(zh: "日期不存在", en: "The date does not exist")
        static let notADate = T(zh: "不是日期，请写成 2024-03-01 或使用 Excel 日期格式", en: "Not a date; write 2024-03-01 or use an Excel date")
        static let notAWholeNumber = T(zh: "须为整数", en: "Must be a whole number")
        static let notYesNo = T(zh: "请填写“是”或“否”", en: "Write “是” (yes) or “否” (no)")
        static let notText = T(zh: "应为文本", en: "Should be text")
        static let noWorkbookUploaded = T(zh: "请选择要上传的企业信息表（.xlsx）", en: "Choose the workbook (.xlsx) to upload")
        static let notXLSX = T(zh: "请上传 Excel 工作簿（.xlsx）；不接受 CSV 或其他格式", en: "Upload an Excel workbook (.xlsx); CSV and other formats are not accepted")
        static let legacyWorkbook = T(zh: "这是旧版 .xls 或设置了密码的工作簿，请另存为不加密的 .xlsx 后上传",
                                      en: "This is a legacy .xls or a password-protected workbook; save it as an unprotected .xlsx and upload that")
        static let unreadableWorkbook = T(zh: "无法读取该工作簿，文件可能已损坏；请用 Excel 打开后另存为 .xlsx 再上传",
                                          en: "The workbook cannot be read and may be damaged; open it in Excel, save it as .xlsx and upload again")
        static let factsUnreadable = T(zh: "平台保存的企业信息无法读取，请联系平台管理员", en: "The stored facts cannot be read; contact the platform administrator")

        /// Short lists are spelled out; long ones (24 certificate types) are in the read-me sheet.
        static func unknownValue(_ text: String, allowed: [T]) -> T {
            guard allowed.count <= 10 else {
                return T(zh: "“\(text)”不是可填写的值（可填写的值见“说明”工作表）",
                         en: "'\(text)' is not an allowed value (the “说明” sheet lists them)")
            }
            return T(zh: "“\(text)”不是可填写的值（可填：\(allowed.map(\.zh).joined(separator: "、"))）",
                     en: "'\(text)' is not an allowed value (allowed: \(allowed.map(\.en).joined(separator: ", ")))")
        }

        static func identityChanged(registered: String, uploaded: String) -> T {
            T(zh: "不能通过上传修改：平台登记为“\(registered)”，表中为“\(uploaded)”；如需变更请联系所在区市场监管局",
              en: "Cannot be changed by upload: registered as '\(registered)', the workbook says '\(uploaded)'; ask your district bureau")
        }

        /// "工作表「专利」第 5 行「授予日期」列：日期不存在".
        static func problem(sheet: T?, row: Int?, column: T?, isItem: Bool, message: T) -> T {
            var zh = "", en = ""
            if let sheet {
                zh += "工作表「\(sheet.zh)」"
                en += "Sheet “\(sheet.zh)” (\(sheet.en))"
            }
            if let row {
                zh += "第 \(row) 行"
                en += (en.isEmpty ? "Row" : ", row") + " \(row)"
            }
            if let column {
                zh += "「\(column.zh)」" + (isItem ? "" : "列")
                en += (en.isEmpty ? "" : ", ") + (isItem ? "item" : "column") + " “\(column.en)”"
            }
            return T(zh: zh.isEmpty ? message.zh : zh + "：" + message.zh,
                     en: en.isEmpty ? message.en : en + ": " + message.en)
        }
    }
}
