import ArgumentParser
import Foundation
import QualityStorage
import QualityWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Migrate the database, load the demo city into a new one, and serve the platform.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Port to listen on (default: $PORT, else 8080).")
    var port: Int?

    @Option(help: "Address to listen on (default: $HOST, else 127.0.0.1).")
    var hostname: String?

    @Flag(name: .customLong("no-demo"), help: "Never load the demo city (for a real deployment).")
    var noDemo = false

    func run() async throws {
        try await failingClearly {
            var configuration = try database.configuration()
            if let port {
                guard (1...65535).contains(port) else { throw ConfigurationError.badPort(String(port)) }
                configuration.port = port
            }
            if let hostname { configuration.hostname = hostname }
            configuration.loadDemoIfEmpty = !noDemo
            LoggingSetup.bootstrap(format: configuration.logFormat)
            let app = try await QualityCityApp.make(configuration, environment: .production)
            do {
                try await QualityCityApp.migrate(app)
                let demo = try await DemoCity.loadIfNew(app)
                try await QualityCityApp.startServer(app)
                printWelcome(configuration, demo: demo)
                let jobs = QualityCityApp.startJobLoop(app)
                try await QualityCityApp.waitForShutdown(app)
                jobs?.cancel()
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
    }

    private func printWelcome(_ configuration: AppConfiguration, demo: DemoCity.Status) {
        let host = configuration.hostname == "0.0.0.0" ? "127.0.0.1" : configuration.hostname
        var lines = [
            "",
            "QualityCity 质量强市政策服务平台 is running: http://\(host):\(configuration.port)/",
            "Database: \(configuration.database.redactedDescription)",
        ]
        switch demo {
        case .loaded(let accounts), .alreadyPresent(let accounts):
            lines.append(demo.isNew ? "A demo city was loaded (演示城市，数据均为虚构). Sign in with any of these; the password is \(DemoCity.password):"
                                    : "This database holds the demo city (演示城市). Demo sign-ins, password \(DemoCity.password):")
            for account in accounts {
                lines.append("  \(account.username.padding(toLength: 26, withPad: " ", startingAt: 0)) \(account.role)")
            }
        case .notLoaded:
            break
        }
        lines.append("Stop with Ctrl-C.")
        // Unbuffered, so the URL shows at once even when the output goes to a file or a pipe.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date (running it again changes nothing).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failingClearly {
            let configuration = try database.configuration()
            try await withApplication(configuration) { app in
                try await QualityCityApp.migrate(app)
                let applied = try await QualityCityApp.schemaVersion(app)
                print("Schema up to date on \(configuration.database.redactedDescription): \(applied) migrations applied.")
            }
        }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo city, or with --reset replace an existing demo city with a fresh one.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Delete the demo city's records and load it again.")
    var reset = false

    func run() async throws {
        try await failingClearly {
            let configuration = try database.configuration()
            try await withApplication(configuration) { app in
                try await QualityCityApp.migrate(app)
                let status = reset ? try await DemoCity.reset(app) : try await DemoCity.loadIfNew(app, force: true)
                switch status {
                case .loaded(let accounts): print("Demo city loaded: \(accounts.count) accounts, password \(DemoCity.password).")
                case .alreadyPresent: print("The demo city is already loaded; use --reset to load it afresh.")
                case .notLoaded: print("The database holds real data; the demo city was not loaded.")
                }
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the audit trail.",
        subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the hash chain of the audit trail and report the first broken link, if any.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failingClearly {
                let configuration = try database.configuration()
                let result = try await withApplication(configuration) { app in
                    try await AuditChain.verify(on: app.db)
                }
                if let broken = result.firstBroken {
                    print("Audit trail BROKEN at row \(broken): \(result.problem ?? "")")
                    print("审计链在第 \(broken) 行断开：该行或其之前的记录在系统之外被修改或删除。")
                    throw ExitCode(3)
                }
                print("Audit trail intact: \(result.checked) rows verified. 审计链完整，共校验 \(result.checked) 条记录。")
            }
        }
    }
}

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Time-driven steps (report reminders, rectification deadlines, expiry, re-reviews, end of notices).",
        subcommands: [RunDue.self])

    struct RunDue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-due",
            abstract: "Run every job that is due now, once; safe beside running instances (each job is claimed by one). For cron.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await failingClearly {
                let configuration = try database.configuration()
                let result = try await withApplication(configuration) { app in
                    try await QualityCityApp.migrate(app)
                    return try await QualityCityApp.jobRunner(app).runDue()
                }
                print("Jobs: \(result.planned) newly scheduled, \(result.ran) run, \(result.failed) failed (will be retried).")
                if result.failed > 0 { throw ExitCode(4) }
            }
        }
    }
}
