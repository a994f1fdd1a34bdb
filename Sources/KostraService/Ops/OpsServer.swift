public import Logging
public import NIOCore
public import NIOPosix
import NIOHTTP1
public import ServiceLifecycle

/// A small HTTP/1.1 server for the people and machines that run kostra, on
/// a port of its own (`kostra-server --metrics-port`):
///
/// - `GET /metrics`: the metrics, in the text that `metricsText` makes
///   (Prometheus' exposition format in kostra-server);
/// - `GET /healthz`: 200 while the process is alive and its event loops answer;
/// - `GET /readyz`: 200 while the server is serving, 503 while it starts
///   (data loading, listener not yet up) and while it drains, so that a load
///   balancer that does not speak the kostra protocol routes around it.
///
/// It has no authentication: bind it to loopback or a management network
/// (SECURITY.md). Every answer closes its connection. Run it in the same
/// `ServiceGroup` as the server and before it in the list of services, so
/// that it is shut down after the server has drained and `/readyz` says
/// "draining" for the whole drain.
public final class OpsServer: Service, Sendable {
    private let host: String
    private let port: Int
    private let health: HealthState
    private let metricsText: (@Sendable () -> [UInt8])?
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable (SocketAddress) -> Void

    /// An endpoint on `host`:`port` (0 for any free port).
    ///
    /// - Parameters:
    ///   - health: the state `/readyz` reports.
    ///   - metricsText: makes the body of `/metrics`; nil answers 404 there.
    ///   - logger: where it logs that it listens and stops.
    ///   - eventLoopGroup: the loops to run on; NIO's singleton by default.
    ///   - onListening: called once with the bound address.
    public init(
        host: String,
        port: Int,
        health: HealthState,
        metricsText: (@Sendable () -> [UInt8])?,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.health = health
        self.metricsText = metricsText
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onListening = onListening
    }

    /// Binds, answers until graceful shutdown or cancellation, then closes
    /// the listener.
    public func run() async throws {
        let health = self.health
        let metricsText = self.metricsText
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: self.eventLoopGroup)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(OpsHTTPHandler(health: health, metricsText: metricsText))
                    }
                }
                .bind(host: self.host, port: self.port)
                .get()
        } catch {
            throw ServerError(message: "cannot listen for metrics and health checks on \(self.host):\(self.port): \(error)")
        }
        guard let address = channel.localAddress else {
            channel.close(promise: nil)
            throw ServerError(message: "bound \(self.host):\(self.port) for metrics but have no local address")
        }
        self.logger.info(
            "metrics and health endpoint listening",
            metadata: ["address": "\(address)", "paths": "/metrics /healthz /readyz"]
        )
        self.onListening(address)
        // Returns on graceful shutdown, and throws on cancellation: either way, stop.
        try? await gracefulShutdown()
        try? await channel.close()
    }
}
