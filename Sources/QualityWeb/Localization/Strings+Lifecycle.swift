import QualityRules
import QualityStorage

extension Strings {
    enum Lifecycle {
        static let titles = T(zh: "荣誉称号", en: "Titles")
        static let notFound = T(zh: "找不到该称号，或您无权查看", en: "No such title, or you may not see it")
        static let notActive = T(zh: "该称号已不在有效状态", en: "This title is no longer active")
        static let summaryTooShort = T(zh: "请填写年度工作总结（至少 20 字）", en: "Write the year's work report (at least 20 characters)")
        static let fundUseRequired = T(zh: "请填写资助资金使用情况", en: "Report how the grant was used")
        static let detailsRequired = T(zh: "请说明变更情况", en: "Describe the change")
        static let effectiveInFuture = T(zh: "变更应在办理相关手续后报告，生效日期不能晚于今天", en: "Report a change once it has taken effect; the date cannot be in the future")
        static let changeNotForwarded = T(zh: "该变更报告尚未经区局报送", en: "The district bureau has not forwarded this report yet")
        static let changeDoesNotEnd = T(zh: "此类变更不终止称号", en: "This kind of change does not end the title")
        static let reReviewDecided = T(zh: "复审结论已作出", en: "The re-review has been decided")
        static let expiresIn = T(zh: "有效期至", en: "Valid until")
        static let expiringSoon = T(zh: "90 天内到期", en: "Expiring within 90 days")
        static let reports = T(zh: "年度工作总结", en: "Annual work reports")
        static let reportYear = T(zh: "年度", en: "Year")
        static let dueOn = T(zh: "截止日期", en: "Due")
        static let filed = T(zh: "已提交", en: "Filed")
        static let filedLate = T(zh: "逾期提交", en: "Filed late")
        static let notFiled = T(zh: "未提交", en: "Not filed")
        static let fileReport = T(zh: "提交年度工作总结及资金使用情况", en: "File the work report and fund-use report")
        static let summary = T(zh: "中心工作总结", en: "Work report")
        static let fundUse = T(zh: "资助资金使用情况", en: "How the grant was used")
        static let rectifications = T(zh: "整改通知", en: "Rectification notices")
        static let changes = T(zh: "变更报告", en: "Change reports")
        static let fileChange = T(zh: "报告变更事项", en: "Report a change")
        static let changeKind = T(zh: "变更事项", en: "Change")
        static let effectiveOn = T(zh: "生效日期", en: "Effective from")
        static let details = T(zh: "情况说明", en: "Details")
        static let forward = T(zh: "报送市局", en: "Forward to the city")
        static let record = T(zh: "登记备查", en: "Record")
        static let recordAndTerminate = T(zh: "登记并终止称号", en: "Record and terminate the title")
        static let note = T(zh: "意见", en: "Note")
        static let endTitle = T(zh: "终止或取消称号", en: "End the title")
        static let reReview = T(zh: "复审", en: "Re-review")
        static let passReReview = T(zh: "复审通过（续期）", en: "Passed (renewed)")
        static let failReReview = T(zh: "复审不通过", en: "Failed")
        static let none = T(zh: "暂无荣誉称号。", en: "No titles.")
        static let banNote = T(zh: "被取消资格的，三年内不得重新申请（江市监规字〔2022〕1号 第十二条）。",
                               en: "A revoked title bars re-application for three years (Jiangmen measures, art. 12).")

        static func noReportDue(_ year: Int) -> T { T(zh: "\(year) 年度无须提交工作总结", en: "No report is owed for \(year)") }
        static func reportAlreadyFiled(_ year: Int) -> T { T(zh: "\(year) 年度工作总结已提交", en: "The \(year) report has been filed") }
        static func yearNotOver(_ year: Int) -> T { T(zh: "\(year) 年度尚未结束，次年起方可提交", en: "\(year) is not over; file its report from next year") }
        static func revokedForReports(_ year: Int, _ deadline: CalendarDate) -> T {
            T(zh: "未按要求提交 \(year) 年度工作总结，且未在整改期限（\(deadline.iso)）内整改", en: "The \(year) report was not filed, nor by the rectification deadline (\(deadline.iso))")
        }

        static func endKind(_ kind: LifecycleService.EndKind) -> T {
            switch kind {
            case .holderRequest: T(zh: "终止：企业自行要求终止", en: "Terminate: at the holder's request")
            case .businessEnded: T(zh: "终止：企业终止经营", en: "Terminate: the business ended")
            case .scopeChanged: T(zh: "终止：经营范围发生重大变更", en: "Terminate: the scope changed materially")
            case .reReviewFailed: T(zh: "终止：复审未通过", en: "Terminate: re-review failed")
            case .fraud: T(zh: "取消：申报材料弄虚作假", en: "Revoke: fraud in the application")
            case .majorIncident: T(zh: "取消：有效期内发生重大质量、安全事故或重大质量投诉", en: "Revoke: a major accident or complaint during validity")
            case .reportsNotFiled: T(zh: "取消：未按要求提交年度总结且逾期不整改", en: "Revoke: reports not filed after rectification")
            }
        }

