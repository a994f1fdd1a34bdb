// swift-tools-version: 6.1
//
// kostra: a KOSTRA analysis service over a framed protobuf protocol.
//
// The modules, from the wire up:
//   CProtobuf       the C code protoc-c generates from Protos/, linked to protobuf-c
//   KostraCodec     Swift values for every message; the only Swift code that sees C
//   KostraProtocol  frames, envelopes, method names and status errors (NIO, no data)
//   CSQLite         the system's SQLite (libsqlite3-dev), for the data directory's store
//   KostraData      the data: regions, indicators, observations, the built-in chapter, the store
//   KostraAnalysis  the methods of the analysis over plain values (no NIO, no wire)
//   KostraService   the handlers and the SwiftNIO server
//   KostraGRPC      the same service over gRPC (grpc-swift-2), health and reflection beside it
//   KostraClient    a multiplexing client connection, shared by the CLI, tests and benchmarks
//   kostra-server   the server's command line
//   kostra-client   the operators' command line
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kostra",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kostra-server", targets: ["kostra-server"]),
        .executable(name: "kostra-client", targets: ["kostra-client"]),
        .library(name: "KostraCodec", targets: ["KostraCodec"]),
        .library(name: "KostraProtocol", targets: ["KostraProtocol"]),
        .library(name: "KostraClient", targets: ["KostraClient"]),
        .library(name: "KostraData", targets: ["KostraData"]),
        .library(name: "KostraAnalysis", targets: ["KostraAnalysis"]),
        .library(name: "KostraService", targets: ["KostraService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    ],
    targets: [
        .target(
            name: "CProtobuf",
            linkerSettings: [.linkedLibrary("protobuf-c")]
        ),
        .target(
            name: "KostraCodec",
            dependencies: ["CProtobuf"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KostraProtocol",
            dependencies: [
                "KostraCodec",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // SQLite, the data directory's store: Debian's libsqlite3-dev, through a module map.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "KostraData",
            dependencies: ["CSQLite"],
            resources: [
                .embedInCode("Resources/grunnskole-2025.json"),
                .embedInCode("Resources/code-history.json"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KostraAnalysis",
            dependencies: ["KostraData"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KostraService",
            dependencies: [
                "KostraProtocol",
                "KostraData",
                "KostraAnalysis",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Kostra service over gRPC (HTTP/2), answered by KostraService's router;
        // messages stay bytes that protobuf-c decodes and encodes (no swift-protobuf).
        .target(
            name: "KostraGRPC",
            dependencies: [
                "KostraService",
                "KostraCodec",
                "KostraProtocol",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KostraClient",
            dependencies: [
                "KostraProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kostra-server",
            dependencies: [
                "KostraService",
                "KostraGRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            // Bakes the git commit the binary is built from into BuildInfo.commit.
            plugins: ["BuildInfoPlugin"]
        ),
        // Runs scripts/build-info.sh before every build (a prebuild command, so
        // that a new commit is seen even when no source file changed).
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .executableTarget(
            name: "kostra-client",
            dependencies: [
                "KostraClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraCodecTests",
            dependencies: ["KostraCodec"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraProtocolTests",
            dependencies: [
                "KostraProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraDataTests",
            dependencies: ["KostraData"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraAnalysisTests",
            dependencies: ["KostraAnalysis", "KostraData"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraClientCLITests",
            dependencies: [
                "kostra-client",
                "KostraCodec",
                "KostraProtocol",
                // A live server in the tests, for the snapshots of every command.
                "KostraService",
                "KostraData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraServiceTests",
            dependencies: [
                "KostraService",
                "KostraClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraGRPCTests",
            dependencies: [
                "KostraGRPC",
                "KostraService",
                "KostraCodec",
                "KostraProtocol",
                "KostraData",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KostraServerCLITests",
            dependencies: [
                "kostra-server",
                "KostraService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
