import Plot
import QualityRules
import Vapor

/// The chrome of every page: header with the role's navigation and the language switch, the demo banner,
/// main content, footer. Print styles drop the chrome so forms and certificates print cleanly.
enum Layout {
    static func page(_ context: PageContext, title: LocalizedText, _ content: Node<HTML.BodyContext>...) -> String {
        let html = HTML(
            .attribute(named: "lang", value: context.language == .zh ? "zh-CN" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(context.t(title)) · \(context.t(Strings.App.shortName))"),
                .link(.rel(.stylesheet), .href("/styles.css"))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(context.t(Strings.App.skipToContent))),
                header(context),
                .if(context.isDemo, .div(.class("demo-banner no-print"), .text(context.t(Strings.App.demoBanner)))),
                .main(.id("main"), .h1(.text(context.t(title))), .group(content)),
                .footer(.class("no-print"), .p(.text(context.t(Strings.App.footer))))
            )
        )
        return html.render()
    }

    private static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        let other: Language = context.language == .zh ? .en : .zh
        let back = context.currentPath.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return .header(
            .class("site no-print"),
            .a(.class("brand"), .href(attr(SiteURL.home.path)), .text(context.t(Strings.App.name))),
            .nav(
                .ul(
                    .li(.a(.href(attr(SiteURL.home.path)), .text(context.t(Strings.Navigation.home)))),
                    .li(.a(.href(attr(SiteURL.calls.path)), .text(context.t(Strings.Navigation.calls)))),
                    .li(.a(.href(attr(SiteURL.notices.path)), .text(context.t(Strings.Notices.title)))),
                    .li(.a(.href(attr(SiteURL.verify.path)), .text(context.t(Strings.Titles.verifyTitle)))),
                    .li(.a(.href(attr(SiteURL.policies.path)), .text(context.t(Strings.Portal.libraryNavigation)))),
                    .li(.a(.href(attr(SiteURL.calculator.path)), .text(context.t(Strings.Portal.calculatorNavigation)))),
                    .li(.a(.href(attr(SiteURL.credit.path)), .text(context.t(Strings.Credit.navigation)))),
                    .li(.a(.href(attr(SiteURL.targets.path)), .text(context.t(Strings.Targets.navigation)))),
                    .group(Navigation.links(for: context).map { link in
                        .li(.a(.href(attr(link.path)), .text(context.t(link.title))))
                    })
                )
            ),
            .div(
                .class("account"),
                .a(.class("lang"), .id("lang-switch"), .href(attr(SiteURL.language(other).path + "?back=" + back)),
                   .attribute(named: "hreflang", value: other.rawValue), .text(context.t(Strings.App.switchLanguage))),
                .unwrap(context.user, { user in
                    .group(
                        .span(.class("who"), .text("\(user.displayName) · \(context.t(Strings.Roles.name(user.role)))")),
                        .form(.method(.post), .action(attr(SiteURL.logout.path)), .class("inline"), .id("sign-out"),
                              Forms.csrf(context),
                              .button(.type(.submit), .class("link"), .text(context.t(Strings.Navigation.signOut))))
                    )
                }, else: .a(.href(attr(SiteURL.login.path)), .text(context.t(Strings.Navigation.signIn))))
            )
        )
    }
}

/// The links each role sees besides the public ones.
enum Navigation {
    struct Link {
        var title: LocalizedText
        var path: String
    }

    static func links(for context: PageContext) -> [Link] {
        guard let user = context.user else {
            return [Link(title: Strings.Navigation.signup, path: SiteURL.signup.path)]
        }
        var links: [Link] = []
        switch user.role {
        case .enterprise:
            links = [Link(title: Strings.Navigation.myEnterprise, path: SiteURL.enterpriseHome.path),
                     Link(title: Strings.Profile.navigation, path: SiteURL.enterpriseProfile.path),
                     Link(title: Strings.Applications.mine, path: SiteURL.applications.path),
                     Link(title: Strings.Lifecycle.titles, path: SiteURL.titles.path),
                     Link(title: Strings.Funds.myGrants, path: SiteURL.grants.path)]
        case .districtOfficer:
            links = [Link(title: Strings.ApplicationList.title, path: SiteURL.applications.path),
                     Link(title: Strings.Lifecycle.titles, path: SiteURL.titles.path),
                     Link(title: Strings.Matching.title, path: SiteURL.matching.path)]
        case .cityOfficer:
            links = [Link(title: Strings.ApplicationList.title, path: SiteURL.applications.path),
                     Link(title: Strings.Matching.title, path: SiteURL.matching.path),
                     Link(title: Strings.Sandbox.title, path: SiteURL.sandbox.path),
                     Link(title: Strings.AdminCalls.title, path: SiteURL.adminCalls.path),
                     Link(title: Strings.AdminExperts.title, path: SiteURL.adminExperts.path),
                     Link(title: Strings.Lifecycle.titles, path: SiteURL.titles.path),
                     Link(title: Strings.AdminAccounts.title, path: SiteURL.adminAccounts.path),
                     Link(title: Strings.Funds.grants, path: SiteURL.grants.path),
                     Link(title: Strings.Targets.manage, path: SiteURL.adminTargets.path)]
        case .finance:
            links = [Link(title: Strings.Funds.title, path: SiteURL.funds.path),
                     Link(title: Strings.Funds.grants, path: SiteURL.grants.path),
                     Link(title: Strings.Funds.disbursements, path: SiteURL.disbursements.path)]
        case .expert:
            links = [Link(title: Strings.Reviews.title, path: SiteURL.reviews.path)]
        case .committee:
            links = [Link(title: Strings.Committee.title, path: SiteURL.committee.path)]
        case .department:
            links = [Link(title: Strings.Targets.reportValues, path: SiteURL.targetReport.path)]
        default:
            break
        }
        return links + [Link(title: Strings.Inbox.title, path: SiteURL.inbox.path)]
    }
}

/// Pieces every form uses.
enum Forms {
    static func csrf(_ context: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(attr(context.csrfToken)))
    }
}

/// A rendered page as a response.
struct HTMLPage: AsyncResponseEncodable {
    var html: String
    var status: HTTPResponseStatus = .ok

    func encodeResponse(for request: Request) async throws -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.body = .init(string: html)
        return response
    }
}

extension Response {
    /// A file to save, never to be shown inline or sniffed as another type; the name may be Chinese (RFC 5987).
    static func attachment(_ data: Data, name: String, contentType: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        return response
    }
}
