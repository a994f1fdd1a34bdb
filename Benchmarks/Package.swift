// swift-tools-version: 6.1
//
// kostra's benchmarks: a package of its own, so that the main package (and
// CI, which builds only the main package) never resolves or builds
// ordo-one/benchmark, swift-protobuf or gRPC.
//
//   Codec       encode/decode of every message, protobuf-c (KostraCodec) beside swift-protobuf
//   Analysis    the analysis methods, and the router's request -> answer path
//   GRPCPeer    a minimal grpc-swift-2 server answering GetProfile from the same router
//   GRPCBench   a closed-loop gRPC load client, the twin of `kostra-client bench`
//
// Run: `swift package --package-path Benchmarks benchmark` (see README.md).
import PackageDescription

import struct Foundation.URL

// A path dependency's identity is the name of its folder (`wt-bench`,
// `main`, a CI clone's name...), not the manifest's name "kostra"; work it
// out so the products below resolve from any checkout.
let kostra = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let benchmarkPlugin: [Target.PluginUsage] = [.plugin(name: "BenchmarkPlugin", package: "benchmark")]

let package = Package(
    name: "kostra-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // Only the MallocInterposer trait: the default traits also pull in
        // swift-runtime-interposer on Linux with Swift 6.3, which is not in
        // the local package mirror.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // swift-protobuf's messages for Protos/, generated once by
        // generate-swift-protobuf.sh and committed.
        .target(
            name: "KostraSwiftProtobuf",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Sources/KostraSwiftProtobuf"
        ),
        // The real requests and answers of the built-in data, shared by the benchmarks.
        .target(
            name: "KostraFixtures",
            dependencies: [
                .product(name: "KostraCodec", package: kostra),
                .product(name: "KostraProtocol", package: kostra),
                .product(name: "KostraData", package: kostra),
                .product(name: "KostraService", package: kostra),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The gRPC method, its protobuf-c serializers, and the service.
        .target(
            name: "GRPCPeerKit",
            dependencies: [
                .product(name: "KostraCodec", package: kostra),
                .product(name: "KostraProtocol", package: kostra),
                .product(name: "KostraAnalysis", package: kostra),
                .product(name: "KostraService", package: kostra),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GRPCPeer",
            dependencies: [
                "GRPCPeerKit",
                .product(name: "KostraAnalysis", package: kostra),
                .product(name: "KostraData", package: kostra),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GRPCBench",
            dependencies: [
                "GRPCPeerKit",
                .product(name: "KostraCodec", package: kostra),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "Codec",
            dependencies: [
                "KostraFixtures",
                "KostraSwiftProtobuf",
                .product(name: "KostraCodec", package: kostra),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Benchmarks/Codec",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                "KostraFixtures",
                .product(name: "KostraCodec", package: kostra),
                .product(name: "KostraAnalysis", package: kostra),
                .product(name: "KostraData", package: kostra),
                .product(name: "KostraProtocol", package: kostra),
                .product(name: "KostraService", package: kostra),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/Analysis",
            swiftSettings: swiftSettings,
            plugins: benchmarkPlugin
        ),
    ],
    swiftLanguageModes: [.v6]
)
