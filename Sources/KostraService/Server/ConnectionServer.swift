import KostraCodec
import KostraProtocol
import Logging
import NIOCore
import ServiceLifecycle

/// Serves one connection: reads request frames, answers each in a task of
/// its own so that answers go out in whatever order they are ready, and
/// catches every error of its own so that one bad client never reaches the
/// server or any other connection.
struct ConnectionServer: Sendable {
    let router: Router
    let configuration: ServerConfiguration
    let logger: Logger

    func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        var logger = self.logger
        logger[metadataKey: "peer"] = "\(channel.channel.remoteAddress.map { "\($0)" } ?? "?")"
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withGracefulShutdownHandler {
                    try await self.serveRequests(inbound: inbound, outbound: outbound, logger: logger)
                } onGracefulShutdown: {
                    // Stop reading: what was read is answered, then the connection closes.
                    channel.channel.close(mode: .input, promise: nil)
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    private func serveRequests(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        logger: Logger
    ) async throws {
        let inFlight = InFlightCounter()
        let limit = self.configuration.maximumRequestsInFlightPerConnection
        try await withThrowingDiscardingTaskGroup { group in
            do {
                for try await frame in inbound {
                    let receivedAt = ContinuousClock.now
                    let envelope: KostraV1.RequestEnvelope
                    do {
                        envelope = try frame.decodeMessage(as: KostraV1.RequestEnvelope.self)
                    } catch {
                        // The framing is intact, so the connection can go on.
                        try await outbound.write(
                            Self.errorFrame(
                                id: 0,
                                RPCError(.invalidArgument, "frame is not a kostra.v1.RequestEnvelope: \(error)")
                            )
                        )
                        continue
                    }
                    if let error = Self.validate(envelope) {
                        try await outbound.write(Self.errorFrame(id: envelope.id, error))
                        continue
                    }
                    guard inFlight.enter(limit: limit) else {
                        try await outbound.write(
                            Self.errorFrame(
                                id: envelope.id,
                                RPCError(.resourceExhausted, "more than \(limit) requests in flight on this connection")
                            )
                        )
                        continue
                    }
                    let timeout = envelope.timeoutMs == 0 ? self.configuration.defaultTimeoutMilliseconds : envelope.timeoutMs
                    var requestLogger = logger
                    requestLogger[metadataKey: "request_id"] = "\(envelope.id)"
                    requestLogger[metadataKey: "method"] = "\(envelope.method)"
                    let context = RequestContext(
                        id: envelope.id,
                        method: envelope.method,
                        deadline: receivedAt.advanced(by: .milliseconds(Int64(timeout))),
                        metadata: envelope.metadata,
                        logger: requestLogger
                    )
                    group.addTask {
                        defer { inFlight.leave() }
                        let response = await self.router.respond(to: envelope, context: context)
                        var buffer = ByteBuffer()
                        buffer.writeFrame(response)
                        try await outbound.write(buffer)
                    }
                }
            } catch let error as FramingError {
                // Framing is lost: say why on request id 0, then close once the
                // requests already read are answered.
                logger.debug("closing connection on a framing error", metadata: ["error": "\(error)"])
                try await outbound.write(Self.errorFrame(id: 0, RPCError(error.statusCode, error.description)))
            }
        }
    }

    /// Checks the envelope's own fields before any handler sees it.
    static func validate(_ envelope: KostraV1.RequestEnvelope) -> RPCError? {
        if envelope.id == 0 {
            return RPCError.invalidArgument(field: "id", "request id must be non-zero (0 is reserved for connection errors)")
        }
        if !ProtocolVersion.isSupported(envelope.protocolVersion) {
            return RPCError(
                .unimplemented,
                "protocol version \(envelope.protocolVersion) is not supported; this server speaks \(ProtocolVersion.current)"
            )
        }
        return nil
    }

    /// A frame carrying an error answer.
    static func errorFrame(id: UInt64, _ error: RPCError) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(
            KostraV1.ResponseEnvelope(id: id, status: error.status, protocolVersion: ProtocolVersion.current)
        )
        return buffer
    }
}
