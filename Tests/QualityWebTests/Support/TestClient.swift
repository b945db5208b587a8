import Foundation
import NIOCore
@testable import QualityWeb
import Testing
import Vapor
import VaporTesting

/// Talks to the app like a browser: keeps cookies, reads the anti-forgery token from pages, posts forms.
final class TestClient: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrfToken: String?

    init(_ app: Application) { self.app = app }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> Page {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form as a browser would, adding the page's anti-forgery token unless `csrf` is false.
    @discardableResult
    func post(_ path: String, form: [String: String], csrf: Bool = true) async throws -> Page {
        if csrf, csrfToken == nil { try await get("/login") }
        var fields = form
        if csrf, let csrfToken { fields["_csrf"] = csrfToken }
        let body = fields.sorted(by: { $0.key < $1.key })
            .map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file, as a browser's upload form does.
    @discardableResult
    func upload(_ path: String, fields: [String: String], fileField: String = "file", filename: String,
                contentType: String = "application/pdf", data: Data) async throws -> Page {
        if csrfToken == nil { try await get("/login") }
        let boundary = "----qc-test-\(UUID().uuidString)"
        var body = Data()
        var all = fields
        if let csrfToken { all["_csrf"] = csrfToken }
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    /// Signs in with the demo password (or another) and checks that it worked.
    func signIn(_ username: String, password: String = DemoCity.password) async throws {
        let page = try await post("/login", form: ["username": username, "password": password])
        #expect(page.status == .seeOther, "sign-in of \(username) failed: \(page.status)")
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || header.contains("Max-Age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        if let token = Self.csrfField(in: text) { csrfToken = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// The value of the first hidden `version` field of a page (the application's optimistic-lock version).
    static func version(in html: String) -> String? {
        guard let range = html.range(of: "name=\"version\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The id at the end of a redirect to an application page.
    static func applicationID(fromLocation location: String?) -> UUID? {
        guard let location else { return nil }
        let path = location.split(separator: "?").first.map(String.init) ?? location
        return path.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) }
    }

    static func csrfField(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
