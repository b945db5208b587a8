import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Public verification of titles (seed 000 §五: other agencies grant perks to title holders) and the
/// printable certificate.
enum TitlesController {
    static func register(on app: Application) {
        app.on(.GET, .verify, use: verify)
        app.on(.GET, .certificate(.key), use: certificate)
    }

    @Sendable
    static func verify(request: Request) async throws -> HTMLPage {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        let context = PageContext(request: request)
        var results: [TitleService.Verified]?
        var error: AppError?
        if !query.isEmpty {
            do { results = try await request.titles.verify(query) } catch let refused as AppError { error = refused }
        }
        return HTMLPage(html: Layout.page(
            context, title: Strings.Titles.verifyTitle,
            .p(.text(context.t(Strings.Titles.verifyIntro))),
            .form(.method(.get), .action(attr(SiteURL.verify.path)), .class("stacked narrow"), .id("verify-form"),
                  .label(.for("q"), .text(context.t(Strings.Titles.query))),
                  .input(.type(.text), .id("q"), .name("q"), .value(attr(query))),
                  .button(.type(.submit), .text(context.t(Strings.Titles.search)))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .id("error"), .text(context.t($0.message))) },
            .unwrap(results) { results in
                results.isEmpty ? .p(.id("verify-none"), .text(context.t(Strings.Titles.notFound))) : table(context, results)
            }
        ), status: error == nil ? .ok : .unprocessableEntity)
    }

    static func table(_ context: PageContext, _ results: [TitleService.Verified]) -> Node<HTML.BodyContext> {
        .table(.class("list"), .id("verify-results"),
               .thead(.tr(.th(.text(context.t(Strings.Titles.certificateNumber))), .th(.text(context.t(Strings.Titles.holder))),
                          .th(.text(context.t(Strings.Calls.programme))), .th(.text(context.t(Strings.Titles.validity))),
                          .th(.text(context.t(Strings.Calls.stage))))),
               .tbody(.forEach(results) { title in
                   .tr(.td(.a(.href(attr(SiteURL.certificate(.value(title.certificateNumber)).path)), .text(title.certificateNumber))),
                       .td(.text(title.holderName), .br(), .code(.text(title.holderCreditCode))),
                       .td(.text(context.t(title.programmeTitle))),
                       .td(.text("\(title.validFrom.iso) – \(title.validUntil.iso)")),
                       .td(.strong(.class(title.validToday ? "met" : "notMet"),
                                   .text(context.t(Strings.Titles.status(title.status, validToday: title.validToday))))))
               }))
    }

    @Sendable
    static func certificate(request: Request) async throws -> HTMLPage {
        let number = request.parameters.get("number") ?? ""
        guard let title = try await request.titles.verify(number).first(where: { $0.certificateNumber == number.uppercased() }) else {
            throw AppError.notFound(Strings.Titles.notFound)
        }
        let context = PageContext(request: request)
        let html = HTML(
            .attribute(named: "lang", value: context.language == .zh ? "zh-CN" : "en"),
            .head(.meta(.charset(.utf8)), .element(named: "title", text: title.certificateNumber), .link(.rel(.stylesheet), .href("/styles.css"))),
            .body(
                .class("print-page certificate"),
                .div(.class("no-print toolbar"),
                     .a(.href(attr(SiteURL.verify.path + "?q=\(title.certificateNumber)")), .text("← " + context.t(Strings.Titles.verifyTitle))),
                     .button(.attribute(named: "onclick", value: "window.print()"), .text(context.t(Strings.App.print)))),
                .div(.class("certificate-frame"), .id("certificate"),
                     .h1(.text(context.t(Strings.Certificate.heading))),
                     .p(.class("holder"), .text(title.holderName)),
                     .p(.text(context.t(Strings.Certificate.body(title.programmeTitle)))),
                     .h2(.text(context.t(title.programmeTitle))),
                     .p(.text(context.t(Strings.Titles.certificateNumber) + "：" + title.certificateNumber)),
                     .p(.text(context.t(Strings.Form.creditCode) + "：" + title.holderCreditCode)),
                     .p(.text(context.t(Strings.Titles.validity) + "：\(title.validFrom.iso) – \(title.validUntil.iso)")),
                     .p(.class("muted small"), .text(context.t(Strings.Certificate.verifyAt))),
                     .if(!title.validToday, .p(.class("notMet"), .strong(.text(context.t(Strings.Titles.status(title.status, validToday: false)))))))
            )
        )
        return HTMLPage(html: html.render())
    }
}

extension Request {
    var titles: TitleService { TitleService(database: db, clock: qualityCity.clock, assessor: qualityCity.assessor) }
}

extension Strings {
    enum Certificate {
        static let heading = T(zh: "荣 誉 证 书", en: "Certificate")
        static func body(_ programme: LocalizedText) -> T {
            T(zh: "经审核、评审、审定和公示，被认定为", en: "After review, scoring, approval and public notice, is recognised as")
        }
        static let verifyAt = T(zh: "本证书可在本平台“荣誉称号核验”页面以证书编号或统一社会信用代码核验。",
                                en: "Verify this certificate on the platform's title verification page by its number or the credit code.")
    }
}
