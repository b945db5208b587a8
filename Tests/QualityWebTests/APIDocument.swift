import Foundation
@testable import QualityWeb
import Yams

/// `openapi.yaml` as the tests read it, and a small validator of JSON bodies against its schemas: enough of
/// JSON Schema (types, enums, required, properties, additionalProperties, items, formats, patterns, bounds)
/// to catch a DTO and the document drifting apart.
struct APIDocument {
    let root: [String: Any]

    static func load() throws -> APIDocument {
        let url = sourceURL()
        let yaml = try String(contentsOf: url, encoding: .utf8)
        let data = try OpenAPIDocument.jsonData(fromYAML: yaml)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Problem("not an object") }
        return APIDocument(root: root)
    }

    private static func sourceURL() -> URL {
        // The source file, so the test reads what is committed (the bundle holds a copy of it).
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/QualityWeb/Public/openapi.yaml")
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var paths: [String: [String: Any]] { (root["paths"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String: Any] } }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// Every (METHOD, /path/{param}) the document describes.
    var operations: Set<String> {
        var result: Set<String> = []
        for (path, item) in paths {
            for method in Self.methods where item[method] != nil { result.insert("\(method.uppercased()) \(path)") }
        }
        return result
    }

    func operation(_ method: String, _ template: String) -> [String: Any]? {
        paths[template]?[method.lowercased()] as? [String: Any]
    }

    /// The template a concrete path matches, e.g. `/api/v1/applications/6F…/submit` → `…/{applicationId}/submit`.
    func template(for path: String) -> String? {
        let parts = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        let candidates = paths.keys.filter { template in
            let pattern = template.split(separator: "/").map(String.init)
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        // A literal segment beats a parameter.
        return candidates.max { $0.filter { $0 == "{" }.count > $1.filter { $0 == "{" }.count }
    }

    func resolve(_ schema: Any) throws -> [String: Any] {
        guard var object = schema as? [String: Any] else { throw Problem("schema is not an object") }
        while let ref = object["$ref"] as? String {
            var node: Any = root
            for key in ref.dropFirst(2).split(separator: "/") {
                guard let next = (node as? [String: Any])?[String(key)] else { throw Problem("unresolved \(ref)") }
                node = next
            }
            guard let resolved = node as? [String: Any] else { throw Problem("\(ref) is not an object") }
            object = resolved
        }
        return object
    }

    /// The documented response for a status, or nil when the status is not documented.
    func response(_ operation: [String: Any], status: Int) throws -> [String: Any]? {
        guard let responses = operation["responses"] as? [String: Any], let response = responses[String(status)] else { return nil }
        return try resolve(response)
    }

    /// Problems of `value` against `schema`, each with its JSON path; empty when it conforms.
    func validate(_ value: Any, against schema: Any, at path: String = "$") throws -> [String] {
        let schema = try resolve(schema)
        var problems: [String] = []
        if let types = (schema["type"] as? String).map({ [$0] }) ?? schema["type"] as? [String],
           !types.contains(where: { Self.isType(value, $0) }) {
            return ["\(path): expected \(types), got \(type(of: value)) \(value)"]
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let text = value as? String {
            if let format = schema["format"] as? String, !Self.conforms(text, format: format) {
                problems.append("\(path): '\(text)' is not a \(format)")
            }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): '\(text)' does not match \(pattern)")
            }
            if let minimum = schema["minLength"] as? Int, text.count < minimum { problems.append("\(path): shorter than \(minimum)") }
        }
        if let number = value as? NSNumber, !Self.isBool(value) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let property = properties[key] {
                    problems += try validate(item, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if !Self.isBool(additional) {
                        problems += try validate(item, against: additional, at: "\(path).\(key)")
                    } else if (additional as? NSNumber)?.boolValue == false {
                        problems.append("\(path): undocumented property \(key)")
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() { problems += try validate(item, against: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        // JSONSerialization boxes true and false as NSNumbers of type "c"; 0 and 1 are "i".
        return String(cString: number.objCType) == "c"
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": isBool(value)
        case "integer": !isBool(value) && (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } == true
        case "number": !isBool(value) && value is NSNumber
        case "null": value is NSNull
        default: false
        }
    }

    static func conforms(_ text: String, format: String) -> Bool {
        switch format {
        case "uuid": UUID(uuidString: text) != nil
        case "date": text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        case "date-time": ISO8601DateFormatter().date(from: text) != nil
        default: true
        }
    }
}
