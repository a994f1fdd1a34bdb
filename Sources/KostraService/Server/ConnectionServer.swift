import KostraCodec
import KostraProtocol
import Logging
import NIOCore
import ServiceLifecycle

/// Serves one connection: reads request frames, answers each in a task of
/// its own so that answers go out in whatever order they are ready, and
/// catches every error of its own so that one bad client never reaches the
/// server or any other connection.
///
/// On graceful shutdown the connection drains: requests read from then on
/// are answered UNAVAILABLE, and once the requests accepted before are
/// answered the server half-closes its side, reads and discards until the
/// client closes (or ``ServerConfiguration/drainLinger`` passes), then
/// closes. A request still unanswered after
/// ``ServerConfiguration/drainTimeout`` is abandoned and the connection
/// closed, so that a stuck handler cannot keep the process alive. Closing with unread input would make the kernel reset the
/// connection and drop answers not yet delivered.
///
/// Nothing is logged per request at info level: a request is logged at
/// debug, and as a warning when it takes longer than
/// ``ServerConfiguration/slowRequestThreshold``.
struct ConnectionServer: Sendable {
    /// The router, read per request: a reload changes it between requests.
    let routers: RouterHolder
    let configuration: ServerConfiguration
    let logger: Logger
    var metrics: ServerMetrics? = nil

    func serve(_ channel: NIOAsyncChannel<InboundRequest, ByteBuffer>, inFlight: InFlightCounter) async {
        var logger = self.logger
        logger[metadataKey: "peer"] = "\(channel.channel.remoteAddress.map { "\($0)" } ?? "?")"
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        await self.drainOnShutdown(channel: channel.channel, outbound: outbound, inFlight: inFlight)
                    }
                    try await self.serveRequests(
                        inbound: inbound,
                        outbound: outbound,
                        channel: channel.channel,
                        inFlight: inFlight,
                        logger: logger
                    )
                    // Every request read is answered (or abandoned): the drain has nothing left to wait for.
                    group.cancelAll()
                    // executeThenClose closes the channel at once when this returns, and
                    // a close drops the writes still pending in it (the client may read
                    // slowly): wait until everything handed over is written.
                    await Self.waitUntilWritten(channel.channel)
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// Waits for graceful shutdown, then drains the connection. Cancelled
    /// when the connection ends first.
    private func drainOnShutdown(
        channel: any Channel,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        inFlight: InFlightCounter
    ) async {
        do {
            try await gracefulShutdown()
            if self.configuration.shutdownDelay > .zero {
                // Serve as usual while balancers notice NOT_SERVING.
                try await Task.sleep(for: self.configuration.shutdownDelay)
            }
            let deadline = ContinuousClock.now.advanced(by: self.configuration.drainTimeout)
            var remaining = inFlight.beginDrain()
            while remaining > 0 {
                guard ContinuousClock.now < deadline else {
                    self.logger.warning(
                        "drain timeout: closing a connection with requests unanswered",
                        metadata: ["unanswered": "\(remaining)", "peer": "\(channel.remoteAddress.map { "\($0)" } ?? "?")"]
                    )
                    inFlight.abandon()
                    channel.close(promise: nil)
                    return
                }
                try await Task.sleep(for: .milliseconds(5))
                remaining = inFlight.count
            }
            await Self.waitUntilWritten(channel)
            outbound.finish()  // half-closes: the client reads the answers, then end of stream
            try await Task.sleep(for: self.configuration.drainLinger)
            channel.close(promise: nil)
        } catch {
            // Cancelled: the connection ended on its own.
        }
    }

