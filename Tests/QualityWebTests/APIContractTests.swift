import Foundation
import NIOCore
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor
import Yams

@Suite("JSON API: the OpenAPI document and the routes cannot drift apart")
struct APIContractTests {
    @Test("the registered /api/v1 routes are exactly the operations of openapi.yaml")
    func routesMatchDocument() async throws {
        let document = try APIDocument.load()
        try await withTestApp { app in
            // MUT
            let routes = Set(app.routes.all.compactMap { route -> String? in
                if route.userInfo[API.methodNotAllowedKey] != nil { return nil }
                let path = "/" + route.path.map { component in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }.joined(separator: "/")
                return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
            })
            // validation
            #expect(routes.count >= 23)
            #expect(routes.subtracting(document.operations).sorted() == [], "routes missing from openapi.yaml")
            #expect(document.operations.subtracting(routes).sorted() == [], "operations in openapi.yaml without a route")
        }
    }

    @Test("another method on an API path is 405 with Allow, not 404")
    func methodNotAllowed() async throws {
        try await withTestApp { app in
            // MUT
            let patch = try await APIClient(app).send(.PATCH, "/api/v1/calls", headers: [:], body: nil)
            let trace = try await APIClient(app).send(.TRACE, "/api/v1/applications/\(UUID())/submit", headers: [:], body: nil)
            // validation
            #expect(patch.status == .methodNotAllowed)
            #expect(patch.headers.first(name: .allow) == "GET, POST")
            #expect(try patch.error.code == "method_not_allowed")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "POST")
            #expect(try await APIClient(app).send(.PATCH, "/api/v1/nonesuch", headers: [:], body: nil).status == .notFound)
        }
    }

