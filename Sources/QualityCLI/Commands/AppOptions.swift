import ArgumentParser
import Foundation
import QualityStorage
import QualityWeb

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "postgres://… or sqlite:///path; default: $DATABASE_URL, else data/qualitycity.sqlite")
    var databaseURL: String?

    func configuration() throws -> AppConfiguration {
        var configuration = try AppConfiguration.fromEnvironment()
        if let databaseURL { configuration.database = try DatabaseSettings.parse(url: databaseURL) }
        return configuration
    }
}

