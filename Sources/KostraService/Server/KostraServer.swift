public import Logging
public import NIOCore
public import NIOPosix
public import ServiceLifecycle
import KostraProtocol

/// The kostra TCP server: accepts connections, reads frames, and answers each
/// request through a ``Router``.
///
/// Run it in a `ServiceGroup` (or call ``run()`` directly): on graceful
/// shutdown it stops accepting, stops reading new requests, answers every
/// request it has read, and returns.
public final class KostraServer: Service, Sendable {
    private let configuration: ServerConfiguration
    private let router: Router
    private let health: HealthState
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable (SocketAddress) -> Void

    /// A server answering with `router`.
    ///
    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - router: the methods served.
    ///   - health: the serving state; set NOT_SERVING while draining.
    ///   - logger: where the server logs (nothing per request at info level).
    ///   - eventLoopGroup: the loops to run on; NIO's singleton by default.
    ///   - onListening: called once with the bound address (useful with port 0).
    public init(
        configuration: ServerConfiguration,
        router: Router,
        health: HealthState = HealthState(),
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.router = router
        self.health = health
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onListening = onListening
    }

    /// Binds, serves until graceful shutdown or cancellation, then drains.
    public func run() async throws {
        let maximumFrameSize = self.configuration.maximumFrameSize
        let serverChannel = try await ServerBootstrap(group: self.eventLoopGroup)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: self.configuration.host, port: self.configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maximumPayloadSize: maximumFrameSize))
                    )
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                }
            }

        guard let address = serverChannel.channel.localAddress else {
            throw ServerError(message: "bound \(self.configuration.host):\(self.configuration.port) but have no local address")
        }
        self.logger.info("kostra-server listening", metadata: ["address": "\(address)"])
        self.health.setServing(true)
        self.onListening(address)

        let connection = ConnectionServer(
            router: self.router,
            configuration: self.configuration,
            logger: self.logger
        )
        try await withGracefulShutdownHandler {
            try await serverChannel.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await child in inbound {
                        group.addTask {
                            await connection.serve(child)
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            self.logger.info("kostra-server draining: no new connections, answering requests in flight")
            self.health.setServing(false)
            serverChannel.channel.close(promise: nil)
        }
        self.logger.info("kostra-server stopped")
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
