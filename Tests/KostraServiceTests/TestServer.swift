import KostraClient
import KostraData
import KostraProtocol
import KostraService
import Logging
import NIOCore
import ServiceLifecycle

/// Runs a real server on 127.0.0.1 with port 0 for the length of `body`,
/// then shuts it down gracefully and waits for it to finish.
func withTestServer<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
    extraMethods: @Sendable (inout Router) -> Void = { _ in },
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    let health = HealthState()
    var router = KostraService.router(dataset: try Dataset.builtIn(), health: health)
    extraMethods(&router)
    return try await withTestServer(configuration: configuration, router: router, health: health, body)
}

/// Runs a real server with a router of the test's own making.
func withTestServer<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
    router: Router,
    health: HealthState,
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    try await withTestServer(configuration: configuration, routers: RouterHolder(router), health: health, body)
}

/// Runs a real server whose router can be replaced while it runs (a reload).
func withTestServer<Result: Sendable>(
    configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
    routers: RouterHolder,
    health: HealthState,
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.port = 0
    let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })
    let (addresses, continuation) = AsyncStream.makeStream(of: SocketAddress.self)
    let server = KostraServer(
        configuration: configuration,
        routers: routers,
        health: health,
        logger: logger,
        onListening: { address in
            continuation.yield(address)
            continuation.finish()
        }
    )
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            // A server that fails to start never calls onListening: end the
            // stream so the wait below ends, and let its error surface.
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = addresses.makeAsyncIterator()
        guard let port = await iterator.next()?.port else {
            try await tasks.waitForAll()
            throw ServerError(message: "test server did not start")
        }
        let result: Result
        do {
            result = try await body(port)
        } catch {
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return result
    }
}

/// Connects a client to the test server.
func withClient<Result: Sendable>(
    port: Int,
    _ body: (KostraConnection) async throws -> Result
) async throws -> Result {
    try await KostraClient.withConnection(host: "127.0.0.1", port: port, body)
}
