import KostraCodec
public import KostraProtocol
import NIOCore
import NIOPosix
import NIOSSL

/// Opens connections to a kostra server.
public enum KostraClient {
    /// Connects, runs `body` with the connection, and closes it when `body`
    /// returns or throws. The answers are read in a task beside `body`.
    ///
    /// - Parameters:
    ///   - tls: speak TLS, verifying the server's certificate; nil for plain TCP.
    /// - Throws: UNAVAILABLE (as ``RPCError``) when the server cannot be
    ///   reached; whatever `body` throws.
    public static func withConnection<Result: Sendable>(
        host: String,
        port: Int,
        tls: ClientTLS? = nil,
        maximumFrameSize: Int = FrameDecoder.defaultMaximumPayloadSize,
        _ body: (KostraConnection) async throws -> Result
    ) async throws -> Result {
        let sslContext: NIOSSLContext?
        do {
            sslContext = try tls.map { tls in
                var configuration = TLSConfiguration.makeClientConfiguration()
                if let path = tls.trustRootsPath {
                    configuration.trustRoots = .file(path)
                }
                return try NIOSSLContext(configuration: configuration)
            }
        } catch {
            throw RPCError(.unavailable, "cannot set up TLS: \(error)")
        }
        // SNI takes names only; for an address the certificate is checked
        // against the address itself.
        let serverName = tls?.serverName ?? (Self.isIPAddress(host) ? nil : host)
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: sslContext, serverHostname: serverName)
                            )
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(FrameDecoder(maximumPayloadSize: maximumFrameSize))
                        )
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw RPCError(.unavailable, "cannot connect to \(host):\(port): \(ConnectFailure.reason(error))")
        }
        let peer = "\(host):\(port)"
        return try await channel.executeThenClose { inbound, outbound in
            let connection = KostraConnection(outbound: outbound, peer: peer)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await readAnswers(from: inbound, into: connection)
                }
                defer { group.cancelAll() }
                return try await body(connection)
            }
        }
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// Routes each answer to its call until the connection ends, then fails
    /// the calls still waiting.
    private static func readAnswers(
        from inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        into connection: KostraConnection
    ) async {
        do {
            for try await frame in inbound {
                let envelope: KostraV1.ResponseEnvelope
                do {
                    envelope = try frame.decodeMessage(as: KostraV1.ResponseEnvelope.self)
                } catch {
                    connection.close(with: RPCError(.internal, "server sent a frame that is not a ResponseEnvelope: \(error)"))
                    return
                }
                if envelope.id == 0 {
                    let error = envelope.status.flatMap(RPCError.init(status:))
                        ?? RPCError(.unknown, "server sent a connection error without a status")
                    connection.close(with: error)
                    continue
                }
                connection.resolve(id: envelope.id, with: .success(envelope))
            }
            connection.close(with: RPCError(.unavailable, "\(connection.peer) closed the connection"))
        } catch is CancellationError {
            connection.close(with: RPCError(.cancelled, "connection to \(connection.peer) closed by the client"))
        } catch {
            connection.close(with: RPCError(.unavailable, "connection to \(connection.peer) failed: \(error)"))
        }
    }
}
