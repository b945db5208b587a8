import QualityRules

extension Strings {
    enum Credit {
        static let navigation = T(zh: "质量信用查询", en: "Quality credit")
        static let queryTitle = T(zh: "企业质量信用查询", en: "Enterprise quality credit")
        static let queryIntro = T(zh: "按企业名称或 18 位统一社会信用代码查询企业的质量信用等级、质量荣誉称号和公开的行政处罚信息。",
                                  en: "Look up an enterprise by name or 18-character credit code: its quality credit grade, quality titles and public penalties.")
        static let queryLabel = T(zh: "企业名称或统一社会信用代码", en: "Enterprise name or credit code")
        static let queryPlaceholder = T(zh: "如：鹏程精密 或 91440305MA5QC0001X", en: "e.g. 鹏程精密 or a credit code")
        static let search = T(zh: "查询", en: "Search")
        static let badQuery = T(zh: "请输入至少 2 个字的企业名称，或 18 位统一社会信用代码", en: "Enter at least two characters of the name, or the 18-character credit code")
        static let noMatch = T(zh: "没有找到相符的企业。", en: "No enterprise matches.")
        static let notFound = T(zh: "没有该统一社会信用代码的企业档案", en: "There is no file for that credit code")
        static let grade = T(zh: "质量信用等级", en: "Credit grade")
        static let gradeBasis = T(zh: "等级评价依据：", en: "Grading under ")
        static let howGraded = T(zh: "等级如何评定", en: "How the grade is worked out")
        static let rule = T(zh: "情形", en: "When")
        static let ruleBasis = T(zh: "依据或理由", en: "Basis or reasoning")
        static func rulesVersion(_ version: String) -> T { T(zh: "评价规则版本：\(version)", en: "Rules version: \(version)") }
        static let supervision = T(zh: "分级分类管理", en: "Graded supervision")
        static func gradedOn(_ day: CalendarDate, window: DayRange, version: String) -> T {
            T(zh: "评定日期 \(day.iso)，回溯期 \(window.start.iso) 至 \(day.iso)（规则 \(version)）。",
              en: "Graded on \(day.iso), looking back to \(window.start.iso) (rules \(version)).")
        }
        static let noGrade = T(zh: "企业信息不完整，暂不能评定等级。", en: "The enterprise's facts are incomplete; no grade can be given yet.")
        static let contact = T(zh: "联系人", en: "Contact")
        static let barsTitle = T(zh: "对申报的影响", en: "What this means for applications")
        static let barsIntro = T(zh: "规则引擎依据同一份档案，判定以下项目的排除情形目前不符合：", en: "On the same facts, the rules engine finds these exclusions failed today:")
        static let timeline = T(zh: "档案记录", en: "Record")
        static let publicTimeline = T(zh: "公开信息", en: "Public record")
        static let publicNote = T(zh: "公众可查询质量信用等级、荣誉称号和公开的行政处罚；其他记录仅向监管部门和企业本身提供。",
                                  en: "The public sees the grade, titles and public penalties; other records are for the authorities and the enterprise itself.")
        static let emptyTimeline = T(zh: "暂无记录。", en: "Nothing recorded.")
        static let backToQuery = T(zh: "返回信用查询", en: "Back to the credit query")
        static let isPublic = T(zh: "公开", en: "public")
        static let privateNote = T(zh: "内部备注（仅监管部门可见）", en: "Internal note (officers only)")
        static func source(_ source: CreditFile.Source) -> T {
            switch source {
            case .platform: T(zh: "平台记录", en: "platform record")
            case .officer: T(zh: "监管部门录入", en: "entered by an officer")
            case .notice: T(zh: "公示期间投诉查实", en: "complaint upheld during a public notice")
            case .imported: T(zh: "登记信息或企业申报", en: "registry or the enterprise's own facts")
            }
        }
        static func kind(_ kind: CreditFile.Kind) -> T {
            switch kind {
            case .title: T(zh: "荣誉称号", en: "Title")
            case .grant: T(zh: "资助", en: "Grant")
            case .penalty: T(zh: "行政处罚", en: "Penalty")
            case .spotCheck: T(zh: "监督抽查", en: "Spot check")
            case .commissionedTest: T(zh: "委托检测", en: "Commissioned test")
            case .complaint: T(zh: "投诉", en: "Complaint")
            case .accident: T(zh: "事故", en: "Accident")
            case .violationRecord: T(zh: "不良记录", en: "Violation record")
            case .certification: T(zh: "认证", en: "Certification")
            case .award: T(zh: "奖项", en: "Award")
            }
        }
        static func titleGranted(_ programme: LocalizedText) -> T { T(zh: "获评“\(programme.zh)”", en: "Recognised as \(programme.en)") }
        static func titleEnded(_ programme: LocalizedText, revoked: Bool) -> T {
            revoked ? T(zh: "被取消“\(programme.zh)”资格", en: "\(programme.en) title revoked")
                : T(zh: "终止“\(programme.zh)”资格", en: "\(programme.en) title terminated")
        }
        static func titleDetail(number: String, from: CalendarDate, to: CalendarDate, valid: Bool) -> T {
            T(zh: "证书 \(number)，有效期 \(from.iso) 至 \(to.iso)\(valid ? "，现有效" : "")",
              en: "certificate \(number), valid \(from.iso) to \(to.iso)\(valid ? ", valid today" : "")")
        }
        static func validTo(_ day: CalendarDate) -> T { T(zh: "有效期至 \(day.iso)", en: "valid to \(day.iso)") }
        static func grant(_ programme: LocalizedText, amount: Money) -> T {
            T(zh: "获“\(programme.zh)”资助 \(amount.formatted(.zh))", en: "Grant under \(programme.en): \(amount.formatted(.en))")
        }
        static func eventTitle(_ event: Event) -> T {
            T(zh: "\(event.level.label.zh)\(event.kind.label.zh)（\(event.area.label.zh)，\(event.severity.label.zh)，\(event.outcome.label.zh)）",
              en: "\(event.kind.label.en) (\(event.level.label.en), \(event.area.label.en), \(event.severity.label.en), \(event.outcome.label.en))")
        }
        static func noticeComplaint(_ call: LocalizedText) -> T {
            T(zh: "公示期间投诉经查属实（\(call.zh)）", en: "Complaint upheld during the public notice of \(call.en)")
        }
        static func certification(_ c: QualityRules.Certification) -> T {
            let to = c.validTo.map { "，有效期至 \($0.iso)" } ?? ""
            let toEn = c.validTo.map { ", valid to \($0.iso)" } ?? ""
            return T(zh: "\(c.type.label.zh)（证书 \(c.number)\(to)）", en: "\(c.type.label.en) (certificate \(c.number)\(toEn))")
        }
        static func award(_ a: AwardRecord) -> T {
            T(zh: "\(a.year) 年\(a.name ?? a.kind.label.zh)（\(a.level.label.zh)）", en: "\(a.kind.label.en) \(a.year) (\(a.level.label.en))")
        }

