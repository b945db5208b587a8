import Foundation

/// The subset of JSON Schema (draft 2020-12) the facts schema uses, as a Swift value. The committed
/// `docs/facts.schema.json` is rendered from it (a test keeps the two identical), and the validator walks
/// it, so the document and the check cannot drift apart.
public indirect enum JSONSchema: Sendable {
    case object(description: String?, properties: [(String, JSONSchema)], required: [String])
    case array(of: JSONSchema, description: String?)
    case string(description: String?, pattern: String?, format: String?, values: [String]?)
    case integer(description: String?, minimum: Int64?, maximum: Int64?)
    case boolean(description: String?)
    case ref(String)

    /// The JSON object this schema node renders to.
    func rendered() -> [String: Any] {
        switch self {
        case .object(let description, let properties, let required):
            var node: [String: Any] = ["type": "object", "additionalProperties": false,
                                       "properties": Dictionary(uniqueKeysWithValues: properties.map { ($0.0, $0.1.rendered()) })]
            if !required.isEmpty { node["required"] = required }
            if let description { node["description"] = description }
            return node
        case .array(let items, let description):
            var node: [String: Any] = ["type": "array", "items": items.rendered()]
            if let description { node["description"] = description }
            return node
        case .string(let description, let pattern, let format, let values):
            var node: [String: Any] = ["type": "string"]
            if let description { node["description"] = description }
            if let pattern { node["pattern"] = pattern }
            if let format { node["format"] = format }
            if let values { node["enum"] = values }
            return node
        case .integer(let description, let minimum, let maximum):
            var node: [String: Any] = ["type": "integer"]
            if let description { node["description"] = description }
            if let minimum { node["minimum"] = minimum }
            if let maximum { node["maximum"] = maximum }
            return node
        case .boolean(let description):
            var node: [String: Any] = ["type": "boolean"]
            if let description { node["description"] = description }
            return node
        case .ref(let name):
            return ["$ref": "#/$defs/\(name)"]
        }
    }
}

/// A JSON document read without losing what the schema needs to know (integer or not, bool or number).
indirect enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case fraction
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if (try? container.decode(Double.self)) != nil { self = .fraction }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .integer: "a whole number"
        case .fraction: "a fractional number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
