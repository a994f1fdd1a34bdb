import KostraCodec
import KostraProtocol
import Logging
import NIOCore
import ServiceLifecycle

/// Serves one connection: answers in a task of its own each request the
/// event loop handed on (a method that may suspend or is expensive; see
/// ``RequestHandler``, which answers the rest), so that answers go out in
/// whatever order they are ready; drains on graceful shutdown; and catches
/// every error of its own so that one bad client never reaches the server
/// or any other connection.
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
/// Answers are counted and logged as the event loop's are (``AnswerAccounting``).
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
        let accounting = AnswerAccounting(metrics: self.metrics, slowRequestThreshold: self.configuration.slowRequestThreshold)
        let limit = self.configuration.maximumResponseSize
        try await withThrowingDiscardingTaskGroup { group in
            do {
                for try await request in inbound {
                    // Admitted and counted in flight by the event loop (RequestHandler).
                    group.addTask {
                        let answer = await request.router.answer(to: request.envelope, context: request.context)
                        let (head, body, code) = AnswerFrame.frame(
                            answer,
                            id: request.envelope.id,
                            limit: limit,
                            allocator: channel.allocator
                        )
                        // Counted before it is sent: a client that has its answer sees it counted.
                        self.metrics?.requestsInFlight.decrement()
                        accounting.answered(request.envelope, code: code, receivedAt: request.receivedAt, timed: true, logger: logger)
                        // A failed write means the peer is gone or the drain has
                        // half-closed the connection; reading goes on until the
                        // stream ends either way.
                        try? await outbound.write(contentsOf: body.map { [head, $0] } ?? [head])
                        inFlight.leave()
                    }
                }
            } catch let error as FramingError {
                // Framing is lost: say why on request id 0, then close once the
                // requests already read are answered.
                logger.debug("closing connection on a framing error", metadata: ["error": "\(error)"])
                self.metrics?.frameRefused(Self.reason(error))
                try? await outbound.write(AnswerFrame.error(id: 0, RPCError(error.statusCode, error.description)))
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

    /// The refusal a framing error counts as.
    static func reason(_ error: FramingError) -> RefusalReason {
        switch error.kind {
        case .frameTooLarge: .frameTooLarge
        case .unsupportedFlags: .unsupportedFlags
        case .truncatedFrame: .truncatedFrame
        }
    }

    /// Answers a connection the server will not serve with one error frame
    /// on id 0, then closes it.
    static func refuse(_ channel: NIOAsyncChannel<InboundRequest, ByteBuffer>, _ error: RPCError) async {
        try? await channel.executeThenClose { _, outbound in
            try await outbound.write(AnswerFrame.error(id: 0, error))
        }
    }
}
