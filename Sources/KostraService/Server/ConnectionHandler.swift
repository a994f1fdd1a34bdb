import KostraCodec
import KostraProtocol
import Logging
import NIOCore

/// Serves one connection, all on its event loop: answers each request frame
/// in the call that read it whenever no task is needed, hands the rest to a
/// task each, drains on graceful shutdown, and catches every error of its
/// own so that one bad client never reaches the server or any other
/// connection.
///
/// **On the event loop.** A request is decoded, checked, routed, computed
/// with its method's synchronous handler (or taken from the answers kept),
/// encoded and written without leaving the loop. Only a request for a method
/// that may suspend or declares itself expensive is admitted within the
/// connection's in-flight limit and answered in a task of its own, whose
/// answer comes back to the loop to be written, so answers go out in
/// whatever order they are ready. A connection with nothing in flight has no
/// task at all: an idle connection costs its channel and its handlers.
///
/// **One write per read.** The answers to one read (a batch of pipelined
/// frames, or one frame) are gathered into one buffer, allocated once per
/// read, and go out in one write and one flush at the end of the read. An
/// answer larger than ``gatherLimit`` is not copied: its head goes in the
/// buffer, which is written, then its shared, already encoded body.
///
/// **Drain.** On ``ServerDraining`` requests read from then on are answered
/// UNAVAILABLE; once the requests accepted before are answered and written,
/// the server half-closes its side, reads and discards until the client
/// closes (or ``ServerConfiguration/drainLinger`` passes), then closes. A
/// request still unanswered after ``ServerConfiguration/drainTimeout`` is
/// abandoned and the connection closed, so that a stuck handler cannot keep
/// the process alive. Closing with unread input would make the kernel reset
/// the connection and drop answers not yet delivered.
///
/// **Errors.** A frame that is not an envelope, or an envelope refused, is
/// answered with an error and the connection goes on. When framing is lost
/// (a frame too large, unknown flags, a frame cut short) the reason goes out
/// on request id 0 and the connection closes once the requests in flight
/// are answered; so it does when the client half-closes its side. A client
/// that goes away takes its requests in flight with it: their tasks are
/// cancelled.
///
/// **Metrics and logs** (``AnswerAccounting``): every answer is counted by
/// method and status code (an atomic increment on a counter made at
/// startup), and the time of the first answer of each read is recorded in
/// its method's latency histogram; an answer of a task is always timed.
/// Recording every one would take the histogram's lock once per request
/// from every event loop at once; measured, that cost 44% of the cached
/// path's throughput on a loaded 2-core machine, while answers from one
/// read take the same few microseconds.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The largest answer copied into the read's buffer; a larger one is
    /// written as its head and its shared body.
    static let gatherLimit = 8 * 1024

    private enum Ending {
        /// Serving.
        case open
        /// Draining: refusing new requests; half-closes once the last in flight is answered.
        case draining
        /// Framing lost or the client's input ended: closes once the last in flight is answered.
        case closingWhenAnswered
        /// Half-closed or closing: nothing more to do.
        case ended
    }

    private let routers: RouterHolder
    /// The router of ``routers`` at `generation`: re-read only after a swap.
    private var router: Router
    private var generation: Int
    private let inFlight: InFlightCounter
    private let configuration: ServerConfiguration
    private let accounting: AnswerAccounting
    private let baseLogger: Logger
    /// The logger with the peer's address, made when first needed.
    private var peerLogger: Logger?
    private var context: ChannelHandlerContext?
    /// The answers of this read not yet written; nil until the first.
    private var gathered: ByteBuffer?
    private var needsFlush = false
    private var timedThisRead = false
    private var ending = Ending.open
    private var drainTimer: Scheduled<Void>?
    /// The tasks answering requests in flight, to cancel if the client goes.
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextTask = 0

    init(
        routers: RouterHolder,
        inFlight: InFlightCounter,
        configuration: ServerConfiguration,
        metrics: ServerMetrics?,
        logger: Logger
    ) {
        self.routers = routers
        (self.router, self.generation) = routers.snapshot()
        self.inFlight = inFlight
        self.configuration = configuration
        self.accounting = AnswerAccounting(
            metrics: metrics,
            slowRequestThreshold: configuration.slowRequestThreshold,
            logLevel: logger.logLevel
        )
        self.baseLogger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: Requests

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Once the connection is ending for good, what still arrives is not served.
        guard self.ending == .open || self.ending == .draining else { return }
        let frame = self.unwrapInboundIn(data)
        let receivedAt = ContinuousClock.now
        let envelope: KostraV1.RequestEnvelope
        do {
            envelope = try frame.decodeMessage(as: KostraV1.RequestEnvelope.self)
        } catch {
            // The framing is intact, so the connection can go on.
            self.refuse(
                id: 0,
                RPCError(.invalidArgument, "frame is not a kostra.v1.RequestEnvelope: \(error)"),
                reason: .notAnEnvelope,
                context: context
            )
            return
        }
        if let error = AnswerFrame.validate(envelope) {
            self.refuse(
                id: envelope.id,
                error,
                reason: envelope.id == 0 ? .zeroRequestId : .unsupportedProtocolVersion,
                context: context
            )
            return
        }
        if self.ending != .open {
            self.refuseDraining(envelope, context: context)
            return
        }
        if self.routers.generation != self.generation {
            (self.router, self.generation) = self.routers.snapshot()
        }
        if let answer = self.router.answerNow(to: envelope, context: { self.requestContext(envelope, receivedAt: receivedAt) }) {
            let code = self.send(answer, id: envelope.id, context: context)
            self.accounting.answered(envelope, code: code, receivedAt: receivedAt, timed: !self.timedThisRead, logger: self.logger(context))
            self.timedThisRead = true
            return
        }
        let limit = self.configuration.maximumRequestsInFlightPerConnection
        guard self.inFlight.enter(limit: limit) else {
            self.accounting.metrics?.method(envelope.method).refused(.resourceExhausted)
            self.refuse(
                id: envelope.id,
                RPCError(.resourceExhausted, "more than \(limit) requests in flight on this connection"),
                reason: .tooManyInFlight,
                context: context
            )
            return
        }
        self.accounting.metrics?.requestsInFlight.increment()
        self.answerInTask(envelope, receivedAt: receivedAt, context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.timedThisRead = false
        self.flushAnswers(context: context)
        context.fireChannelReadComplete()
    }

    /// Backpressure: while answers wait for a client that is not taking them
    /// (more than the channel's high-water mark, 64 KiB), reading more
    /// requests would only pile up more answers, so the connection stops
    /// reading until they drain below the low-water mark. A client that never
    /// takes them is closed by the write-stall timeout.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        let writable = context.channel.isWritable
        try? context.channel.syncOptions?.setOption(.autoRead, value: writable)
        if writable {
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    /// Answers `envelope` in a task; its answer comes back to the event loop
    /// to be written.
    private func answerInTask(_ envelope: KostraV1.RequestEnvelope, receivedAt: ContinuousClock.Instant, context: ChannelHandlerContext) {
        let requestContext = self.requestContext(envelope, receivedAt: receivedAt)
        let router = self.router
        let accounting = self.accounting
        let logger = self.logger(context)
        let limit = self.configuration.maximumResponseSize
        let allocator = context.channel.allocator
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        let key = self.nextTask
        self.nextTask += 1
        self.tasks[key] = Task {
            let answer = await router.answer(to: envelope, context: requestContext)
            let (head, body, code) = AnswerFrame.frame(answer, id: envelope.id, limit: limit, allocator: allocator)
            // Counted before it is sent: a client that has its answer sees it counted.
            accounting.metrics?.requestsInFlight.decrement()
            accounting.answered(envelope, code: code, receivedAt: receivedAt, timed: true, logger: logger)
            loop.execute {
                handler.value.answered(task: key, head: head, body: body)
            }
        }
    }

    /// Writes the answer of a task, and ends the connection if it was the
    /// last one an ending waited for.
    private func answered(task key: Int, head: ByteBuffer, body: ByteBuffer?) {
        guard self.tasks.removeValue(forKey: key) != nil, let context = self.context else { return }
        self.inFlight.leave()
        context.write(self.wrapOutboundOut(head), promise: nil)
        if let body {
            context.write(self.wrapOutboundOut(body), promise: nil)
        }
        context.flush()
        self.endIfAnswered(context: context)
    }

    /// The context a handler sees: the deadline counts from when the frame
    /// was read; the logger carries the id and method only at debug level,
    /// where building that metadata for every request is wanted.
    private func requestContext(_ envelope: KostraV1.RequestEnvelope, receivedAt: ContinuousClock.Instant) -> RequestContext {
        let timeout = envelope.timeoutMs == 0 ? self.configuration.defaultTimeoutMilliseconds : envelope.timeoutMs
        var logger = self.context.map { self.logger($0) } ?? self.baseLogger
        if logger.logLevel <= .debug {
            logger[metadataKey: "request_id"] = "\(envelope.id)"
            logger[metadataKey: "method"] = "\(envelope.method)"
        }
        return RequestContext(
            id: envelope.id,
            method: envelope.method,
            deadline: receivedAt.advanced(by: .milliseconds(Int64(timeout))),
            metadata: envelope.metadata,
            logger: logger
        )
    }

    /// The logger with the peer's address: made on first use, so that a
    /// connection that never logs never pays for the metadata.
    private func logger(_ context: ChannelHandlerContext) -> Logger {
        if let logger = self.peerLogger { return logger }
        var logger = self.baseLogger
        logger[metadataKey: "peer"] = "\(context.channel.remoteAddress.map { "\($0)" } ?? "?")"
        self.peerLogger = logger
        return logger
    }

    // MARK: Writing

    /// Adds the frame for `answer` on request `id` to this read's answers (or
    /// RESOURCE_EXHAUSTED when it is over the response size limit); returns
    /// the status code the client gets.
    private func send(_ answer: EncodedAnswer, id: UInt64, context: ChannelHandlerContext) -> StatusCode {
        self.startGathering(context: context)
        if let error = AnswerFrame.oversized(answer, id: id, limit: self.configuration.maximumResponseSize) {
            AnswerFrame.writeError(id: id, error, into: &self.gathered!)
            return .resourceExhausted
        }
        if answer.body.readableBytes <= Self.gatherLimit {
            answer.writeFrame(id: id, into: &self.gathered!)
        } else {
            answer.writeHead(id: id, into: &self.gathered!)
            self.writeGathered(context: context)
            context.write(self.wrapOutboundOut(answer.body), promise: nil)
        }
        return answer.statusCode
    }

    /// Makes this read's buffer of answers on first use: one allocation per
    /// read, whatever the number of answers (it grows if it must).
    private func startGathering(context: ChannelHandlerContext) {
        if self.gathered == nil {
            self.gathered = context.channel.allocator.buffer(capacity: 2048)
        }
        self.needsFlush = true
    }

    /// Writes the answers gathered so far (the flush comes at the end of the read).
    private func writeGathered(context: ChannelHandlerContext) {
        guard let gathered = self.gathered else { return }
        self.gathered = nil
        context.write(self.wrapOutboundOut(gathered), promise: nil)
    }

    /// Writes and flushes what this read answered.
    private func flushAnswers(context: ChannelHandlerContext) {
        self.writeGathered(context: context)
        if self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
    }

    private func refuseDraining(_ envelope: KostraV1.RequestEnvelope, context: ChannelHandlerContext) {
        self.accounting.metrics?.method(envelope.method).refused(.unavailable)
        self.refuse(
            id: envelope.id,
            RPCError(.unavailable, "server is shutting down; send the request to another replica"),
            reason: .draining,
            context: context
        )
    }

    /// Answers a frame no handler sees with an error, and counts why.
    private func refuse(id: UInt64, _ error: RPCError, reason: RefusalReason, context: ChannelHandlerContext) {
        self.accounting.metrics?.frameRefused(reason)
        self.startGathering(context: context)
        AnswerFrame.writeError(id: id, error, into: &self.gathered!)
    }

    // MARK: Ending

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ServerDraining {
            self.beginDrain(context: context)
            return
        }
        if let event = event as? ChannelEvent, event == .inputClosed {
            // The client has sent all it will: answer what it asked, then close.
            self.flushAnswers(context: context)
            if self.ending == .open {
                self.ending = .closingWhenAnswered
            }
            self.endIfAnswered(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Once ending, a later error (the decoder refusing what follows a
        // framing error, say) changes nothing.
        guard self.ending == .open || self.ending == .draining else { return }
        guard let framing = error as? FramingError else {
            // The socket failed (a reset, say): no answer can reach the client.
            self.logger(context).debug("connection ended", metadata: ["error": "\(error)"])
            context.close(promise: nil)
            return
        }
        // Framing is lost: say why on request id 0, then close once the
        // requests already read are answered.
        self.logger(context).debug("closing connection on a framing error", metadata: ["error": "\(framing)"])
        self.accounting.metrics?.frameRefused(Self.reason(framing))
        self.startGathering(context: context)
        AnswerFrame.writeError(id: 0, RPCError(framing.statusCode, framing.description), into: &self.gathered!)
        self.flushAnswers(context: context)
        self.ending = .closingWhenAnswered
        self.endIfAnswered(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // The client is gone, or the connection was closed: no answer can
        // reach it, so the tasks still running are cancelled rather than let
        // abandoned work hold a core that other connections are waiting for.
        for task in self.tasks.values {
            task.cancel()
        }
        self.tasks = [:]
        self.drainTimer?.cancel()
        self.ending = .ended
        context.fireChannelInactive()
    }

    /// Graceful shutdown: refuse what comes next, answer what was accepted,
    /// then half-close; or give up after the drain timeout.
    private func beginDrain(context: ChannelHandlerContext) {
        guard self.ending == .open else { return }
        self.ending = .draining
        if !self.tasks.isEmpty {
            let timeout = self.configuration.drainTimeout
            self.drainTimer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
                guard !self.tasks.isEmpty else { return }
                self.logger(context).warning(
                    "drain timeout: closing a connection with requests unanswered",
                    metadata: ["unanswered": "\(self.tasks.count)"]
                )
                context.close(promise: nil)
            }
        }
        self.endIfAnswered(context: context)
    }

    /// Once nothing is in flight: a draining connection half-closes when
    /// everything is written, and closes after the linger; one whose framing
    /// was lost or whose client half-closed closes when everything is written.
    private func endIfAnswered(context: ChannelHandlerContext) {
        guard self.tasks.isEmpty else { return }
        switch self.ending {
        case .open, .ended:
            return
        case .draining:
            self.ending = .ended
            self.drainTimer?.cancel()
            let linger = TimeAmount(self.configuration.drainLinger)
            let loop = context.eventLoop
            let channel = context.channel
            // An empty write completes in order behind every answer before it.
            context.writeAndFlush(self.wrapOutboundOut(ByteBuffer())).whenComplete { _ in
                // Half-closes: the client reads the answers, then end of stream.
                channel.close(mode: .output, promise: nil)
                loop.scheduleTask(in: linger) { channel.close(promise: nil) }
            }
        case .closingWhenAnswered:
            self.ending = .ended
            let channel = context.channel
            context.writeAndFlush(self.wrapOutboundOut(ByteBuffer())).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }

    /// The refusal a framing error counts as.
    static func reason(_ error: FramingError) -> RefusalReason {
        switch error.kind {
        case .frameTooLarge: .frameTooLarge
        case .unsupportedFlags: .unsupportedFlags
        case .truncatedFrame: .truncatedFrame
        }
    }
}