    @Test("every operation documents the errors it can answer with")
    func errorsDocumented() throws {
        let document = try APIDocument.load()
        let globalSecurity = document.root["security"] as? [Any] ?? []
        for (path, item) in document.paths {
            for method in APIDocument.methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                let name = "\(method.uppercased()) \(path)"
                let responses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                let security = operation["security"] as? [Any] ?? globalSecurity
                let optional = security.contains { ($0 as? [String: Any])?.isEmpty == true }
                if !security.isEmpty, !optional, path != "/api/v1/session" || method != "post" {
                    #expect(responses.contains("401"), "\(name) needs a token but does not document 401")
                }
                if let body = operation["requestBody"] as? [String: Any] {
                    #expect(body["required"] as? Bool == true, "\(name): its body is required")
                    for status in ["413", "415", "422"] { #expect(responses.contains(status), "\(name) takes a body but does not document \(status)") }
                }
                let parameters = (item["parameters"] as? [Any] ?? []) + (operation["parameters"] as? [Any] ?? [])
                let hasPathID = try parameters.contains { try document.resolve($0)["in"] as? String == "path" }
                if hasPathID { #expect(responses.contains("404"), "\(name) has an id in its path but does not document 404") }
                #expect(responses.contains { $0.hasPrefix("2") }, "\(name) documents no success")
                #expect(operation["operationId"] is String, "\(name) has no operationId")
            }
        }
    }

    @Test("/openapi.yaml is served as YAML and /openapi.json is the same document")
    func served() async throws {
        try await withTestApp { app in
            // MUT
            let yaml = try await app.testing().sendRequest(.GET, "/openapi.yaml")
            let json = try await app.testing().sendRequest(.GET, "/openapi.json")
            // validation
            #expect(yaml.status == .ok)
            #expect(yaml.headers.contentType?.subType == "yaml")
            #expect(json.status == .ok)
            #expect(json.headers.contentType?.subType == "json")
            let fromYAML = try #require(try Yams.load(yaml: yaml.body.string) as? [String: Any])
            let fromJSON = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
            #expect(fromJSON["openapi"] as? String == "3.1.0")
            #expect(Set((fromJSON["paths"] as? [String: Any] ?? [:]).keys) == Set((fromYAML["paths"] as? [String: Any] ?? [:]).keys))
            let schemas = { (root: [String: Any]) in ((root["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:] }
            #expect(Set(schemas(fromJSON).keys) == Set(schemas(fromYAML).keys))
            // Scalars keep their YAML types: booleans, integers, and dates that stay strings.
            let detail = try #require(schemas(fromJSON)["CallDetail"] as? [String: Any])
            #expect(APIDocument.isBool(detail["additionalProperties"] as Any))
            let notice = try #require((detail["properties"] as? [String: Any])?["noticeDays"] as? [String: Any])
            #expect((notice["maximum"] as? NSNumber)?.intValue == 30 && !APIDocument.isBool(notice["maximum"] as Any))
            let date = try #require(schemas(fromJSON)["CalendarDate"] as? [String: Any])
            #expect(date["example"] as? String == "2026-11-30")
            #expect(String(decoding: Data(buffer: json.body), as: UTF8.self).contains("质量强市政策服务平台"))
        }
    }

    @Test("responses of a whole journey are documented: status per operation, and bodies that fit their schemas")
    func responsesConform() async throws {
        let document = try APIDocument.load()
        try await withTestApp(demo: true) { app in
            // setup: a recorder around the API client
            var replies: [(method: HTTPMethod, path: String, reply: APIClient.Reply)] = []
            func record(_ method: HTTPMethod, _ path: String, _ reply: APIClient.Reply) -> APIClient.Reply {
                replies.append((method, path, reply))
                return reply
            }
            let anonymous = APIClient(app)
            let session = record(.POST, "/api/v1/session",
                                 try await anonymous.post("/api/v1/session", json: ["username": "demo-enterprise-sz", "password": DemoCity.password]))
            let enterprise = APIClient(app, token: try session.decode(SessionDTO.self).token)
            let calls = record(.GET, "/api/v1/calls", try await anonymous.get("/api/v1/calls"))
            let call = try #require(try calls.decode(CallListDTO.self).calls.first { $0.accepting })
            _ = record(.GET, "/api/v1/calls/\(call.id)", try await anonymous.get("/api/v1/calls/\(call.id)"))
            _ = record(.GET, "/api/v1/me", try await enterprise.get("/api/v1/me"))
            _ = record(.GET, "/api/v1/me", try await anonymous.get("/api/v1/me"))
            let started = record(.POST, "/api/v1/calls/\(call.id)/applications", try await enterprise.post("/api/v1/calls/\(call.id)/applications"))
            let id = try started.decode(ApplicationDetailDTO.self).id
            let base = "/api/v1/applications/\(id)"
            _ = record(.PUT, base + "/form", try await enterprise.put(base + "/form", json: ["version": 1, "contactPhone": "x"]))
            _ = record(.PUT, base + "/form", try await enterprise.put(base + "/form", json: ["version": 99]))
            let prepared = try await enterprise.preparedApplication(to: call.id)
            _ = record(.PUT, base + "/materials/form", try await enterprise.upload(base + "/materials/form", data: SampleFiles.png,
                                                                                   contentType: "image/png", filename: "表.png"))
            _ = record(.PUT, base + "/materials/form", try await enterprise.upload(base + "/materials/form", data: SampleFiles.png,
                                                                                   contentType: "text/plain", filename: "表.txt"))
            _ = record(.GET, base, try await enterprise.get(base))
            _ = record(.POST, base + "/submit", try await enterprise.post(base + "/submit", json: ["version": prepared.version, "commitmentAccepted": true]))
            _ = record(.POST, base + "/submit", try await enterprise.post(base + "/submit", json: ["version": prepared.version, "commitmentAccepted": true]))
            _ = record(.POST, base + "/forward", try await enterprise.post(base + "/forward", json: ["version": 1, "opinion": "x", "recommend": true]))
            _ = record(.GET, "/api/v1/applications", try await enterprise.get("/api/v1/applications"))
            _ = record(.GET, "/api/v1/applications", try await enterprise.get("/api/v1/applications?stage=nonesuch"))
            _ = record(.GET, "/api/v1/enterprise", try await enterprise.get("/api/v1/enterprise"))
            let district = try await APIClient.signedIn(app, "demo-district-nanshan")
            let inbox = record(.GET, "/api/v1/inbox", try await district.get("/api/v1/inbox"))
            let message = try #require(try inbox.decode(InboxDTO.self).messages.first)
            _ = record(.POST, "/api/v1/inbox/\(message.id)/read", try await district.post("/api/v1/inbox/\(message.id)/read"))
            let current = try await district.get(base).decode(ApplicationDetailDTO.self)
            _ = record(.POST, base + "/forward", try await district.post(base + "/forward",
                                                                         json: ["version": current.version, "opinion": "同意", "recommend": false]))
            _ = record(.GET, "/api/v1/applications/\(UUID())", try await district.get("/api/v1/applications/\(UUID())"))
            _ = record(.POST, "/api/v1/enterprises", try await anonymous.post("/api/v1/enterprises", json: ["creditCode": "1"]))
            _ = record(.DELETE, "/api/v1/session", try await district.delete("/api/v1/session"))

            // validation
            for (method, path, reply) in replies {
                let name = "\(method.rawValue) \(path) → \(reply.status.code)"
                let template = try #require(document.template(for: path), "\(name): no such path in openapi.yaml")
                let operation = try #require(document.operation(method.rawValue, template), "\(name): no such operation")
                guard let response = try document.response(operation, status: Int(reply.status.code)) else {
                    Issue.record("\(name): status not documented")
                    continue
                }
                guard let content = response["content"] as? [String: Any] else {
                    #expect(reply.data.isEmpty, "\(name): a body where none is documented")
                    continue
                }
                let schema = try #require((content["application/json"] as? [String: Any])?["schema"], "\(name): not documented as JSON")
                let body = try #require(reply.json, "\(name): body is not JSON")
                let problems = try document.validate(body, against: schema)
                #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
            }
            #expect(Set(replies.map(\.reply.status.code)).isSuperset(of: [200, 201, 204, 401, 404, 409, 415, 422]))
        }
    }

    @Test("the validator itself catches an undocumented property, a missing field, a wrong type and a bad enum value")
    func validatorBites() throws {
        let document = try APIDocument.load()
        let schema: [String: Any] = ["$ref": "#/components/schemas/Account"]
        let good: [String: Any] = ["id": UUID().uuidString, "username": "a", "displayName": "甲", "role": "enterprise"]
        #expect(try document.validate(good, against: schema).isEmpty)
        var extra = good; extra["password"] = "x"
        var missing = good; missing["username"] = nil
        var wrongType = good; wrongType["username"] = 3
        var badEnum = good; badEnum["role"] = "king"
        var badID = good; badID["id"] = "42"
        for bad in [extra, missing, wrongType, badEnum, badID] {
            #expect(try document.validate(bad, against: schema).count == 1)
        }
    }
}
