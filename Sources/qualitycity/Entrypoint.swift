import NIOCore
import NIOPosix
import QualityCLI

/// The executable is only this: everything lives in QualityCLI, where tests can reach it.
@main
enum Entrypoint {
    static func main() async {
        // Run Swift concurrency on NIO's event loops, as Vapor's template suggests: a request's async handler
        // then runs on the loop that owns its connection instead of hopping to another thread pool and back.
        // Measured under wrk: the thread switches were the largest single cost of a public page.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await QualityCityCommand.main(nil)
    }
}
