import KostraData
import KostraService
import Logging
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle

/// The ports of a server run with metrics and its HTTP endpoint.
struct OpsTestPorts: Sendable {
    /// The kostra protocol port.
    let server: Int
    /// The metrics, /healthz and /readyz port.
    let ops: Int
}

/// Runs a real server with metrics into a registry of the test's own and
/// the HTTP endpoint beside it, both on port 0 in one ServiceGroup as
/// kostra-server runs them; shuts them down gracefully after `body` (which
/// may have done so already through the group).
func withOpsTestServer<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
    extraMethods: @Sendable (inout Router) -> Void = { _ in },
    _ body: @Sendable (_ ports: OpsTestPorts, _ registry: PrometheusCollectorRegistry, _ group: ServiceGroup, _ health: HealthState)
        async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.port = 0
    let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })
    let registry = PrometheusCollectorRegistry()
    let metrics = ServerMetrics(factory: PrometheusMetricsFactory(registry: registry))
    let dataset = try Dataset.builtIn()
    metrics.dataLoaded(version: dataset.name)
    let health = HealthState()
    var router = KostraService.router(dataset: dataset, health: health)
    extraMethods(&router)
    let (serverAddresses, serverContinuation) = AsyncStream.makeStream(of: SocketAddress.self)
    let (opsAddresses, opsContinuation) = AsyncStream.makeStream(of: SocketAddress.self)
    let ops = OpsServer(
        host: "127.0.0.1",
        port: 0,
        health: health,
        metricsText: { registry.emitToBuffer() },
        logger: logger,
        onListening: { opsContinuation.yield($0); opsContinuation.finish() }
    )
    let server = KostraServer(
        configuration: configuration,
        router: router,
        health: health,
        logger: logger,
        onListening: { serverContinuation.yield($0); serverContinuation.finish() },
        metrics: metrics
    )
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [ops, server], logger: logger))
    return try await withRunningGroup(group, listening: [(serverAddresses, serverContinuation), (opsAddresses, opsContinuation)]) { ports in
        try await body(OpsTestPorts(server: ports[0], ops: ports[1]), registry, group, health)
    }
}

/// An HTTP answer: status code, body.
struct HTTPAnswer: Sendable {
    var status: Int
    var body: String
}

/// One HTTP/1.1 request to 127.0.0.1:`port`, read until the server closes.
func httpRequest(port: Int, path: String, method: String = "GET") async throws -> HTTPAnswer {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let text = try await channel.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(string: "\(method) \(path) HTTP/1.1\r\nHost: kostra-test\r\n\r\n"))
        var all = ByteBuffer()
        for try await var chunk in inbound {
            all.writeBuffer(&chunk)
        }
        return String(buffer: all)
    }
    guard let statusLine = text.split(separator: "\r\n", maxSplits: 1).first,
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }),
        let bodyStart = text.range(of: "\r\n\r\n")
    else {
        throw ServerError(message: "not an HTTP answer: \(text)")
    }
    return HTTPAnswer(status: status, body: String(text[bodyStart.upperBound...]))
}

/// The samples of a Prometheus text scrape, by series as written
/// (`name{label="value",...}`).
func scrapeSamples(port: Int) async throws -> [String: Double] {
    let answer = try await httpRequest(port: port, path: "/metrics")
    guard answer.status == 200 else {
        throw ServerError(message: "/metrics answered \(answer.status)")
    }
    var samples: [String: Double] = [:]
    for line in answer.body.split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
        samples[String(line[..<space])] = value
    }
    return samples
}
