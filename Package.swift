// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way:
//   QualityRules (pure, no Vapor/Fluent/NIO) ← QualityStorage (Fluent) ← QualityWeb (Vapor) ← QualityCLI ← qualitycity
// Spreadsheet (CSV/XLSX) is used by QualityStorage's registry import and by the web's exports.
// QualityAPI holds only the code generated from the OpenAPI document.
let package = Package(
    name: "QualityCity",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qualitycity", targets: ["qualitycity"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The policies as cited, date-versioned data and the engine that evaluates them.
        .target(
            name: "QualityRules",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Policies"), .copy("RubricTemplates")]
        ),
        // Fluent models, migrations and repositories; SQLite and PostgreSQL.
        .target(
            name: "QualityStorage",
            dependencies: [
                "QualityRules",
                "Spreadsheet",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The Vapor application: pages, JSON API, sessions, middleware.
        .target(
            name: "QualityWeb",
            dependencies: [
                "QualityRules",
                "QualityStorage",
                "Spreadsheet",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Public")]
        ),
        // Every `qualitycity` subcommand, as a library the tests can call.
        .target(
            name: "QualityCLI",
            dependencies: [
                "QualityRules",
                "QualityStorage",
                "QualityWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // CSV and XLSX reading and writing for exports and imports; Foundation and ZIPFoundation only.
        .target(
            name: "Spreadsheet",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // A reproducible synthetic city (seeded) for benchmarks and property tests; pure Swift.
        .target(
            name: "SyntheticCity",
            dependencies: ["QualityRules"]
        ),
        // `scripts/bench`: matching, import and explanation figures on a synthetic city (release build).
        .executableTarget(
            name: "QualityBench",
            dependencies: [
                "QualityRules", "QualityStorage", "SyntheticCity",
                .product(name: "FluentKit", package: "fluent-kit"),
            ]
        ),
        // `swift run -c release SpreadsheetBench` measures CSV parsing speed.
        .executableTarget(
            name: "SpreadsheetBench",
            dependencies: ["Spreadsheet"]
        ),
        .executableTarget(
            name: "qualitycity",
            dependencies: ["QualityCLI", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
        .testTarget(
            name: "QualityRulesTests",
            dependencies: [
                "QualityRules", "QualityStorage", "SyntheticCity",
                .product(name: "FluentKit", package: "fluent-kit"),
            ],
            resources: [.copy("Cases")]
        ),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["Spreadsheet"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "QualityStorageTests",
            dependencies: ["QualityStorage", "QualityTestSupport"]
        ),
        .testTarget(
            name: "QualityWebTests",
            dependencies: [
                "QualityWeb",
                "QualityTestSupport",
                "Spreadsheet",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(
            name: "QualityCLITests",
            dependencies: ["QualityCLI", "QualityTestSupport"]
        ),
        // Shared test fixtures: a database per test on SQLite or PostgreSQL, a fixed clock.
        .target(
            name: "QualityTestSupport",
            dependencies: [
                "QualityStorage",
                "QualityRules",
                .product(name: "FluentKit", package: "fluent-kit"),
            ],
            path: "Tests/QualityTestSupport"
        ),
    ]
)
