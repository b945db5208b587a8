import QualityRules
import Vapor

/// An error a person can act on: a status and a message in both languages. Bad input becomes one of these;
/// nothing is written when one is thrown.
public struct AppError: Error, AbortError, Sendable {
    public var status: HTTPResponseStatus
    public var code: String
    public var message: LocalizedText
    /// Field-level problems of a form or a JSON body: field name → message.
    public var fields: [String: LocalizedText]

    public init(_ status: HTTPResponseStatus, code: String, _ message: LocalizedText, fields: [String: LocalizedText] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    public var reason: String { message.en }

    public static func notFound(_ what: LocalizedText = LocalizedText(zh: "页面不存在", en: "Page not found")) -> AppError {
        AppError(.notFound, code: "not_found", what)
    }

    public static let signInRequired = AppError(
        .unauthorized, code: "sign_in_required", LocalizedText(zh: "请先登录", en: "Please sign in first"))

    public static let forbidden = AppError(
        .forbidden, code: "forbidden", LocalizedText(zh: "您没有权限进行此操作", en: "You are not allowed to do this"))

    public static func invalid(_ message: LocalizedText, fields: [String: LocalizedText] = [:]) -> AppError {
        AppError(.unprocessableEntity, code: "invalid_input", message, fields: fields)
    }

    public static func conflict(_ message: LocalizedText) -> AppError {
        AppError(.conflict, code: "conflict", message)
    }
}

/// The JSON shape of every API error (see `openapi.yaml`, `Error`).
struct ErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: LocalizedText
        var fields: [String: LocalizedText]?
        var requestID: String?
    }

    var error: Detail
}

/// Turns errors into pages in the reader's language, or JSON for the API. Unexpected errors are logged with
/// the request id and shown without internals.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let appError: AppError
        switch error {
        case let error as AppError:
            appError = error
        case let abort as any AbortError where abort.status == .notFound:
            appError = .notFound()
        case let abort as any AbortError where abort.status == .payloadTooLarge:
            appError = AppError(.payloadTooLarge, code: "too_large",
                                LocalizedText(zh: "上传内容过大", en: "The upload is too large"))
        case let abort as any AbortError where abort.status.code < 500:
            appError = AppError(abort.status, code: "bad_request",
                                LocalizedText(zh: "请求无效：\(abort.reason)", en: "Bad request: \(abort.reason)"))
        case let decoding as DecodingError:
            appError = .invalid(LocalizedText(zh: "提交的数据格式不正确：\(Self.describe(decoding))",
                                              en: "The submitted data is malformed: \(Self.describe(decoding))"))
        default:
            request.logger.error("Unexpected error: \(String(reflecting: error))")
            appError = AppError(.internalServerError, code: "internal",
                                LocalizedText(zh: "系统出错，请稍后再试；如问题持续，请告知请求编号。",
                                              en: "Something went wrong; please try again. If it persists, quote the request id."))
        }
        let requestID = request.logger[metadataKey: "request-id"].map { "\($0)" }
        if request.wantsJSON {
            let body = ErrorBody(error: .init(code: appError.code, message: appError.message,
                                              fields: appError.fields.isEmpty ? nil : appError.fields,
                                              requestID: requestID))
            let response = Response(status: appError.status)
            try? response.content.encode(body, as: .json)
            return response
        }
        let context = PageContext(request: request)
        let page = ErrorPage.render(context: context, error: appError, requestID: requestID)
        let response = Response(status: appError.status)
        response.headers.contentType = .html
        response.body = .init(string: page)
        return response
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension Request {
    /// API paths, and clients that ask for JSON, get JSON errors.
    var wantsJSON: Bool {
        url.path.hasPrefix("/api/") || (headers.first(name: .accept)?.contains("application/json") ?? false)
    }
}
