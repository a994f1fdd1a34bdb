import KostraClient
import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Logging
import NIOCore
import ServiceLifecycle
import Testing

@Suite("Live server: graceful shutdown")
struct GracefulShutdownTests {
    @Test("shutdown answers what was read, then closes the listener, and run() returns")
    func drain() async throws {
        let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let health = HealthState()
        var router = KostraService.router(dataset: try Dataset.builtIn(), health: health)
        let (started, startedContinuation) = AsyncStream.makeStream(of: UInt64.self)
        router.register(path: SleepHandler.path, handler: SleepHandler(started: startedContinuation))
        let (addresses, continuation) = AsyncStream.makeStream(of: SocketAddress.self)
        let server = KostraServer(
            configuration: ServerConfiguration(port: 0),
            router: router,
            health: health,
            logger: logger,
            onListening: { continuation.yield($0); continuation.finish() }
        )
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: logger))

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = addresses.makeAsyncIterator()
            let port = try #require(await iterator.next()?.port)
            #expect(health.isServing)

            try await RawConnection.with(port: port) { inbound, outbound in
                var inbound = inbound
                try await outbound.write(
                    requestFrame(id: 42, method: SleepHandler.path, payload: SleepHandler.payload(milliseconds: 400))
                )
                // Once the server has read the request and its handler runs,
                // ask the server to stop while the request sleeps.
                var startedIterator = started.makeAsyncIterator()
                #expect(await startedIterator.next() == 42)
                await group.triggerGracefulShutdown()

                let answer = try #require(try await inbound.nextResponse())
                #expect(answer.id == 42)
                #expect(answer.status?.code == .ok)
                #expect(answer.payload == SleepHandler.payload(milliseconds: 400))
                // Then the server closes the connection.
                #expect(try await inbound.next() == nil)
            }
            #expect(!health.isServing)
            try await tasks.waitForAll()

            // The listener is gone: a new connection is refused.
            await #expect(throws: RPCError.self) {
                try await withClient(port: port) { connection in
                    _ = try await connection.call(KostraMethods.check, .init())
                }
            }
        }
    }
}
