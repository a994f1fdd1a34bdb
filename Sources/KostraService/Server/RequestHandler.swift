import KostraCodec
import KostraProtocol
import Logging
import NIOCore

/// Answers each request frame on the event loop that read it, whenever no
/// task is needed: decodes the envelope, checks it, routes it, computes the
/// answer with the method's synchronous handler (or takes the one kept),
/// encodes it and writes it, all without leaving the loop. Only a request
/// for a method that may suspend or declares itself expensive goes on, as
/// an ``InboundRequest`` admitted within the connection's in-flight limit,
/// to the serving loop (``ConnectionServer``).
///
/// Every request is either answered here or counted in flight before the
/// drain starts; once the connection drains, each new request is answered
/// UNAVAILABLE, so that a drain never waits on work it did not accept.
///
/// The answers to one read (a batch of pipelined frames, or one frame) are
/// gathered into one buffer, allocated once per read, and go out in one
/// write and one flush at the end of the read. An answer larger than
/// ``gatherLimit`` is not copied: its head goes in the buffer, which is
/// written, then its shared, already encoded body. A kept answer costs a
/// decode, a dictionary lookup and a copy of at most a few kilobytes, with
/// no task and no allocation of its own.
///
/// With metrics on, every answer is counted by method and status code (an
/// atomic increment on a counter made at startup), and the time of the
/// first answer of each read is recorded in its method's latency histogram.
/// Recording every one would take the histogram's lock once per request
/// from every event loop at once; measured, that cost 44% of the cached
/// path's throughput on a loaded 2-core machine, while answers from one
/// read take the same few microseconds.
final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = InboundRequest
    typealias OutboundOut = ByteBuffer

    private let routers: RouterHolder
    /// The router of ``routers`` at `generation`: re-read only after a swap.
    private var router: Router
    private var generation: Int
    private let inFlight: InFlightCounter
    private let configuration: ServerConfiguration
    private let accounting: AnswerAccounting
    private var logger: Logger
    /// The answers of this read not yet written; nil until the first.
    private var gathered: ByteBuffer?
    private var needsFlush = false
    private var timedThisRead = false

    /// The largest answer copied into the read's buffer; a larger one is
    /// written as its head and its shared body.
    static let gatherLimit = 8 * 1024

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
        self.accounting = AnswerAccounting(metrics: metrics, slowRequestThreshold: configuration.slowRequestThreshold)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.logger[metadataKey: "peer"] = "\(context.channel.remoteAddress.map { "\($0)" } ?? "?")"
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
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
        if self.inFlight.isDraining {
            self.refuseDraining(envelope, context: context)
            return
        }
        if self.routers.generation != self.generation {
            (self.router, self.generation) = self.routers.snapshot()
        }
        if let answer = self.router.answerNow(to: envelope, context: { self.requestContext(envelope, receivedAt: receivedAt) }) {
            let code = self.send(answer, id: envelope.id, context: context)
            self.accounting.answered(envelope, code: code, receivedAt: receivedAt, timed: !self.timedThisRead, logger: self.logger)
            self.timedThisRead = true
            return
        }
        let limit = self.configuration.maximumRequestsInFlightPerConnection
        switch self.inFlight.enter(limit: limit) {
        case .accepted:
            self.accounting.metrics?.requestsInFlight.increment()
            let request = InboundRequest(
                envelope: envelope,
                context: self.requestContext(envelope, receivedAt: receivedAt),
                receivedAt: receivedAt,
                router: self.router
            )
            context.fireChannelRead(self.wrapInboundOut(request))
        case .overLimit:
            self.accounting.metrics?.method(envelope.method).refused(.resourceExhausted)
            self.refuse(
                id: envelope.id,
                RPCError(.resourceExhausted, "more than \(limit) requests in flight on this connection"),
                reason: .tooManyInFlight,
                context: context
            )
        case .draining:
            self.refuseDraining(envelope, context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.timedThisRead = false
        self.writeGathered(context: context)
        if self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    /// Adds the frame for `answer` on request `id` to this read's answers (or
    /// RESOURCE_EXHAUSTED when it is over the response size limit); returns
    /// the status code the client gets.
    private func send(_ answer: EncodedAnswer, id: UInt64, context: ChannelHandlerContext) -> StatusCode {
        if let error = AnswerFrame.oversized(answer, id: id, limit: self.configuration.maximumResponseSize) {
            self.startGathering(context: context)
            AnswerFrame.writeError(id: id, error, into: &self.gathered!)
            return .resourceExhausted
        }
        self.startGathering(context: context)
        if answer.body.readableBytes <= Self.gatherLimit {
            answer.writeFrame(id: id, into: &self.gathered!)
        } else {
            answer.writeHead(id: id, into: &self.gathered!)
            self.writeGathered(context: context)
            context.write(self.wrapOutboundOut(answer.body), promise: nil)
            self.needsFlush = true
        }
        return answer.statusCode
    }

    /// Makes this read's buffer of answers on first use: one allocation per
    /// read, whatever the number of answers (it grows if it must).
    private func startGathering(context: ChannelHandlerContext) {
        if self.gathered == nil {
            self.gathered = context.channel.allocator.buffer(capacity: 2048)
        }
    }

    /// Writes the answers gathered so far (the flush comes at the end of the read).
    private func writeGathered(context: ChannelHandlerContext) {
        guard let gathered = self.gathered else { return }
        self.gathered = nil
        context.write(self.wrapOutboundOut(gathered), promise: nil)
        self.needsFlush = true
    }

    /// The context a handler sees: the deadline counts from when the frame
    /// was read; the logger carries the id and method only at debug level,
    /// where building that metadata for every request is wanted.
    private func requestContext(_ envelope: KostraV1.RequestEnvelope, receivedAt: ContinuousClock.Instant) -> RequestContext {
        let timeout = envelope.timeoutMs == 0 ? self.configuration.defaultTimeoutMilliseconds : envelope.timeoutMs
        var logger = self.logger
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
}