        static let onApplication = T(zh: "质量诚信档案", en: "Quality credit file")
        static let openFile = T(zh: "查看档案", en: "Open the file")
        static let recordTitle = T(zh: "录入档案记录", en: "Record into the file")
        static let recordIntro = T(zh: "录入后即成为企业事实：该企业的信用等级和今后每一次申报的资格审查都会读取。内部备注不对外公开。",
                                   en: "Once recorded it is a fact: the credit grade and every later eligibility check of the enterprise read it. Internal notes are never public.")
        static let recordKind = T(zh: "记录类型", en: "Kind of record")
        static let occurredOn = T(zh: "发生或决定日期", en: "Date (happened or decided)")
        static let area = T(zh: "领域", en: "Area")
        static let severity = T(zh: "严重程度", en: "Severity")
        static let outcome = T(zh: "结果", en: "Outcome")
        static let outcomeHint = T(zh: "行政处罚、事故、不良记录按“已作出决定”记录；抽查为合格或不合格；投诉为属实、不属实或处理中。",
                                   en: "Penalties, accidents and violation records are recorded as decided; spot checks pass or fail; complaints are upheld, not upheld or pending.")
        static let level = T(zh: "作出机关层级", en: "Level of the authority")
        static let reference = T(zh: "文书号", en: "Decision or report number")
        static let summary = T(zh: "摘要（公开时对外显示）", en: "Summary (shown to the public if public)")
        static let makePublic = T(zh: "公开此记录（行政处罚信息依法公示）", en: "Make this record public (penalties are public information)")
        static let recordSubmit = T(zh: "录入", en: "Record")
        static let recorded = T(zh: "已录入档案。", en: "Recorded in the file.")
        static let otherDistrict = T(zh: "该企业不在本区，只能由其所在区或市局录入；未做任何更改。",
                                     en: "This enterprise is in another district: only its own district or the city bureau may record; nothing was changed.")
        static let chooseKind = T(zh: "请选择记录类型", en: "Choose the kind of record")
        static let chooseOne = T(zh: "请选择", en: "Choose one")
        static let futureDate = T(zh: "日期不能晚于今天", en: "The date cannot be after today")
        static let summaryRequired = T(zh: "请填写摘要", en: "Write a summary")
        static func outcomeFor(_ kind: EventKind, allowed: [EventOutcome]) -> T {
            T(zh: "\(kind.label.zh)的结果只能是：\(allowed.map(\.label.zh).joined(separator: "、"))",
              en: "A \(kind.label.en) can only be: \(allowed.map(\.label.en).joined(separator: ", "))")
        }
    }
}
