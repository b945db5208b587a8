import Fluent
import Foundation
import QualityRules
import QualityStorage
import QualityTestSupport
@testable import QualityWeb
import Testing
import Vapor
import VaporTesting

/// Browsers send an upload in several network reads; the form check must wait for the whole body.
@Suite("Uploads over a real socket")
struct StreamingUploadTests {
    @Test("a 2 MB material uploaded over HTTP passes the anti-forgery check and is attached")
    func largeUpload() async throws {
        try await withTestApp(demo: true) { app in
            // setup: a call and a draft, via the in-memory client
            let today = app.qualityCity.clock.today()
            let callID = try await ApplicationFlowTests.publishCall(app, programme: "sz-backbone", opens: today, closes: today.adding(days: 5))
            let enterprise = TestClient(app)
            try await enterprise.signIn("demo-enterprise-sz")
            let id = try #require(TestClient.applicationID(fromLocation: try await enterprise.post("/calls/\(callID)/apply", form: [:]).location))
            let cookies = enterprise.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let token = try #require(enterprise.csrfToken)
            // MUT: a real server, a real socket, a body far larger than one read
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let boundary = "----qc-stream-\(UUID().uuidString)"
            var body = Data()
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"materialKey\"\r\n\r\nm1\r\n".utf8))
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
            body.append(Fixtures.pdf)
            body.append(Data(repeating: 0x20, count: 2 * 1024 * 1024))
            body.append(Data("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n--\(boundary)--\r\n".utf8))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(name: .cookie, value: cookies)
            let response = try await app.client.post(URI(string: "http://127.0.0.1:\(port)/applications/\(id)/materials"), headers: headers) {
                $0.body = ByteBuffer(data: body)
            }
            await app.server.shutdown()
            // validation
            // The client follows the redirect back to the application page.
            #expect([.seeOther, .ok].contains(response.status), "upload refused: \(response.status)")
            #expect(try await ApplicationMaterial.query(on: app.db).filter(\.$application.$id == id).count() == 1)
        }
    }
}
