import ArgumentParser
import KostraData
import KostraService
import Logging
import NIOCore
import ServiceLifecycle

@testable import kostra_client

/// A real kostra-server on 127.0.0.1, port 0, with the built-in data, for the
/// length of `body`; then shut down gracefully. The same steps as
/// KostraServiceTests' `withTestServer`, which this target cannot import.
func withLiveServer<Result: Sendable>(_ body: @Sendable (_ port: Int) async throws -> Result) async throws -> Result {
    let health = HealthState()
    let router = KostraService.router(dataset: try Dataset.builtIn(), health: health)
    let logger = Logger(label: "kostra-cli-test", factory: { _ in SwiftLogNoOpLogHandler() })
    let (addresses, continuation) = AsyncStream.makeStream(of: SocketAddress.self)
    let server = KostraServer(
        configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
        router: router,
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

/// Parses `arguments` as an operator would type them, pointed at `port`, and
/// returns what the command would print on stdout.
func answer(_ arguments: [String], port: Int) async throws -> String {
    let command = try KostraClientCommand.parseAsRoot(["--port", String(port)] + arguments)
    guard let answering = command as? any AnsweringCommand else {
        throw ValidationError("\(arguments.first ?? "") does not print one answer")
    }
    return try await answering.answer()
}
