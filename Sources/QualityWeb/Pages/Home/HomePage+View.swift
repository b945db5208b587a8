import Plot
import QualityRules

extension HomePage {
    static func render(context: PageContext, model: Model) -> String {
        Layout.page(
            context, title: Strings.App.name,
            .p(.class("lead"), .text(context.t(Strings.App.tagline))),
            .p(.class("muted"), .text(context.t(Strings.Home.forWhom))),
            .section(
                .id("portal"),
                .div(.class("cards portal"),
                     portalCard(context, Strings.Portal.homeCalculator, Strings.Portal.homeCalculatorText, SiteURL.calculator.path),
                     portalCard(context, Strings.Portal.homeLibrary, Strings.Portal.homeLibraryText, SiteURL.policies.path,
                                search: (SiteURL.policies.path, Strings.Portal.searchLabel)),
                     portalCard(context, Strings.Portal.homeCredit, Strings.Portal.homeCreditText, SiteURL.credit.path,
                                search: (SiteURL.credit.path, Strings.Credit.queryLabel)),
                     portalCard(context, Strings.Portal.homeVerify, Strings.Portal.homeVerifyText, SiteURL.verify.path,
                                search: (SiteURL.verify.path, Strings.Portal.verifyPlaceholder)),
                     portalCard(context, Strings.Portal.homeNotices, Strings.Portal.homeNoticesText, SiteURL.notices.path),
                     portalCard(context, Strings.Portal.homeTargets, Strings.Portal.homeTargetsText, SiteURL.targets.path))
            ),
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

    /// One entry of the portal: what it is for, a link, and for a lookup a search box that works without script.
    static func portalCard(_ context: PageContext, _ title: LocalizedText, _ text: LocalizedText, _ path: String,
                           search: (path: String, label: LocalizedText)? = nil) -> Node<HTML.BodyContext> {
        .article(
            .class("card"),
            .h2(.a(.href(attr(path)), .text(context.t(title)))),
            .p(.text(context.t(text))),
            .unwrap(search) { search in
                .form(.method(.get), .action(attr(search.path)), .class("search"), .attribute(named: "role", value: "search"),
                      .input(.type(.search), .name("q"), .attribute(named: "aria-label", value: attr(context.t(search.label))),
                             .placeholder(attr(context.t(search.label)))),
                      .button(.type(.submit), .text(context.t(Strings.Credit.search))))
            },
            .if(search == nil, .p(.a(.class("button secondary"), .href(attr(path)), .text(context.t(Strings.Portal.go)))))
        )
    }
}
