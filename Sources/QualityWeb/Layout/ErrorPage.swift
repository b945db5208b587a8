import Plot
import QualityRules

enum ErrorPage {
    static func render(context: PageContext, error: AppError, requestID: String?) -> String {
        Layout.page(
            context, title: Strings.Errors.title,
            .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .p(.text(context.t(error.message)))),
            .if(!error.fields.isEmpty, .ul(.class("field-errors"), .forEach(error.fields.sorted(by: { $0.key < $1.key })) {
                .li(.strong(.text($0.key)), .text("：" + context.t($0.value)))
            })),
            .unwrap(requestID) { .p(.class("muted"), .text("\(context.t(Strings.Errors.requestID))：\($0)")) },
            .p(.a(.href(attr(SiteURL.home.path)), .text(context.t(Strings.Errors.backHome))))
        )
    }
}
