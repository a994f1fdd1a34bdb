public import KostraData
public import Logging
public import NIOCore
public import ServiceLifecycle

/// Loads its data, then serves it with a ``KostraServer``: the health method
/// and `/readyz` say NOT_SERVING from the start until the data is loaded and
/// the listener is up, so that a balancer sends nothing to a replica still
/// loading.
public final class DataLoadingServer: Service, Sendable {
    private let configuration: ServerConfiguration
    private let authentication: Authentication
    private let health: HealthState
    private let metrics: ServerMetrics?
    private let logger: Logger
    private let load: @Sendable () async throws -> Dataset
    private let reload: (@Sendable () throws -> Dataset)?
    private let onListening: @Sendable (SocketAddress) -> Void
    private let alongside: [@Sendable (RouterHolder) -> any Service]

    /// A server that serves what `load` returns.
    ///
    /// - Parameters:
    ///   - health: the state reported while loading, serving and draining;
    ///     share it with an ``OpsServer``.
    ///   - metrics: where to count; it is told the data version once loaded
    ///     and after each reload.
    ///   - load: the data to serve first.
    ///   - reload: reads the newest data for the `Reload` method; nil (the
    ///     default): the data is fixed and `Reload` answers FAILED_PRECONDITION.
    ///   - alongside: services made, once the data is loaded, over the same
    ///     routers (another port serving the same methods, such as gRPC), run
    ///     beside the native server with the same graceful shutdown, so that
    ///     both drain at once; if one fails, the other is cancelled.
    public init(
        configuration: ServerConfiguration,
        authentication: Authentication = .none,
        health: HealthState,
        metrics: ServerMetrics? = nil,
        logger: Logger,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in },
        load: @escaping @Sendable () async throws -> Dataset,
        reload: (@Sendable () throws -> Dataset)? = nil,
        alongside: [@Sendable (RouterHolder) -> any Service] = []
    ) {
        self.alongside = alongside
        self.configuration = configuration
        self.authentication = authentication
        self.health = health
        self.metrics = metrics
        self.logger = logger
        self.onListening = onListening
        self.load = load
        self.reload = reload
    }

    /// Loads, then serves until graceful shutdown; a failed load is thrown.
    public func run() async throws {
        self.health.setPhase(.starting)
        let started = ContinuousClock.now
        let dataset: Dataset
        do {
            dataset = try await self.load()
        } catch {
            throw ServerError(message: "cannot load the data: \(error)")
        }
        self.logger.info(
            "data loaded",
            metadata: [
                "data_version": "\(dataset.name)",
                "duration_ms": "\((ContinuousClock.now - started).millisecondsText)",
            ]
        )
        self.metrics?.dataLoaded(version: dataset.name)
        let reloader = DataReloader(
            dataset: dataset,
            health: self.health,
            authentication: self.authentication,
            metrics: self.metrics,
            load: self.reload
        )
        let server = KostraServer(
            configuration: self.configuration,
            routers: reloader.routers,
            health: self.health,
            logger: self.logger,
            onListening: self.onListening,
            metrics: self.metrics
        )
        // The routers' Reload holds the reloader weakly: it must live as long as the server.
        defer { withExtendedLifetime(reloader) {} }
        let companions = self.alongside.map { $0(reloader.routers) }
        guard !companions.isEmpty else {
            try await server.run()
            return
        }
        // Child tasks inherit the group's graceful shutdown, so each service
        // sees SIGTERM at the same moment.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            for companion in companions {
                group.addTask { try await companion.run() }
            }
            // next(), not waitForAll(): the first failure (a port that cannot
            // be bound) must stop the others at once, not after they drain.
            do {
                while try await group.next() != nil {}
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}