    private func serveRequests(
        inbound: NIOAsyncChannelInboundStream<InboundRequest>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        channel: any Channel,
        inFlight: InFlightCounter,
        logger: Logger
    ) async throws {
        let limit = self.configuration.maximumRequestsInFlightPerConnection
        // A failed write means the peer is gone or the drain has half-closed
        // the connection; reading goes on until the stream ends either way.
        func send(_ frame: ByteBuffer) async {
            try? await outbound.write(frame)
        }
        try await withThrowingDiscardingTaskGroup { group in
            do {
                for try await request in inbound {
                    let envelope: KostraV1.RequestEnvelope
                    let receivedAt: ContinuousClock.Instant
                    switch request {
                    case .envelope(let decoded, let at):
                        (envelope, receivedAt) = (decoded, at)
                    case .undecodable(let error):
                        // The framing is intact, so the connection can go on.
                        inFlight.frameTaken()
                        self.metrics?.frameRefused(.notAnEnvelope)
                        await send(
                            Self.errorFrame(id: 0, RPCError(.invalidArgument, "frame is not a kostra.v1.RequestEnvelope: \(error)"))
                        )
                        continue
                    }
                    if let error = Self.validate(envelope) {
                        inFlight.frameTaken()
                        self.metrics?.frameRefused(envelope.id == 0 ? .zeroRequestId : .unsupportedProtocolVersion)
                        await send(Self.errorFrame(id: envelope.id, error))
                        continue
                    }
                    switch inFlight.enter(limit: limit) {
                    case .accepted:
                        self.metrics?.requestsInFlight.increment()
                    case .overLimit:
                        if let metrics = self.metrics {
                            metrics.frameRefused(.tooManyInFlight)
                            metrics.method(envelope.method).refused(.resourceExhausted)
                        }
                        await send(
                            Self.errorFrame(
                                id: envelope.id,
                                RPCError(.resourceExhausted, "more than \(limit) requests in flight on this connection")
                            )
                        )
                        continue
                    case .draining:
                        if let metrics = self.metrics {
                            metrics.frameRefused(.draining)
                            metrics.method(envelope.method).refused(.unavailable)
                        }
                        await send(
                            Self.errorFrame(
                                id: envelope.id,
                                RPCError(.unavailable, "server is shutting down; send the request to another replica")
                            )
                        )
                        continue
                    }
                    let timeout = envelope.timeoutMs == 0 ? self.configuration.defaultTimeoutMilliseconds : envelope.timeoutMs
                    var requestLogger = logger
                    if logger.logLevel <= .debug {
                        // Not at info: building metadata costs on every request.
                        requestLogger[metadataKey: "request_id"] = "\(envelope.id)"
                        requestLogger[metadataKey: "method"] = "\(envelope.method)"
                    }
                    let context = RequestContext(
                        id: envelope.id,
                        method: envelope.method,
                        deadline: receivedAt.advanced(by: .milliseconds(Int64(timeout))),
                        metadata: envelope.metadata,
                        logger: requestLogger
                    )
                    let router = self.routers.current
                    group.addTask {
                        let response = await router.respond(to: envelope, context: context)
                        // Counted before it is sent: a client that has its answer sees it counted.
                        self.answered(envelope, response, receivedAt: receivedAt, logger: logger)
                        await send(self.responseFrame(response))
                        inFlight.leave()
                    }
                }
            } catch let error as FramingError {
                // Framing is lost: say why on request id 0, then close once the
                // requests already read are answered.
                logger.debug("closing connection on a framing error", metadata: ["error": "\(error)"])
                self.metrics?.frameRefused(Self.reason(error))
                await send(Self.errorFrame(id: 0, RPCError(error.statusCode, error.description)))
            }
            if inFlight.isAbandoned || !channel.isActive {
                // The drain timed out and closed the connection, or the client
                // is gone (reset or closed): no answer can reach it, so throwing
                // cancels the handlers still running rather than let abandoned
                // work hold a core that other connections are waiting for.
                throw CancellationError()
            }
        }
    }

    /// Returns once every write handed to `channel` before it has reached the
    /// socket (or the channel has failed): an empty write's promise completes
    /// in order behind them. A client that stops reading keeps it waiting
    /// until the idle timeout closes the connection.
    static func waitUntilWritten(_ channel: any Channel) async {
        try? await channel.writeAndFlush(ByteBuffer()).get()
    }

    /// Counts and, when slow or at debug level, logs a request answered.
    private func answered(
        _ envelope: KostraV1.RequestEnvelope,
        _ response: KostraV1.ResponseEnvelope,
        receivedAt: ContinuousClock.Instant,
        logger: Logger
    ) {
        let isDebug = logger.logLevel <= .debug
        guard self.metrics != nil || self.configuration.slowRequestThreshold != nil || isDebug else { return }
        let duration = ContinuousClock.now - receivedAt
        let code = response.payload.count <= self.configuration.maximumResponseSize ? (response.status?.code ?? .ok) : .resourceExhausted
        if let metrics = self.metrics {
            metrics.requestsInFlight.decrement()
            metrics.method(envelope.method).answered(code, after: duration)
        }
        let isSlow = self.configuration.slowRequestThreshold.map { duration >= $0 } ?? false
        guard isSlow || isDebug else { return }
        let metadata: Logger.Metadata = [
            "request_id": "\(envelope.id)",
            "method": "\(envelope.method)",
            "status": "\(code.name)",
            "duration_ms": "\(Self.milliseconds(duration))",
        ]
        if isSlow {
            logger.warning("slow request", metadata: metadata)
        } else {
            logger.debug("request answered", metadata: metadata)
        }
    }

    /// A duration in milliseconds with three decimals: "1234.567".
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// The refusal a framing error counts as.
    static func reason(_ error: FramingError) -> RefusalReason {
        switch error.kind {
        case .frameTooLarge: .frameTooLarge
        case .unsupportedFlags: .unsupportedFlags
        case .truncatedFrame: .truncatedFrame
        }
    }

    /// The frame for an answer, or RESOURCE_EXHAUSTED on its id when the
    /// answer is larger than the limit.
    func responseFrame(_ response: KostraV1.ResponseEnvelope) -> ByteBuffer {
        let limit = self.configuration.maximumResponseSize
        guard response.payload.count <= limit else {
            return Self.errorFrame(
                id: response.id,
                RPCError(
                    .resourceExhausted,
                    "the answer is \(response.payload.count) bytes, more than the limit of \(limit); ask for less (fewer regions, years or indicators)"
                )
            )
        }
        var buffer = ByteBuffer()
        buffer.writeFrame(response)
        return buffer
    }

    /// Answers a connection the server will not serve with one error frame
    /// on id 0, then closes it.
    static func refuse(_ channel: NIOAsyncChannel<InboundRequest, ByteBuffer>, _ error: RPCError) async {
        try? await channel.executeThenClose { _, outbound in
            try await outbound.write(Self.errorFrame(id: 0, error))
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
