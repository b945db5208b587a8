import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import QualityStorage

/// A migrated database of its own for one storage test, without Vapor.
public enum TestStorage {
    public static func withDatabase<T>(migrated: Bool = true, _ body: (any Database) async throws -> T) async throws -> T {
        let settings = try await TestDatabase.fresh(migrated: migrated)
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        try settings.register(in: databases, maxConnectionsPerEventLoop: 4)
        var logger = Logger(label: "test-storage")
        logger.logLevel = .warning
        let database = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
        do {
            // PostgreSQL databases come migrated from the template; SQLite ones are migrated here.
            try await StorageTuning.apply(to: database)
            if migrated, settings.kind == .sqlite {
                try await migrate(databases: databases, logger: logger)
            }
            let result = try await body(database)
            await databases.shutdownAsync()
            TestDatabase.discard(settings)
            return result
        } catch {
            await databases.shutdownAsync()
            TestDatabase.discard(settings)
            throw error
        }
    }

    public static func migrate(databases: Databases, logger: Logger) async throws {
        let migrations = FluentKit.Migrations()
        migrations.add(QualityStorage.Migrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }
}