        static func changeKind(_ kind: ChangeKind) -> T {
            switch kind {
            case .nameChange: T(zh: "企业名称变更", en: "Name change")
            case .ownershipChange: T(zh: "股权结构重大变更（企业性质变化）", en: "Major ownership change (nature changed)")
            case .scopeChange: T(zh: "经营范围重大变更", en: "Material change of business scope")
            case .businessEnded: T(zh: "终止经营", en: "Business ended")
            case .terminationRequest: T(zh: "申请终止资格", en: "Request to end the title")
            }
        }

        static func changeStatus(_ status: ChangeStatus) -> T {
            switch status {
            case .filed: T(zh: "待区局报送", en: "With the district")
            case .forwarded: T(zh: "待市局登记", en: "With the city")
            case .recorded: T(zh: "已登记备查", en: "Recorded")
            }
        }

        static func rectificationStatus(_ status: RectificationStatus) -> T {
            switch status {
            case .open: T(zh: "整改中", en: "Open")
            case .resolved: T(zh: "已整改", en: "Resolved")
            case .failed: T(zh: "逾期未整改", en: "Not rectified")
            }
        }
    }
}

extension Strings.Inbox {
    static func reportDue(_ year: Int, _ due: CalendarDate) -> Message {
        (T(zh: "请提交 \(year) 年度工作总结", en: "Your \(year) work report is due"),
         T(zh: "请于 \(due.iso) 前提交 \(year) 年度中心工作总结及资助资金使用情况。", en: "File the \(year) work report and fund-use report by \(due.iso)."))
    }

    static func rectification(_ year: Int, _ deadline: CalendarDate) -> Message {
        (T(zh: "整改通知：年度工作总结逾期", en: "Rectification notice: report overdue"),
         T(zh: "您未按时提交 \(year) 年度工作总结，请于 \(deadline.iso) 前整改提交；逾期不整改的，将取消资格，且三年内不得重新申请。",
           en: "Your \(year) report is overdue. File it by \(deadline.iso); otherwise the title is revoked and you may not reapply for three years."))
    }

    static func revoked(_ reason: String) -> Message {
        (T(zh: "荣誉称号已被取消", en: "Your title has been revoked"),
         T(zh: "您的荣誉称号已被取消：\(reason)。三年内不得重新申请。", en: "Your title has been revoked: \(reason). You may not reapply for three years."))
    }

    static func terminated(_ reason: String) -> Message {
        (T(zh: "荣誉称号已终止", en: "Your title has ended"), T(zh: "您的荣誉称号已终止：\(reason)。", en: "Your title has ended: \(reason)."))
    }

    static func expired(_ number: String, _ until: CalendarDate) -> Message {
        (T(zh: "荣誉称号有效期届满", en: "Your title has expired"),
         T(zh: "证书 \(number) 的有效期已于 \(until.iso) 届满。", en: "Certificate \(number) expired on \(until.iso)."))
    }

    static func reReviewDue(_ number: String, _ until: CalendarDate) -> Message {
        (T(zh: "复审即将开始", en: "Re-review due"),
         T(zh: "证书 \(number) 将于 \(until.iso) 满三年，需进行复审。", en: "Certificate \(number) reaches three years on \(until.iso) and is due for re-review."))
    }

    static func reportFiled(_ enterprise: String, _ year: Int) -> Message {
        (T(zh: "年度工作总结已提交：\(enterprise)", en: "Work report filed: \(enterprise)"),
         T(zh: "\(enterprise) 已提交 \(year) 年度工作总结。", en: "\(enterprise) filed its \(year) report."))
    }

    static func changeFiled(_ enterprise: String) -> Message {
        (T(zh: "变更报告待报送：\(enterprise)", en: "Change report to forward: \(enterprise)"),
         T(zh: "\(enterprise) 报告了变更事项，请核实后报送市局。", en: "\(enterprise) reported a change; check it and forward it to the city."))
    }

    static func changeForwarded(_ district: String) -> Message {
        (T(zh: "区局报送变更报告", en: "Change report forwarded"),
         T(zh: "\(district)市场监管局报送了一份变更报告，请登记备查。", en: "The \(district) bureau forwarded a change report to record."))
    }
}
