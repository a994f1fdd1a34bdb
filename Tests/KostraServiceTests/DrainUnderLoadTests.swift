import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Logging
import NIOCore
import ServiceLifecycle
import Testing

/// Graceful shutdown with thousands of requests in flight over many
/// connections: every request read is answered, a connection opened during
/// the drain is refused UNAVAILABLE, and `run()` returns.
@Suite("Live server: drain under load")
struct DrainUnderLoadTests {
    static let connections = 16
    static let requestsPerConnection = 128  // 16 × 128 = 2 048 in flight at once

    @Test("2 048 requests in flight on 16 connections are all answered; a new connection gets UNAVAILABLE")
    func drainUnderLoad() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: UInt64.self)
        let server = try DrainingServer(configuration: ServerConfiguration(port: 0), started: startedContinuation)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.group.run() }
            let port = try await server.port()

            let answered = try await withThrowingTaskGroup(of: [UInt64].self) { clients in
                for connection in 0..<Self.connections {
                    clients.addTask {
                        try await RawConnection.with(port: port) { inbound, outbound in
                            var inbound = inbound
                            let ids = (1...Self.requestsPerConnection).map { UInt64(connection * 1_000 + $0) }
                            var frames = ByteBuffer()
                            for id in ids {
                                frames.writeImmutableBuffer(
                                    requestFrame(id: id, method: SleepHandler.path, payload: SleepHandler.payload(milliseconds: 500))
                                )
                            }
                            try await outbound.write(frames)
                            var answeredIDs: [UInt64] = []
                            while let answer = try await inbound.nextResponse() {
                                #expect(answer.status?.code == .ok, "request \(answer.id): \(answer.status?.message ?? "")")
                                #expect(answer.payload == SleepHandler.payload(milliseconds: 500))
                                answeredIDs.append(answer.id)
                            }
                            // The stream ended: the server closed after its answers.
                            return answeredIDs
                        }
                    }
                }

                // Every request has reached its handler: all 2 048 are in flight.
                var count = 0
                for await _ in started {
                    count += 1
                    if count == Self.connections * Self.requestsPerConnection { break }
                }
                await server.group.triggerGracefulShutdown()
                // The shutdown reaches the server asynchronously; NOT_SERVING
                // says its drain has begun (a connection accepted before that
                // is drained, not refused).
                while server.health.isServing {
                    try await Task.sleep(for: .milliseconds(1))
                }

                // The listener still accepts during the drain, to say no.
                try await RawConnection.with(port: port) { inbound, _ in
                    var inbound = inbound
                    let refusal = try #require(try await inbound.nextResponse())
                    #expect(refusal.id == 0)
                    #expect(refusal.status?.code == .unavailable)
                    #expect(refusal.status?.message.contains("shutting down") == true)
                    #expect(try await inbound.next() == nil)
                }

                var all: [UInt64] = []
                for try await ids in clients { all += ids }
                return all
            }
            #expect(answered.count == Self.connections * Self.requestsPerConnection)
            #expect(Set(answered).count == answered.count)
            #expect(!server.health.isServing)
            try await tasks.waitForAll()  // run() returned
        }
    }

    @Test("a handler that outlives --drain-timeout is abandoned and run() still returns")
    func drainTimeout() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: UInt64.self)
        let server = try DrainingServer(
            configuration: ServerConfiguration(port: 0, drainTimeout: .milliseconds(200)),
            started: startedContinuation
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.group.run() }
            let port = try await server.port()
            try await RawConnection.with(port: port) { inbound, outbound in
                var inbound = inbound
                // 60 s: far beyond the 200 ms drain timeout.
                try await outbound.write(
                    requestFrame(id: 7, method: SleepHandler.path, payload: SleepHandler.payload(milliseconds: 60_000))
                )
                var startedIterator = started.makeAsyncIterator()
                #expect(await startedIterator.next() == 7)
                await server.group.triggerGracefulShutdown()
                // The connection is closed with the request unanswered.
                #expect(try await inbound.next() == nil)
            }
            try await tasks.waitForAll()
        }
    }
}

/// A server with the sleep method whose group the test drives by hand.
private struct DrainingServer {
    let group: ServiceGroup
    let health: HealthState
    let addresses: AsyncStream<SocketAddress>

    init(configuration: ServerConfiguration, started: AsyncStream<UInt64>.Continuation) throws {
        let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let health = HealthState()
        var router = KostraService.router(dataset: try Dataset.builtIn(), health: health)
        router.register(path: SleepHandler.path, handler: SleepHandler(started: started))
        let (addresses, continuation) = AsyncStream.makeStream(of: SocketAddress.self)
        let server = KostraServer(
            configuration: configuration,
            router: router,
            health: health,
            logger: logger,
            onListening: { continuation.yield($0); continuation.finish() }
        )
        self.group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: logger))
        self.health = health
        self.addresses = addresses
    }

    func port() async throws -> Int {
        var iterator = self.addresses.makeAsyncIterator()
        return try #require(await iterator.next()?.port)
    }
}
