import Foundation
import NIOCore
import QualityRules
@testable import QualityWeb
import Testing
import Vapor
import VaporTesting

/// Talks to the JSON API as a program would: a bearer token, JSON bodies, no cookies.
struct APIClient: Sendable {
    let app: Application
    var token: String?

    init(_ app: Application, token: String? = nil) {
        self.app = app
        self.token = token
    }

    struct Reply: Sendable {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var data: Data

        func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: data)
        }

        /// The error of a refused request; fails the test when the body is not the `ErrorBody` shape.
        var error: ErrorBody.Detail {
            get throws { try decode(ErrorBody.self).error }
        }

        var json: Any? { try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// Signs in through the API and returns a client holding the token.
    static func signedIn(_ app: Application, _ username: String, password: String = DemoCity.password) async throws -> APIClient {
        let reply = try await APIClient(app).post("/api/v1/session", json: ["username": username, "password": password])
        try #require(reply.status == .created, "API sign-in of \(username) failed: \(reply.status) \(reply.text)")
        return APIClient(app, token: try reply.decode(SessionDTO.self).token)
    }

    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> Reply {
        try await send(.GET, path, headers: headers, body: nil)
    }

    func delete(_ path: String) async throws -> Reply {
        try await send(.DELETE, path, headers: [:], body: nil)
    }

    func post(_ path: String, json: [String: Any]? = nil, headers: HTTPHeaders = [:]) async throws -> Reply {
        try await sendJSON(.POST, path, json: json, headers: headers)
    }

    func put(_ path: String, json: [String: Any]) async throws -> Reply {
        try await sendJSON(.PUT, path, json: json, headers: [:])
    }

    /// Uploads a file as the raw body, its type in `Content-Type` and its name in `?filename=`.
    func upload(_ path: String, data: Data, contentType: String, filename: String?) async throws -> Reply {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let query = filename.map { "?filename=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
        return try await send(.PUT, path + query, headers: headers, body: ByteBuffer(data: data))
    }

    func sendJSON(_ method: HTTPMethod, _ path: String, json: [String: Any]?, headers: HTTPHeaders) async throws -> Reply {
        var headers = headers
        guard let json else { return try await send(method, path, headers: headers, body: nil) }
        headers.contentType = .json
        let data = try JSONSerialization.data(withJSONObject: json)
        return try await send(method, path, headers: headers, body: ByteBuffer(data: data))
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Reply {
        var headers = headers
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        return Reply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
    }
}

/// Small files whose bytes are what they claim to be.
enum SampleFiles {
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
}

extension APIClient {
    /// The open demo call of seed 000 (深圳市质量强市骨干企业).
    func openBackboneCall() async throws -> CallSummaryDTO {
        let calls = try await get("/api/v1/calls").decode(CallListDTO.self).calls
        return try #require(calls.first { $0.programmeId == "sz-backbone" && $0.accepting })
    }

    /// Starts an application, fills the form, uploads every material of the call; returns it ready to submit.
    func preparedApplication(to callID: UUID) async throws -> ApplicationDetailDTO {
        let started = try await post("/api/v1/calls/\(callID)/applications")
        try #require(started.status == .created || started.status == .ok, "start: \(started.status) \(started.text)")
        var detail = try started.decode(ApplicationDetailDTO.self)
        let saved = try await put("/api/v1/applications/\(detail.id)/form", json: [
            "version": detail.version, "legalRepresentative": "王大明", "contactName": "张经理",
            "contactPhone": "0755-83177171", "contactEmail": "zhang@example.com",
            "address": "深圳市南山区科技园示例路 1 号", "summary": "本企业建立了完善的质量管理体系，近三年产品监督抽查全部合格。",
        ])
        try #require(saved.status == .ok, "form: \(saved.status) \(saved.text)")
        for material in detail.materials {
            let uploaded = try await upload("/api/v1/applications/\(detail.id)/materials/\(material.key)", data: SampleFiles.pdf,
                                            contentType: "application/pdf", filename: "\(material.key).pdf")
            try #require(uploaded.status == .ok, "upload \(material.key): \(uploaded.status) \(uploaded.text)")
        }
        detail = try await get("/api/v1/applications/\(detail.id)").decode(ApplicationDetailDTO.self)
        return detail
    }
}
