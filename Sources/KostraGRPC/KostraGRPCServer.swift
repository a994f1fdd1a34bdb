import GRPCCore
import GRPCNIOTransportHTTP2
public import KostraService
public import Logging
import NIOCore
public import ServiceLifecycle

/// The gRPC port: a grpc-swift-2 server over HTTP/2 (grpc-swift-nio-transport,
/// POSIX sockets, TLS when the native port has it) serving
/// ``KostraGRPCService``, ``GRPCHealthService`` and ``GRPCReflectionService``
/// beside the native port, from the same routers and health.
///
/// Run it as a `Service` in the native server's service group (it is,
/// through ``KostraService/DataLoadingServer``'s `alongside`). On graceful
/// shutdown health says NOT_SERVING at once (shared with the native port
/// and `/readyz`); after ``GRPCServerConfiguration/shutdownDelay`` the server
/// sends GOAWAY, refuses new calls, lets the calls in flight finish (for at
/// most ``GRPCServerConfiguration/drainTimeout``) and returns.
public final class KostraGRPCServer: Service, Sendable {
    private let configuration: GRPCServerConfiguration
    private let routers: RouterHolder
    private let health: HealthState
    private let metrics: ServerMetrics?
    private let logger: Logger
    private let onListening: @Sendable (_ host: String, _ port: Int) -> Void

    /// A gRPC server answering with the router `routers` holds at each call.
    ///
    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - routers: the routers, shared with the native port.
    ///   - health: the serving state, shared with the native port; set
    ///     NOT_SERVING on graceful shutdown.
    ///   - metrics: where calls are counted (`transport="grpc"`).
    ///   - logger: where the server logs its address, its drain and slow calls.
    ///   - onListening: called once with the bound address (useful with port 0).
    public init(
        configuration: GRPCServerConfiguration,
        routers: RouterHolder,
        health: HealthState,
        metrics: ServerMetrics? = nil,
        logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void = { _, _ in }
    ) {
        self.configuration = configuration
        self.routers = routers
        self.health = health
        self.metrics = metrics
        self.logger = logger
        self.onListening = onListening
    }

    /// Binds, serves until graceful shutdown or cancellation, then drains.
    public func run() async throws {
        let configuration = self.configuration
        let transport = HTTP2ServerTransport.Posix(
            address: try Self.address(host: configuration.host, port: configuration.port),
            transportSecurity: Self.security(configuration.tls),
            config: .defaults { config in
                config.rpc.maxRequestPayloadSize = configuration.maximumRequestSize
                config.http2.maxConcurrentStreams = configuration.maximumConcurrentStreams
                config.connection.maxIdleTime = configuration.idleTimeout
                config.connection.maxGraceTime = configuration.drainTimeout
            }
        )
        let server = GRPCServer(
            transport: transport,
            services: [
                KostraGRPCService(routers: self.routers, configuration: configuration, metrics: self.metrics, logger: self.logger),
                GRPCHealthService(health: self.health),
                GRPCReflectionService(),
            ]
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.serve()
                } catch {
                    throw ServerError(message: "the gRPC port \(configuration.host):\(configuration.port) failed: \(error)")
                }
            }
            group.addTask {
                try await self.lifecycle(server: server, transport: transport)
            }
            // Whichever ends first ends both: the server once drained, or the
            // lifecycle once the drain has taken too long.
            try await group.next()
            group.cancelAll()
            try await group.waitForAll()
        }
        self.logger.info("kostra-server gRPC port stopped")
    }

    /// Logs the address once bound, waits for graceful shutdown, then
    /// drains; returns when the drain timeout has passed.
    private func lifecycle(server: GRPCServer<HTTP2ServerTransport.Posix>, transport: HTTP2ServerTransport.Posix) async throws {
        let address: GRPCNIOTransportCore.SocketAddress
        do {
            address = try await transport.listeningAddress
        } catch {
            // Not bound: serve() fails with the reason (the port taken, say), and that
            // failure, not this one, must end the group: wait to be cancelled by it.
            try? await Task.sleep(for: .seconds(86_400))
            return
        }
        let (host, port) = Self.hostAndPort(address)
        self.logger.info(
            "kostra-server gRPC listening",
            metadata: ["address": "\(host):\(port)", "tls": "\(self.configuration.tls != nil)"]
        )
        self.onListening(host, port)
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: going down without a drain
        }
        self.health.setServing(false)
        let delay = self.configuration.shutdownDelay
        if delay > .zero {
            try? await Task.sleep(for: delay)
        }
        self.logger.info("kostra-server gRPC port draining: GOAWAY sent, finishing the calls in flight")
        server.beginGracefulShutdown()
        try? await Task.sleep(for: self.configuration.drainTimeout + .seconds(1))
        if !Task.isCancelled {
            self.logger.warning("kostra-server gRPC port: calls still open after the drain timeout are cancelled")
        }
    }

    /// The transport's address for `host` (a name is resolved, as the native
    /// port resolves it) and `port`.
    static func address(host: String, port: Int) throws -> GRPCNIOTransportCore.SocketAddress {
        let resolved: NIOCore.SocketAddress
        do {
            resolved = try NIOCore.SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ServerError(message: "cannot resolve the gRPC port's host \(host): \(error)")
        }
        switch resolved {
        case .v4: return .ipv4(host: resolved.ipAddress ?? host, port: port)
        case .v6: return .ipv6(host: resolved.ipAddress ?? host, port: port)
        case .unixDomainSocket: throw ServerError(message: "the gRPC port's host \(host) is not an IP address")
        }
    }

    /// Plaintext HTTP/2, or TLS with `files` (PEM).
    static func security(_ files: TLSFiles?) -> HTTP2ServerTransport.Posix.TransportSecurity {
        guard let files else { return .plaintext }
        return .tls(
            certificateChain: [.file(path: files.certificateChainPath, format: .pem)],
            privateKey: .file(path: files.privateKeyPath, format: .pem)
        )
    }

    /// The host and port of a bound address.
    static func hostAndPort(_ address: GRPCNIOTransportCore.SocketAddress) -> (String, Int) {
        if let ipv4 = address.ipv4 { return (ipv4.host, ipv4.port) }
        if let ipv6 = address.ipv6 { return (ipv6.host, ipv6.port) }
        return ("\(address)", 0)
    }
}
