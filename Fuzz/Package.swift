// swift-tools-version: 6.1
//
// libFuzzer targets for kostra's hostile-input paths, kept out of the main
// package so that its build and CI never compile them. Build and run them with
// scripts/fuzz.sh; docs/fuzzing.md describes each target and a long run.
//
//   FuzzFrames    bytes -> FrameDecoder -> RequestEnvelope -> the method's request
//   FuzzMessages  selector byte + bytes -> any KostraV1 message -> re-encode -> decode
//   FuzzDataFile  bytes -> Dataset(jsonBytes:name:)
//   FuzzStore     bytes as DIR/kostra.sqlite -> DataStore.read() -> every figure and a history
//
// The targets are meant to be built as scripts/fuzz.sh builds them:
//   swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library
// libFuzzer supplies `main`, so a build without the fuzzer sanitizer has none.
import PackageDescription

let package = Package(
    name: "kostra-fuzz",
    dependencies: [
        .package(name: "kostra", path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzFrames",
            dependencies: [
                "FuzzSupport",
                .product(name: "KostraCodec", package: "kostra"),
                .product(name: "KostraProtocol", package: "kostra"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "FuzzMessages",
            dependencies: [
                "FuzzSupport",
                .product(name: "KostraCodec", package: "kostra"),
            ]
        ),
        .executableTarget(
            name: "FuzzDataFile",
            dependencies: [
                "FuzzSupport",
                .product(name: "KostraData", package: "kostra"),
            ]
        ),
        .executableTarget(
            name: "FuzzStore",
            dependencies: [
                "FuzzSupport",
                .product(name: "KostraData", package: "kostra"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
