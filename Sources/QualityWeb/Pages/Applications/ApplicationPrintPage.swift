import Foundation
import Plot
import QualityRules

/// The application form as it is printed, signed and stamped (申报表 + 承诺书): no navigation, A4.
enum ApplicationPrintPage {
    static func render(context: PageContext, model: ApplicationPage.Model) -> String {
        let form = model.form
        let rows: [(LocalizedText, String)] = [
            (Strings.Form.enterpriseName, form.enterpriseName),
            (Strings.Form.creditCode, model.creditCode),
            (Strings.Form.district, model.district),
            (Strings.Form.legalRepresentative, form.legalRepresentative),
            (Strings.Form.contactName, form.contactName),
            (Strings.Form.contactPhone, form.contactPhone),
            (Strings.Form.contactEmail, form.contactEmail),
            (Strings.Form.address, form.address),
        ]
        let html = HTML(
            .attribute(named: "lang", value: context.language == .zh ? "zh-CN" : "en"),
            .head(.meta(.charset(.utf8)), .element(named: "title", text: context.t(model.callTitle)), .link(.rel(.stylesheet), .href("/styles.css"))),
            .body(
                .class("print-page"),
                .div(.class("no-print toolbar"),
                     .a(.href(attr(SiteURL.application(.value(model.id)).path)), .text("← " + context.t(Strings.Applications.title))),
                     .button(.attribute(named: "onclick", value: "window.print()"), .text(context.t(Strings.App.print)))),
                .h1(.class("print-title"), .text(context.t(model.callTitle))),
                .h2(.class("print-subtitle"), .text(context.t(Strings.ApplicationPage.formTitle))),
                .table(.class("print-form"), .tbody(
                    .forEach(rows) { row in .tr(.th(.text(context.t(row.0))), .td(.text(row.1))) },
                    .tr(.th(.text(context.t(Strings.Form.summary))), .td(.class("prewrap tall"), .text(form.summary)))
                )),
                .h2(.class("print-subtitle"), .text(context.t(Strings.PrintForm.commitmentTitle))),
                .p(.class("commitment"), .text(context.t(Strings.Applications.commitmentText))),
                .div(.class("signatures"),
                     .p(.text(context.t(Strings.PrintForm.seal))),
                     .p(.text(context.t(Strings.PrintForm.legalSignature))),
                     .p(.text(context.t(Strings.PrintForm.date)))),
                .p(.class("muted small"), .text("\(context.t(Strings.PrintForm.reference))：\(model.id.uuidString)"))
            )
        )
        return html.render()
    }
}
