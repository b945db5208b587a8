import QualityRules

extension Strings {
    enum EnterpriseHome {
        static let openCalls = T(zh: "可申报的项目", en: "Calls you can apply to")
        static let explanationHint = T(zh: "以下判断由规则引擎依据您登记的企业信息作出，仅供参考，最终以审核结果为准。",
                                       en: "The rules engine judges from the facts you have registered; the review decides.")
        static let apply = T(zh: "开始申报", en: "Start an application")
        static let continueApplication = T(zh: "查看申报", en: "Open the application")
        static func closes(_ day: CalendarDate) -> T { T(zh: "截止 \(day.iso)", en: "Closes \(day.iso)") }
    }
}

extension Strings.Inbox {
    static let title = T(zh: "消息", en: "Inbox")
    static let empty = T(zh: "暂无消息。", en: "No messages.")
    static let open = T(zh: "查看", en: "Open")
    static let markRead = T(zh: "标为已读", en: "Mark as read")
    static func unread(_ count: Int) -> T { T(zh: "\(count) 条未读", en: "\(count) unread") }
}
