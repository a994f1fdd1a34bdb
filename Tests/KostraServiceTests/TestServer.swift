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
    return try await withRunningGroup(group, listening: [(addresses, continuation)]) { ports in
        try await body(ports[0])
    }
}

/// Runs `group` for the length of `body`, which gets the port each of `listening`'s streams
/// reports (a service's `onListening` yields into it); then shuts the group down gracefully and
/// waits for it. A service that fails to start never reports: its stream is ended when the group
/// stops, and the group's error is thrown.
func withRunningGroup<Result: Sendable>(
    _ group: ServiceGroup,
    listening: [(stream: AsyncStream<SocketAddress>, continuation: AsyncStream<SocketAddress>.Continuation)],
    _ body: (_ ports: [Int]) async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer {
                for (_, continuation) in listening { continuation.finish() }
            }
            try await group.run()
        }
        var ports: [Int] = []
        for (stream, _) in listening {
            var iterator = stream.makeAsyncIterator()
            guard let port = await iterator.next()?.port else {
                try await tasks.waitForAll()
                throw ServerError(message: "test server did not start")
            }
            ports.append(port)
        }
        let result: Result
        do {
            result = try await body(ports)
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
