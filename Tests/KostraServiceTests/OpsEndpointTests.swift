import KostraClient
import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import Testing

/// /healthz and /readyz for load balancers, across the server's life:
/// loading its data, serving, draining.
@Suite("Live server: health endpoints")
struct OpsEndpointTests {
    @Test("while the data loads /readyz is 503 'starting' and /healthz 200; once listening /readyz is 200 and Check SERVING")
    func startingThenServing() async throws {
        let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let registry = PrometheusCollectorRegistry()
        let health = HealthState()
        let gate = Gate()
        let (opsAddresses, opsContinuation) = AsyncStream.makeStream(of: SocketAddress.self)
        let (serverAddresses, serverContinuation) = AsyncStream.makeStream(of: SocketAddress.self)
        let ops = OpsServer(
            host: "127.0.0.1",
            port: 0,
            health: health,
            metricsText: { registry.emitToBuffer() },
            logger: logger,
            onListening: { opsContinuation.yield($0); opsContinuation.finish() }
        )
        let server = DataLoadingServer(
            configuration: ServerConfiguration(port: 0),
            health: health,
            metrics: ServerMetrics(factory: PrometheusMetricsFactory(registry: registry)),
            logger: logger,
            onListening: { serverContinuation.yield($0); serverContinuation.finish() },
            load: {
                await gate.wait()
                return try Dataset.builtIn()
            }
        )
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [ops, server], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer {
                    opsContinuation.finish()
                    serverContinuation.finish()
                }
                try await group.run()
            }
            var opsIterator = opsAddresses.makeAsyncIterator()
            let opsPort = try #require(await opsIterator.next()?.port)

            let loading = try await httpRequest(port: opsPort, path: "/readyz")
            #expect(loading.status == 503)
            #expect(loading.body == "starting\n")
            #expect(try await httpRequest(port: opsPort, path: "/healthz").status == 200)
            #expect(health.currentPhase == .starting)
            #expect(try await scrapeSamples(port: opsPort).keys.contains { $0.hasPrefix("kostra_data_info") } == false)

            gate.open()
            var serverIterator = serverAddresses.makeAsyncIterator()
            let port = try #require(await serverIterator.next()?.port)
            let ready = try await httpRequest(port: opsPort, path: "/readyz")
            #expect(ready.status == 200)
            #expect(ready.body == "serving\n")
            let answer = try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.check, .init())
            }
            #expect(answer.status == .serving)
            #expect(try await scrapeSamples(port: opsPort)["kostra_data_info{version=\"built-in\"}"] == 1)

            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("while draining /readyz is 503 'draining', /healthz stays 200, Check says NOT_SERVING, new connections are refused")
    func draining() async throws {
        let gate = Gate()
        let (started, startedContinuation) = AsyncStream.makeStream(of: UInt64.self)
        try await withOpsTestServer(
            extraMethods: { $0.register(path: GateHandler.path, handler: GateHandler(gate: gate, started: startedContinuation)) }
        ) { ports, _, group, health in
            #expect(try await httpRequest(port: ports.ops, path: "/readyz").status == 200)
            try await RawConnection.with(port: ports.server) { inbound, outbound in
                var inbound = inbound
                try await outbound.write(requestFrame(id: 1, method: GateHandler.path))
                var startedIterator = started.makeAsyncIterator()
                #expect(await startedIterator.next() == 1)

                await group.triggerGracefulShutdown()
                // The drain begins on the server's own task; wait for it to
                // say so (bounded), then check what everyone else sees.
                for _ in 0..<2000 where health.currentPhase != .draining {
                    try await Task.sleep(for: .milliseconds(5))
                }
                #expect(health.currentPhase == .draining)
                let readyz = try await httpRequest(port: ports.ops, path: "/readyz")
                #expect(readyz.status == 503)
                #expect(readyz.body == "draining\n")
                #expect(try await httpRequest(port: ports.ops, path: "/healthz").status == 200)

                // On the open connection the health check is still answered: NOT_SERVING.
                try await outbound.write(
                    requestFrame(id: 2, method: KostraMethods.check.path, payload: KostraV1.HealthCheckRequest().encoded())
                )
                let check = try #require(try await inbound.nextResponse())
                #expect(check.id == 2)
                #expect(check.status?.code == .unavailable || (try? KostraV1.HealthCheckResponse(decoding: check.payload).status) == .notServing)

                // A new connection is refused UNAVAILABLE on id 0.
                try await RawConnection.with(port: ports.server) { refusedInbound, _ in
                    var refusedInbound = refusedInbound
                    let refusal = try #require(try await refusedInbound.nextResponse())
                    #expect(refusal.id == 0)
                    #expect(refusal.status?.code == .unavailable)
                }
                let samples = try await scrapeSamples(port: ports.ops)
                #expect(samples["kostra_connections_refused_total{reason=\"draining\"}"] == 1)

                gate.open()
                let answer = try #require(try await inbound.nextResponse())
                #expect(answer.id == 1)
                #expect(answer.status?.code == .ok)
            }
        }
    }

    @Test("HTTP edges: 404 for other paths, 405 for POST, HEAD without a body, query strings ignored")
    func httpEdges() async throws {
        try await withOpsTestServer { ports, _, _, _ in
            #expect(try await httpRequest(port: ports.ops, path: "/nope").status == 404)
            #expect(try await httpRequest(port: ports.ops, path: "/readyz", method: "POST").status == 405)
            let head = try await httpRequest(port: ports.ops, path: "/healthz", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(try await httpRequest(port: ports.ops, path: "/readyz?verbose=1").status == 200)
            let metrics = try await httpRequest(port: ports.ops, path: "/metrics")
            #expect(metrics.body.contains("# TYPE kostra_requests_total counter"))
        }
    }
}
