import ArgumentParser
import KostraProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kostra-client bench`: a load generator, closed or open loop, with latency
/// percentiles from an HdrHistogram.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load-test a kostra server and report throughput and latency percentiles.",
        discussion: """
            Closed loop (the default): each of --connections keeps --depth requests in
            flight; an answer sends the next. Open loop (--rate R): R requests a second in
            all, each sent when it is due whatever is in flight, and its latency counted
            from when it was due, so a stall shows as latency, not as fewer requests (no
            coordinated omission). The connections' schedules are staggered so that the
            requests of all of them are evenly spaced. At high rates give it --threads 2:
            one thread's own timers and reads otherwise show in the tail (BENCHMARKS.md).

            --method takes one name or a weighted mix, e.g. profile:3,series:1. Names:
              \(BenchWorkload.names.prefix(7).joined(separator: ", ")),
              \(BenchWorkload.names.dropFirst(7).joined(separator: ", "))

            --random draws each request's region, indicator and years from the server's
            own lists (ListRegions, ListIndicators, Check), --distinct of them (100 000 by
            default) with --seed, so that the answer cache seldom helps.

            Latency is recorded in microseconds in an HdrHistogram (3 significant digits).
            The load generator runs on --threads event loops (1 by default, like
            redis-benchmark, so that on a small machine it leaves the cores to the server).
            It speaks plain TCP without a token: run it against a server whose reads are
            open.

            Exits 0 when every request was answered OK, 1 when any failed or went
            unanswered, 69 when the server cannot be reached.

            Examples:
              kostra-client bench --connections 64 --duration 10
              kostra-client bench --connections 64 --depth 16 --method profile \\
                  --format json
              kostra-client bench --connections 8 --rate 20000 --duration 30 \\
                  --method profile:3,series:1
              kostra-client bench --requests 100000 --connections 4 --depth 8
              kostra-client bench --random --seed 7 --method series --connections 64
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    @Option(help: "Connections to open.")
    var connections: Int = 16

    @Option(help: "Closed loop: requests in flight on each connection.")
    var depth: Int = 1

    @Option(help: "Open loop: requests per second over all connections.")
    var rate: Double?

    @Option(help: "The method to call, or a mix such as profile:3,series:1.")
    var method: String = "profile"

    @Option(help: "Seconds to measure, after the warm-up (default 10 unless --requests is given).")
    var duration: Double?

    @Option(help: "Send this many requests in all, then stop (no warm-up).")
    var requests: Int?

    @Option(help: "Seconds of load before measuring starts.")
    var warmup: Double = 1

    @Option(help: "Event-loop threads of the load generator.")
    var threads: Int = 1

    @Option(help: "The region the requests ask about.")
    var region: String = "Bærum"

    @Option(help: "The year the requests ask about.")
    var year: Int = 2024

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Flag(
        help: """
            Draw each request's region, indicator and years at random from the server's own \
            lists (ListRegions, ListIndicators, Check's years), so that repeats are rare.
            """
    )
    var random = false

    @Option(help: "With --random: the seed, so that a run can be repeated request for request.")
    var seed: UInt64 = 1

    @Option(help: "With --random: how many distinct requests to draw; the connections go round them.")
    var distinct: Int = 100_000

    func validate() throws {
        guard (1...100_000).contains(self.connections) else {
            throw ValidationError("--connections must be between 1 and 100000, not \(self.connections)")
        }
        guard (1...65_536).contains(self.depth) else {
            throw ValidationError("--depth must be between 1 and 65536, not \(self.depth)")
        }
        if let rate, !(rate > 0 && rate <= 10_000_000) {
            throw ValidationError("--rate must be a number of requests per second above 0 (at most 10000000), not \(rate)")
        }
        if self.duration != nil, self.requests != nil {
            throw ValidationError("give --duration or --requests, not both")
        }
        if let duration, !(duration > 0 && duration <= 86_400) {
            throw ValidationError("--duration must be a number of seconds above 0 (at most 86400), not \(duration)")
        }
        if let requests, requests < 1 {
            throw ValidationError("--requests must be at least 1, not \(requests)")
        }
        guard self.warmup >= 0, self.warmup <= 3_600 else {
            throw ValidationError("--warmup must be between 0 and 3600 seconds, not \(self.warmup)")
        }
        guard (1...10_000_000).contains(self.distinct) else {
            throw ValidationError("--distinct must be between 1 and 10000000, not \(self.distinct)")
        }
        guard (1...256).contains(self.threads) else {
            throw ValidationError("--threads must be between 1 and 256, not \(self.threads)")
        }
        do {
            _ = try BenchWorkload.mix(self.method, region: self.region, year: Int32(clamping: self.year))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        try await Failure.reporting(self.output.lang) {
            let environment = ProcessEnvironment.current
            var rotation = try BenchWorkload.mix(self.method, region: self.region, year: Int32(clamping: self.year))
            if self.random {
                let catalogue = try await RandomWorkload.catalogue(self.connection)
                rotation = RandomWorkload.rotation(mix: rotation.map(\.name), catalogue: catalogue, count: self.distinct, seed: self.seed)
            }
            let generator = LoadGenerator(
                host: self.connection.resolvedHost(environment: environment),
                port: try self.connection.resolvedPort(environment: environment),
                connections: self.connections,
                pacing: self.rate.map { rate in
                    .open(interval: .nanoseconds(Int64((1e9 * Double(self.connections) / rate).rounded())))
                } ?? .closed(depth: self.depth),
                length: self.requests.map { .requests($0) } ?? .duration(.milliseconds(Int64((self.duration ?? 10) * 1000))),
                warmup: .milliseconds(Int64(self.warmup * 1000)),
                threads: self.threads,
                rotation: rotation
            )
            let progress = ProgressLine(enabled: !self.quiet, style: self.output.style)
            let result = try await generator.run { progress.show($0) }
            progress.end()
            switch self.output.format {
            case .json:
                self.output.write(result.json.serialized())
            case .csv:
                self.output.write(Self.csv(result))
            default:
                self.output.write(result.table(style: self.output.style))
            }
            if result.errors > 0 {
                throw ExitCode(1)
            }
        }
    }

    /// One header line and one row, for spreadsheets collecting runs.
    static func csv(_ result: BenchResult) -> String {
        guard case .object(let members) = result.json else { return "" }
        let scalar = members.filter { if case .object = $0.1 { false } else if case .array = $0.1 { false } else { true } }
        var writer = CSVWriter(header: scalar.map(\.0))
        writer.append(scalar.map { $0.1.serialized() })
        return writer.text
    }
}
