import QualityRules
import Vapor

/// Remembers the reader's language in a cookie and goes back to the page they were reading.
enum LanguageController {
    static func register(on app: Application) {
        app.on(.GET, .language(.zh), use: { try switchTo(.zh, request: $0) })
        app.on(.GET, .language(.en), use: { try switchTo(.en, request: $0) })
    }

    static func switchTo(_ language: Language, request: Request) throws -> Response {
        let back = (try? request.query.get(String.self, at: "back")) ?? "/"
        // Only a path on this site: never an open redirect to another host.
        let target = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : "/"
        let response = request.redirect(to: target)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
