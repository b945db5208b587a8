import QualityRules
import QualityStorage

extension Strings {
    enum Committee {
        static let title = T(zh: "组委会审定", en: "Committee approval")
        static let rank = T(zh: "名次", en: "Rank")
        static let aggregate = T(zh: "评审得分", en: "Panel score")
        static let experts = T(zh: "各专家评分", en: "Expert totals")
        static let divergent = T(zh: "评分差异较大", en: "Scores diverge")
        static let quotaLine = T(zh: "名额线", en: "Quota line")
        static let approve = T(zh: "审定通过拟选定名单并开始公示", en: "Approve the proposed list and start the public notice")
        static let nothingToApprove = T(zh: "没有可审定的申报", en: "There is nothing to approve")
        static let alreadyApproved = T(zh: "该名单已由其他委员审定，无需重复操作", en: "Another member has already approved this list")
        static let tieByObjective = T(zh: "同分，按规则引擎客观分排序", en: "tied; ordered by the engine's objective score")
        static let tieByLowest = T(zh: "同分，按最低专家分排序", en: "tied; ordered by the lowest expert total")
        static let tieBySubmission = T(zh: "同分，按申报提交时间先后排序", en: "tied; ordered by the earlier submission")
        static let tieByCode = T(zh: "同分，按统一社会信用代码排序", en: "tied; ordered by credit code")
        static let tieRule = T(zh: "排序规则：评审得分高者在前；同分时依次比较规则引擎客观分、最低专家分、申报提交时间（早者在前）、统一社会信用代码。评分最高与最低相差超过总分 20% 的标注“评分差异较大”。",
                               en: "Order: panel score; on a tie the engine's objective score, then the lowest expert total, then the earlier submission, then the credit code. Panels whose highest and lowest totals differ by more than 20% of the maximum are marked as diverging.")
        static let none = T(zh: "暂无待审定的名单。", en: "No list awaits approval.")

        static func notInCommittee(_ stage: CallStage) -> T {
            T(zh: "申报通知处于“\(Strings.Calls.stage(stage).zh)”阶段，不能审定", en: "The call is at “\(Strings.Calls.stage(stage).en)”; nothing to approve")
        }

        static func capacity(_ capacity: Int, approved: Int) -> T {
            T(zh: "本次可选定不超过 \(capacity) 家，已选定 \(approved) 家", en: "At most \(capacity) may be chosen; \(approved) chosen so far")
        }

        static func proposedReason(rank: Int, aggregate: Int) -> T {
            T(zh: "第 \(rank) 名，评审得分 \(Points(hundredths: aggregate)) 分", en: "Rank \(rank), panel score \(Points(hundredths: aggregate))")
        }

        static func approvedReason(proposed: Int, capacity: Int, ends: CalendarDate) -> T {
            T(zh: "拟选定 \(proposed) 家（名额 \(capacity)），公示至 \(ends.iso)", en: "\(proposed) proposed (quota \(capacity)); on notice until \(ends.iso)")
        }
    }

    enum Notices {
        static let title = T(zh: "公示", en: "Public notices")
        static let current = T(zh: "正在公示", en: "On notice now")
        static let finalLists = T(zh: "最终名单", en: "Final lists")
        static let candidates = T(zh: "拟选定名单", en: "Proposed list")
        static let complain = T(zh: "提出投诉", en: "File a complaint")
        static let complaintIntro = T(zh: "对拟选定企业有异议的，可在公示期内实名投诉。联系方式仅供核查使用，不予公开。",
                                      en: "Anyone may complain about a proposed enterprise during the notice. Give your name and contact; they are used for the investigation only and never published.")
        static let candidate = T(zh: "被投诉企业", en: "Enterprise")
        static let yourName = T(zh: "投诉人姓名", en: "Your name")
        static let contact = T(zh: "联系电话或电子邮箱", en: "Phone or email")
        static let complaintText = T(zh: "投诉内容及事实依据", en: "What the complaint is and the facts behind it")
        static let submit = T(zh: "提交投诉", en: "Submit the complaint")
        static let received = T(zh: "投诉已收到，市场监管部门将依法核查。", en: "The complaint was received; the bureau will investigate.")
        static let notOnNotice = T(zh: "该名单不在公示期内", en: "This list is not on public notice")
        static let chooseCandidate = T(zh: "请选择被投诉的企业", en: "Choose the enterprise")
        static let nameRequired = T(zh: "请填写投诉人姓名", en: "Give your name")
        static let contactRequired = T(zh: "请填写有效的联系电话或电子邮箱", en: "Give a valid phone number or email")
        static let textTooShort = T(zh: "请具体说明投诉事实（至少 10 字）", en: "Describe the facts (at least 10 characters)")
        static let alreadyResolved = T(zh: "该投诉已处理", en: "This complaint has been decided")
        static let outcomeRequired = T(zh: "请填写核查结果", en: "Record what the investigation found")
        static let backfillOnlyOnNotice = T(zh: "只有公示期间可以递补", en: "Backfilling happens during the notice only")
        static let noOneToBackfill = T(zh: "没有可递补的候选企业", en: "No one is left to backfill")
        static let quotaFull = T(zh: "名额已满，不能递补", en: "The quota is full; no one can be backfilled")
        static let noticePeriod = T(zh: "公示期", en: "Notice period")
        static let complaints = T(zh: "投诉", en: "Complaints")
        static let substantiated = T(zh: "投诉属实（取消拟选定资格）", en: "Substantiated (disqualify)")
        static let unsubstantiated = T(zh: "投诉不属实", en: "Not substantiated")
        static let outcome = T(zh: "核查结果", en: "Findings")
        static let backfill = T(zh: "递补下一名", en: "Backfill the next ranked")
        static let publishFinal = T(zh: "公示期满，公布最终名单并颁发证书", en: "Publish the final list and issue certificates")
        static let none = T(zh: "暂无公示。", en: "Nothing is on notice.")

