import Foundation

/// Files under the system temporary folder, one per test, so parallel tests never share one.
enum TemporaryFile {
    static func url(suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-test-\(UUID().uuidString)\(suffix)")
    }

    static func write(_ data: Data, suffix: String) throws -> URL {
        let url = url(suffix: suffix)
        try data.write(to: url)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The committed files made by other tools (see Fixtures/README.md).
enum Fixture {
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }
}
