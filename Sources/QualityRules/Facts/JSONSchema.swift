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

extension JSONValue {
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .int: "a whole number"
        case .double: "a fractional number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