        static func periodOver(_ ends: CalendarDate) -> T {
            T(zh: "公示期已于 \(ends.iso) 结束，不再受理投诉", en: "The notice ended on \(ends.iso); complaints are closed")
        }

        static func stillRunning(_ ends: CalendarDate) -> T {
            T(zh: "公示期至 \(ends.iso) 结束，期满后方可公布最终名单", en: "The notice runs until \(ends.iso); the final list comes after")
        }

        static func openComplaints(_ count: Int) -> T {
            T(zh: "尚有 \(count) 件投诉未处理，处理完毕后方可公布最终名单", en: "\(count) complaint(s) still open; decide them before the final list")
        }

        static func period(_ starts: CalendarDate, _ ends: CalendarDate) -> T {
            T(zh: "\(starts.iso) 至 \(ends.iso)（共 \(ends.dayNumber - starts.dayNumber + 1) 天）", en: "\(starts.iso) to \(ends.iso) (\(ends.dayNumber - starts.dayNumber + 1) days)")
        }

        static func status(_ status: ComplaintStatus) -> T {
            switch status {
            case .open: T(zh: "待核查", en: "Open")
            case .substantiated: T(zh: "属实", en: "Substantiated")
            case .unsubstantiated: T(zh: "不属实", en: "Not substantiated")
            }
        }
    }

    enum Titles {
        static let verifyTitle = T(zh: "荣誉称号核验", en: "Verify a title")
        static let verifyIntro = T(zh: "输入证书编号或统一社会信用代码，核验企业是否持有有效的荣誉称号（供各部门落实激励政策时查询）。",
                                   en: "Enter a certificate number or a credit code to check whether an enterprise holds a valid title (for agencies granting perks).")
        static let query = T(zh: "证书编号或统一社会信用代码", en: "Certificate number or credit code")
        static let search = T(zh: "核验", en: "Verify")
        static let notFound = T(zh: "未找到匹配的荣誉称号", en: "No title matches")
        static let certificateNumber = T(zh: "证书编号", en: "Certificate number")
        static let holder = T(zh: "持有企业", en: "Holder")
        static let validity = T(zh: "有效期", en: "Valid")
        static let validNow = T(zh: "有效", en: "Valid")
        static let certificate = T(zh: "证书", en: "Certificate")

        static func status(_ status: TitleStatus, validToday: Bool) -> T {
            switch status {
            case .active: validToday ? T(zh: "有效", en: "Valid") : T(zh: "已过有效期", en: "Expired")
            case .expired: T(zh: "已过有效期", en: "Expired")
            case .terminated: T(zh: "已终止", en: "Terminated")
            case .revoked: T(zh: "已取消", en: "Revoked")
            }
        }
    }
}

extension Strings.Inbox {
    static func proposed(_ call: LocalizedText, _ ends: CalendarDate) -> Message {
        (T(zh: "已列入拟选定名单", en: "You are on the proposed list"),
         T(zh: "您的“\(call.zh)”申报已列入拟选定名单，公示至 \(ends.iso)。", en: "Your application to “\(call.en)” is on the proposed list; the notice runs until \(ends.iso)."))
    }

    static func disqualified(_ call: LocalizedText, _ reason: String) -> Message {
        (T(zh: "拟选定资格被取消", en: "Removed from the proposed list"),
         T(zh: "经核查，公示期间的投诉属实，您的“\(call.zh)”拟选定资格被取消。核查结果：\(reason)",
           en: "A complaint during the notice was found true; your place on “\(call.en)” is withdrawn. Findings: \(reason)"))
    }

    static func selected(_ call: LocalizedText, _ number: String, _ until: CalendarDate) -> Message {
        (T(zh: "恭喜获得认定", en: "Congratulations: title granted"),
         T(zh: "您已列入“\(call.zh)”最终名单，证书编号 \(number)，有效期至 \(until.iso)。", en: "You are on the final list of “\(call.en)”; certificate \(number), valid until \(until.iso)."))
    }

    static func notSelected(_ call: LocalizedText) -> Message {
        (T(zh: "未列入最终名单", en: "Not on the final list"),
         T(zh: "您的“\(call.zh)”申报未入选，可在申报页面查看专家评审意见。", en: "Your application to “\(call.en)” was not selected; the experts' opinions are on the application page."))
    }

    static func complaintFiled(_ call: LocalizedText) -> Message {
        (T(zh: "收到公示投诉", en: "A complaint about a candidate"),
         T(zh: "“\(call.zh)”公示期间收到一件投诉，请核查处理。", en: "A complaint arrived during the notice of “\(call.en)”; please investigate."))
    }
}
