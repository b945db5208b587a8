import Plot
import QualityRules

extension HomePage {
    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: Strings.App.name,
            .p(.class("lead"), .text(context.t(Strings.App.tagline))),
            .p(.class("muted"), .text(context.t(Strings.Home.forWhom))),
            .section(
                .h2(.text(context.t(Strings.Home.openCalls))),
                model.openCalls.isEmpty
                    ? .p(.text(context.t(Strings.Home.noOpenCalls)))
                    : CallsPage.table(context, rows: model.openCalls),
                .p(.a(.href(attr(SiteURL.calls.path)), .text(context.t(Strings.Home.allCalls))))
            ),
            .section(
                .h2(.text(context.t(Strings.Home.whatYouCanDo))),
                .ul(
                    .li(.text(context.t(Strings.Home.enterprisesLine))),
                    .li(.text(context.t(Strings.Home.officersLine))),
                    .li(.text(context.t(Strings.Home.publicLine)))
                )
            )
        )
    }
}
