import Foundation
import QualityRules
import Vapor

/// What every page needs besides its own model: the reader's language, who is signed in, the form token.
struct PageContext: Sendable {
    var language: Language
    var user: SignedInUser?
    var csrfToken: String
    /// The path and query of this page, for the language switch to come back to.
    var currentPath: String
    var today: CalendarDate
    var isDemo: Bool

    init(language: Language, user: SignedInUser?, csrfToken: String, currentPath: String, today: CalendarDate, isDemo: Bool) {
        self.language = language
        self.user = user
        self.csrfToken = csrfToken
        self.currentPath = currentPath
        self.today = today
        self.isDemo = isDemo
    }

    init(request: Request) {
        self.init(language: request.language, user: request.signedIn, csrfToken: request.csrfToken,
                  currentPath: request.url.path + (request.url.query.map { "?" + $0 } ?? ""),
                  today: request.today, isDemo: request.qualityCity.isDemo)
    }

    func t(_ text: LocalizedText) -> String { text.text(language) }
}

extension Request {
    static let languageCookie = "qc_lang"

    /// `?lang=en` for one page, else the language cookie, else the browser's preference, else Chinese.
    var language: Language {
        if let query = try? query.get(String.self, at: "lang") { return Language(preferring: query) }
        if let cookie = cookies[Request.languageCookie]?.string { return Language(preferring: cookie) }
        if let accept = headers.first(name: .acceptLanguage), accept.lowercased().hasPrefix("en") { return .en }
        return .zh
    }
}
