import Foundation
import Vapor
import Yams

/// The API's description. `Public/openapi.yaml` is the one source: FileMiddleware serves it as it is, and
/// `/openapi.json` is the same document converted once, with the order of its keys kept.
enum OpenAPIDocument {
    static let yamlPath = "/openapi.yaml"

    static func register(on app: Application) {
        app.get("openapi.json", use: json)
    }

    static let converted: Result<Data, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Public") else {
            throw Abort(.notFound)
        }
        return try jsonData(fromYAML: String(contentsOf: url, encoding: .utf8))
    }

    @Sendable
    static func json(request: Request) async throws -> Response {
        let data = try converted.get()
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }

    /// YAML → JSON, keeping the order of keys; scalars typed by YAML 1.2's core schema (dates stay strings).
    static func jsonData(fromYAML yaml: String) throws -> Data {
        let resolver = Resolver.default.removing(.timestamp)
        guard let node = try Yams.compose(yaml: yaml, resolver) else { return Data("null".utf8) }
        var output = ""
        try write(node, resolver: resolver, to: &output)
        return Data(output.utf8)
    }

    private static func write(_ node: Node, resolver: Resolver, to output: inout String) throws {
        switch node {
        case .mapping(let mapping):
            output += "{"
            for (index, pair) in mapping.enumerated() {
                if index > 0 { output += "," }
                output += quoted(pair.key.string ?? "")
                output += ":"
                try write(pair.value, resolver: resolver, to: &output)
            }
            output += "}"
        case .sequence(let sequence):
            output += "["
            for (index, element) in sequence.enumerated() {
                if index > 0 { output += "," }
                try write(element, resolver: resolver, to: &output)
            }
            output += "]"
        case .scalar(let scalar):
            switch resolver.resolveTag(of: node) {
            case .null: output += "null"
            case .bool: output += node.bool == true ? "true" : "false"
            case .int: output += node.int.map(String.init) ?? quoted(scalar.string)
            case .float: output += node.float.flatMap { $0.isFinite ? "\($0)" : nil } ?? quoted(scalar.string)
            default: output += quoted(scalar.string)
            }
        case .alias:
            throw Abort(.internalServerError, reason: "openapi.yaml uses an alias; write it out")
        }
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Vapor's table of file types has no YAML; without this, `/openapi.yaml` would be served untyped.
struct YAMLContentTypeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = request.url.path
        if response.status == .ok, path.hasSuffix(".yaml") || path.hasSuffix(".yml"), response.headers.contentType == nil {
            response.headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        }
        return response
    }
}
