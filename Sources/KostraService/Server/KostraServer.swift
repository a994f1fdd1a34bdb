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
    public func run() async throws {
        let configuration = self.configuration
        let routers = self.routers
        let metrics = self.metrics
        let logger = self.logger
        let sslContext = try configuration.tls.map(Self.sslContext)
        let serverChannel = try await ServerBootstrap(group: self.eventLoopGroup)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let inFlight = InFlightCounter()
                    if let metrics {
                        try channel.pipeline.syncOperations.addHandler(ByteCountingHandler(metrics: metrics))
                    }
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(FrameDecoder(maximumPayloadSize: configuration.maximumFrameSize)),
                        ConnectionTimeoutHandler(
                            idleTimeout: TimeAmount(configuration.idleTimeout),
                            frameTimeout: TimeAmount(configuration.frameTimeout),
                            writeStallTimeout: TimeAmount(configuration.writeStallTimeout),
                            inFlight: inFlight,
                            metrics: metrics
                        ),
                        RequestHandler(
                            routers: routers,
                            inFlight: inFlight,
                            configuration: configuration,
                            metrics: metrics,
                            logger: logger
                        )
                    )
                    let asyncChannel = try NIOAsyncChannel<InboundRequest, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                    return ConnectionChannel(channel: asyncChannel, inFlight: inFlight)
                }
            }

        guard let address = serverChannel.channel.localAddress else {
            throw ServerError(message: "bound \(self.configuration.host):\(self.configuration.port) but have no local address")
        }
        self.logger.info(
            "kostra-server listening",
            metadata: ["address": "\(address)", "tls": "\(configuration.tls != nil)"]
        )
        self.health.setServing(true)
        self.onListening(address)

        let connection = ConnectionServer(
            routers: self.routers,
            configuration: self.configuration,
            logger: self.logger,
            metrics: self.metrics
        )
        let connections = ConnectionCounter()
        try await serverChannel.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    await self.drainOnShutdown(listener: serverChannel.channel, connections: connections)
                }
                for try await child in inbound {
                    switch connections.open(limit: configuration.maximumConnections) {
                    case .accepted:
                        metrics?.openConnections.increment()
                        group.addTask {
                            defer {
                                connections.close()
                                metrics?.openConnections.decrement()
                            }
                            await connection.serve(child.channel, inFlight: child.inFlight)
                        }
                    case .overLimit:
                        metrics?.connectionRefused(.connectionLimit)
                        group.addTask {
                            await ConnectionServer.refuse(
                                child.channel,
                                RPCError(
                                    .resourceExhausted,
                                    "the server has its limit of \(configuration.maximumConnections) connections open; try again later"
                                )
                            )
                        }
                    case .draining:
                        metrics?.connectionRefused(.draining)
                        group.addTask {
                            await ConnectionServer.refuse(
                                child.channel,
                                RPCError(.unavailable, "server is shutting down; connect to another replica")
                            )
                        }
                    }
                }
            }
        }
        self.logger.info("kostra-server stopped")
    }

    /// Waits for graceful shutdown (or cancellation), reports NOT_SERVING
    /// for ``ServerConfiguration/shutdownDelay`` while still serving, then
    /// drains: new
    /// connections are refused UNAVAILABLE while the open ones answer what
    /// they have read; when the last has closed, or
    /// ``ServerConfiguration/drainTimeout`` has passed, the listener closes
    /// and ``run()`` returns once every connection task has ended.
    private func drainOnShutdown(listener: any Channel, connections: ConnectionCounter) async {
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled: the server is going down without a drain.
            listener.close(promise: nil)
            return
        }
        self.health.setServing(false)
        let delay = self.configuration.shutdownDelay
        if delay > .zero {
            self.logger.info(
                "kostra-server shutting down: NOT_SERVING for the shutdown delay, still serving, then draining",
                metadata: ["shutdown_delay_ms": "\(AnswerAccounting.milliseconds(delay))"]
            )
            try? await Task.sleep(for: delay)
        }
        self.logger.info(
            "kostra-server draining: refusing new connections, answering requests in flight",
            metadata: ["connections": "\(connections.count)"]
        )
        connections.beginDrain()
        let deadline = ContinuousClock.now.advanced(by: self.configuration.drainTimeout)
        while connections.count > 0, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(10))
            } catch {
                break  // cancelled: stop waiting
            }
        }
        listener.close(promise: nil)
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
