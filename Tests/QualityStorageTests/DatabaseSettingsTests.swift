import Foundation
import QualityStorage
import Testing

@Suite("Database settings from the environment")
struct DatabaseSettingsTests {
    @Test("no DATABASE_URL means the SQLite file under data/")
    func defaultIsSQLite() throws {
        let settings = try DatabaseSettings.fromEnvironment([:])
        #expect(settings.storage == .sqliteFile(path: "data/qualitycity.sqlite"))
        #expect(settings.kind == .sqlite)
    }

    @Test("a postgres URL selects PostgreSQL and never prints the password")
    func postgres() throws {
        let settings = try DatabaseSettings.fromEnvironment(["DATABASE_URL": "postgres://qc:secret@db.example:5432/qualitycity"])
        #expect(settings.kind == .postgres)
        #expect(!settings.redactedDescription.contains("secret"))
        #expect(settings.redactedDescription.contains("db.example"))
    }

    @Test("sqlite URLs select a file or memory")
    func sqliteURLs() throws {
        #expect(try DatabaseSettings.parse(url: "sqlite:///tmp/x.sqlite").storage == .sqliteFile(path: "/tmp/x.sqlite"))
        #expect(try DatabaseSettings.parse(url: "sqlite://:memory:").kind == .sqlite)
    }

    @Test("bad URLs are refused with a sentence that says how to fix them", arguments: [
        ("mysql://u@h/db", "scheme 'mysql'"),
        ("postgres:///qualitycity", "no host"),
        ("postgres://u@host:5432", "no database name"),
        ("postgres://%%%", "not a valid database URL"),
    ])
    func badURLs(url: String, expected: String) {
        #expect {
            _ = try DatabaseSettings.parse(url: url)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
