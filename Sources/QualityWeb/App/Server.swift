import Dispatch
import Foundation
import Vapor

extension QualityCityApp {
    /// Binds the HTTP server, or explains in one line why it cannot.
    public static func startServer(_ app: Application) async throws {
        let configuration = app.qualityCity.configuration
        do {
            try await app.server.start(address: .hostname(configuration.hostname, port: configuration.port))
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw ConfigurationError.portInUse(host: configuration.hostname, port: configuration.port)
            }
            throw ConfigurationError.cannotListen(host: configuration.hostname, port: configuration.port,
                                                  reason: text.split(separator: "\n").first.map(String.init) ?? text)
        }
    }

    /// Waits until SIGINT or SIGTERM, then stops the server gracefully.
    public static func waitForShutdown(_ app: Application) async throws {
        let promise = app.eventLoopGroup.next().makePromise(of: Void.self)
        let queue = DispatchQueue(label: "qualitycity.shutdown")
        var sources: [any DispatchSourceSignal] = []
        for code in [SIGTERM, SIGINT] {
            signal(code, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: code, queue: queue)
            source.setEventHandler { promise.succeed(()) }
            source.resume()
            sources.append(source)
        }
        try await promise.futureResult.get()
        sources.forEach { $0.cancel() }
        await app.server.shutdown()
    }
}
