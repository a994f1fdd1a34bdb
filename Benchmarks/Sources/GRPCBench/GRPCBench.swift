import ArgumentParser
import GRPCCore
import GRPCNIOTransportHTTP2
import KostraCodec
import GRPCPeerKit
import NIOPosix

/// A closed-loop gRPC load generator, the twin of `kostra-client bench` for
/// the grpc-swift-2 peer: `--connections` gRPC clients, each over its own
/// HTTP/2 connection, each keeping `--depth` unary `GetProfile` calls in
/// flight; an answer sends the next.
///
/// Latency is recorded in microseconds in an HdrHistogram (3 significant
/// digits), from just before a call to its answer. Like `kostra-client
/// bench` it measures `--duration` seconds after `--warmup` seconds, and
/// takes the answer's bytes without decoding the profile in them (kostra's
/// load generator decodes the envelope, not the payload); `--decode`
/// decodes each answer with protobuf-c.
@main
struct GRPCBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "GRPCBench",
        abstract: "Load-test the gRPC peer's GetProfile in a closed loop and report throughput and latency.",
        discussion: """
            Exits 0 when every call was answered OK and 1 when any failed, as kostra-client bench.
            The connections' I/O runs on --threads event loops (1 by default, as kostra-client
            bench); the calls themselves are Swift tasks on the cooperative pool, which is how
            grpc-swift-2's client works.
            """
    )

    @Option(help: "The server's address.")
    var host = "127.0.0.1"

    @Option(help: "The server's port.")
    var port: Int

    @Option(help: "Connections (gRPC clients) to open.")
    var connections = 16

    @Option(help: "Calls in flight on each connection.")
    var depth = 1

    @Option(help: "Seconds to measure, after the warm-up.")
    var duration = 10.0

    @Option(help: "Seconds of load before measuring starts.")
    var warmup = 1.0

    @Option(help: "Event-loop threads for the connections.")
    var threads = 1

    @Option(help: "The region the requests ask about.")
    var region = "Bærum"

    @Option(help: "The year the requests ask about.")
    var year = 2024

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Flag(help: "Decode each answer with protobuf-c (by default its bytes are taken as they are).")
    var decode = false

    @Flag(help: "Accepted for kostra-client bench's sake; there is no progress line.")
    var quiet = false

    /// How the result is printed.
    enum OutputFormat: String, ExpressibleByArgument {
        case table, json
    }

    func validate() throws {
        guard (1...100_000).contains(self.connections) else { throw ValidationError("--connections must be 1...100000") }
        guard (1...65_536).contains(self.depth) else { throw ValidationError("--depth must be 1...65536") }
        guard self.duration > 0, self.duration <= 86_400 else { throw ValidationError("--duration must be above 0") }
        guard self.warmup >= 0, self.warmup <= 3_600 else { throw ValidationError("--warmup must be 0...3600") }
        guard (1...256).contains(self.threads) else { throw ValidationError("--threads must be 1...256") }
        guard (1...65_535).contains(self.port) else { throw ValidationError("--port must be 1...65535") }
    }

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        let load = ClosedLoop(
            host: self.host,
            port: self.port,
            connections: self.connections,
            depth: self.depth,
            request: KostraV1.GetProfileRequest(region: self.region, year: Int32(clamping: self.year)),
            decode: self.decode,
            eventLoopGroup: group
        )
        let clock = ContinuousClock()
        let began = clock.now
        let window = Window(
            from: began + .milliseconds(Int64(self.warmup * 1000)),
            to: began + .milliseconds(Int64((self.warmup + self.duration) * 1000))
        )
        let measured = try await load.run(window: window)
        try await group.shutdownGracefully()

        let result = LoadResult(connections: self.connections, depth: self.depth, threads: self.threads, seconds: self.duration, measured: measured)
        print(self.format == .json ? result.json : result.table)
        if result.errors > 0 {
            throw ExitCode(1)
        }
    }
}
