import Foundation
import QualityRules
import Vapor

/// A JSON request body. Its `CodingKeys` list every field it accepts: a field it does not know is refused
/// (422), so a misspelt field is reported instead of being silently ignored.
protocol APIInput: Decodable, Sendable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

/// A JSON response: the DTO encoded with the API's own encoder (timestamps ISO 8601, keys sorted), whatever
/// the application's global content configuration is.
struct APIResponse<Body: Encodable & Sendable>: AsyncResponseEncodable {
    var status: HTTPStatus = .ok
    var body: Body
    /// For 201: where the new resource lives.
    var location: APIURL?

    init(_ body: Body, status: HTTPStatus = .ok, location: APIURL? = nil) {
        self.status = status
        self.body = body
        self.location = location
    }

    func encodeResponse(for request: Request) async throws -> Response {
        let response = Response(status: status)
        response.headers.contentType = .json
        response.body = .init(data: try APIJSON.encoder.encode(body))
        if let location { response.headers.replaceOrAdd(name: .location, value: location.path) }
        return response
    }
}

enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// For objects nested in a body: an unknown key is a decoding error at its path (422).
    static func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, in decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [unknown], debugDescription: "unknown field"))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The path of the first `null` in a parsed body, if any (`materials[0].titleEn`).
    static func firstNull(in value: Any, at path: String = "") -> String? {
        switch value {
        case is NSNull:
            return path
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstNull(in: object[key]!, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = firstNull(in: item, at: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    static func isJSON(_ type: HTTPMediaType?) -> Bool {
        guard let type else { return false }
        return type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json"))
    }

    /// The problem a decoding error points at, as a field name (dotted path) and a message.
    static func field(of error: DecodingError) -> (String, LocalizedText) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), Strings.API.requiredField)
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), type == String.self ? Strings.API.requiredField : Strings.API.wrongType(jsonType(type)))
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), Strings.API.wrongType(jsonType(type)))
        case .dataCorrupted(let context):
            let unknown = context.debugDescription == "unknown field"
            return (path(context.codingPath), unknown ? Strings.API.unknownField : Strings.API.badValue)
        @unknown default:
            return ("", Strings.API.badValue)
        }
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type, is Int64.Type: "integer"
        case is Double.Type: "number"
        default: String(describing: type).hasPrefix("Array") ? "array" : "object"
        }
    }
}

extension Request {
    /// A file sent as the raw body: its declared type must be one of `types` (415) and it must not be empty
    /// (422). Nothing has been written when it throws.
    func uploadedFile(of types: Set<String>) throws -> Data {
        guard let type = headers.contentType.map({ "\($0.type)/\($0.subType)".lowercased() }), types.contains(type) else {
            throw AppError(.unsupportedMediaType, code: "unsupported_type", Strings.API.uploadTypeRequired)
        }
        let data = body.data.map { Data(buffer: $0) } ?? Data()
        guard !data.isEmpty else { throw AppError.invalid(Strings.API.emptyBody) }
        return data
    }

    /// Decodes a JSON body strictly: the right media type (415), a JSON object (422), no unknown fields
    /// (422), every field of the right type (422, with `fields`). Nothing has been written when it throws.
    func decodeJSON<Input: APIInput>(_ type: Input.Type) throws -> Input {
        guard APIJSON.isJSON(headers.contentType) else {
            throw AppError(.unsupportedMediaType, code: "unsupported_media_type", Strings.API.notJSON)
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else { throw AppError.invalid(Strings.API.emptyBody) }
        let data = Data(buffer: buffer)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw AppError.invalid(Strings.API.malformedJSON)
        }
        guard let object = parsed as? [String: Any] else { throw AppError.invalid(Strings.API.notAnObject) }
        let known = Set(Input.CodingKeys.allCases.map(\.stringValue))
        let unknown = object.keys.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw AppError.invalid(Strings.API.badRequest,
                                   fields: Dictionary(uniqueKeysWithValues: unknown.map { ($0, Strings.API.unknownField) }))
        }
        // No field of any request is nullable: a null is refused rather than read as "absent".
        if let path = APIJSON.firstNull(in: object) {
            throw AppError.invalid(Strings.API.badRequest, fields: [path: Strings.API.notNull])
        }
        do {
            return try JSONDecoder().decode(Input.self, from: data)
        } catch let error as DecodingError {
            let (field, message) = APIJSON.field(of: error)
            throw AppError.invalid(Strings.API.badRequest, fields: field.isEmpty ? [:] : [field: message])
        }
    }

    /// An optional query parameter that must parse when it is present, even empty (422 when it does not).
    func queryValue<Value>(_ name: String, _ parse: (String) -> Value?, problem: LocalizedText) throws -> Value? {
        guard let raw = try? query.get(String.self, at: name) else { return nil }
        guard let value = parse(raw) else { throw AppError.invalid(Strings.API.badQuery, fields: [name: problem]) }
        return value
    }
}
