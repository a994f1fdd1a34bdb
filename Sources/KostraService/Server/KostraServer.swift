public import Logging
public import NIOCore
public import NIOPosix
import NIOSSL
public import ServiceLifecycle
import KostraProtocol
import KostraCodec

/// The kostra TCP server: accepts connections, reads frames, and answers each
/// request through a ``Router``.
///
/// Run it in a `ServiceGroup` (or call ``run()`` directly): on graceful
/// shutdown it stops accepting, stops reading new requests, answers every
/// request it has read, and returns.
public final class KostraServer: Service, Sendable {
    private let configuration: ServerConfiguration
    private let routers: RouterHolder
    private let health: HealthState
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable (SocketAddress) -> Void
    private let metrics: ServerMetrics?

    /// A server answering with `router`.
    ///
    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - router: the methods served.
    ///   - health: the serving state; set NOT_SERVING while draining.
    ///   - logger: where the server logs (nothing per request at info level).
    ///   - eventLoopGroup: the loops to run on; NIO's singleton by default.
    ///   - onListening: called once with the bound address (useful with port 0).
    ///   - metrics: where to count requests, connections and bytes; nil
    ///     (the default) counts nothing and costs nothing.
    public convenience init(
        configuration: ServerConfiguration,
        router: Router,
        health: HealthState = HealthState(),
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in },
        metrics: ServerMetrics? = nil
    ) {
        self.init(
            configuration: configuration,
            routers: RouterHolder(router),
            health: health,
            logger: logger,
            eventLoopGroup: eventLoopGroup,
            onListening: onListening,
            metrics: metrics
        )
    }

    /// A server answering with the router `routers` holds at each request, so that a reload
    /// (``DataReloader``) can swap it while the server runs.
    public init(
        configuration: ServerConfiguration,
        routers: RouterHolder,
        health: HealthState = HealthState(),
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in },
        metrics: ServerMetrics? = nil
    ) {
        self.metrics = metrics
        self.configuration = configuration
        self.routers = routers
        self.health = health
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onListening = onListening
    }

    /// Binds, serves until graceful shutdown or cancellation, then drains.
    ///
    /// A connection has no task of its own: its channel's handlers serve it on
    /// its event loop (``ConnectionHandler``), and a task exists only while a
    /// request of an expensive method is answered. This task waits.
    public func run() async throws {
        let configuration = self.configuration
        let routers = self.routers
        let metrics = self.metrics
        let logger = self.logger
        let sslContext = try configuration.tls.map(Self.sslContext)
        let connections = OpenConnections()
        let listener = try await ServerBootstrap(group: self.eventLoopGroup)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.initialize(
                        channel,
                        connections: connections,
                        configuration: configuration,
                        routers: routers,
                        metrics: metrics,
                        logger: logger,
                        sslContext: sslContext
                    )
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()

        guard let address = listener.localAddress else {
            listener.close(promise: nil)
            throw ServerError(message: "bound \(self.configuration.host):\(self.configuration.port) but have no local address")
        }
        self.logger.info(
            "kostra-server listening",
            metadata: ["address": "\(address)", "tls": "\(configuration.tls != nil)"]
        )
        self.health.setServing(true)
        self.onListening(address)

        do {
            try await gracefulShutdown()
            await self.drain(connections)
        } catch {
            // Cancelled: the server is going down without a drain.
            for channel in connections.channels {
                channel.close(promise: nil)
            }
        }
        try? await listener.close()
        self.logger.info("kostra-server stopped")
    }

    /// Sets up an accepted connection's pipeline: served, or refused with
    /// the reason when the server is full or draining.
    private static func initialize(
        _ channel: any Channel,
        connections: OpenConnections,
        configuration: ServerConfiguration,
        routers: RouterHolder,
        metrics: ServerMetrics?,
        logger: Logger,
        sslContext: NIOSSLContext?
    ) throws {
        let pipeline = channel.pipeline.syncOperations
        if let metrics {
            try pipeline.addHandler(ByteCountingHandler(metrics: metrics))
        }
        if let sslContext {
            try pipeline.addHandler(NIOSSLServerHandler(context: sslContext))
        }
        switch connections.open(channel, limit: configuration.maximumConnections) {
        case .accepted:
            metrics?.openConnections.increment()
            channel.closeFuture.whenComplete { _ in
                connections.close(channel)
                metrics?.openConnections.decrement()
            }
        case .overLimit:
            metrics?.connectionRefused(.connectionLimit)
            try pipeline.addHandler(
                ConnectionRefusalHandler(
                    RPCError(
                        .resourceExhausted,
                        "the server has its limit of \(configuration.maximumConnections) connections open; try again later"
                    )
                )
            )
            return
        case .draining:
            metrics?.connectionRefused(.draining)
            try pipeline.addHandler(
                ConnectionRefusalHandler(RPCError(.unavailable, "server is shutting down; connect to another replica"))
            )
            return
        }
        let inFlight = InFlightCounter()
        try pipeline.addHandlers(
            ByteToMessageHandler(FrameDecoder(maximumPayloadSize: configuration.maximumFrameSize)),
            ConnectionTimeoutHandler(
                idleTimeout: TimeAmount(configuration.idleTimeout),
                frameTimeout: TimeAmount(configuration.frameTimeout),
                writeStallTimeout: TimeAmount(configuration.writeStallTimeout),
                inFlight: inFlight,
                metrics: metrics
            ),
            ConnectionHandler(
                routers: routers,
                inFlight: inFlight,
                configuration: configuration,
                metrics: metrics,
                logger: logger
            )
        )
    }

    /// Reports NOT_SERVING for ``ServerConfiguration/shutdownDelay`` while
    /// still serving, then drains: new connections are refused UNAVAILABLE
    /// while the open ones answer what they have read (each closes itself
    /// when done, or after ``ServerConfiguration/drainTimeout``); returns when
    /// the last has closed, or, should one outlive its own drain timeout, closes
    /// what is left shortly after.
    private func drain(_ connections: OpenConnections) async {
        self.health.setServing(false)
        let delay = self.configuration.shutdownDelay
        if delay > .zero {
            self.logger.info(
                "kostra-server shutting down: NOT_SERVING for the shutdown delay, still serving, then draining",
                metadata: ["shutdown_delay_ms": "\(delay.millisecondsText)"]
            )
            try? await Task.sleep(for: delay)
        }
        let open = connections.beginDrain()
        self.logger.info(
            "kostra-server draining: refusing new connections, answering requests in flight",
            metadata: ["connections": "\(open.count)"]
        )
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ServerDraining())
        }
        // Each connection ends itself: when answered (then the linger), or at
        // its drain timeout. A margin past both, then whatever is left is closed.
        let deadline = ContinuousClock.now.advanced(by: self.configuration.drainTimeout + self.configuration.drainLinger + .seconds(1))
        while connections.count > 0, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(10))
            } catch {
                break  // cancelled: stop waiting
            }
        }
        for channel in connections.channels {
            channel.close(promise: nil)
        }
    }
}

extension KostraServer {
    /// The TLS context for `files`, or a ``ServerError`` naming the file that failed.
    static func sslContext(_ files: TLSFiles) throws -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificateChainPath)
        } catch {
            throw ServerError(message: "cannot read the TLS certificate chain \(files.certificateChainPath): \(error)")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.privateKeyPath, format: .pem)
        } catch {
            throw ServerError(message: "cannot read the TLS private key \(files.privateKeyPath): \(error)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerError(message: "cannot set up TLS with \(files.certificateChainPath) and \(files.privateKeyPath): \(error)")
        }
    }
}

/// A failure to start or run the server, as opposed to a failed request.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var message: String

    /// An error saying `message`.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { self.message }
}
