import KostraCodec
import KostraProtocol
import NIOCore

/// Closes a connection that is idle too long or that sends a frame too
/// slowly (slowloris), saying why in an error frame on request id 0.
///
/// Sits behind the frame decoder: a ``FramePending`` event starts the frame
/// timer, the whole frame (a `channelRead`) stops it. The idle timer counts
/// from the last byte read or the last answer written, and spares a
/// connection whose requests are still being answered or whose answers are
/// still waiting to be written. Answers waiting that the client takes none
/// of for the write-stall timeout (a client that does not read) close the
/// connection without a frame.
final class ConnectionTimeoutHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let idleTimeout: TimeAmount
    private let frameTimeout: TimeAmount
    private let writeStallTimeout: TimeAmount
    private let inFlight: InFlightCounter
    private let metrics: ServerMetrics?
    private var lastRead = NIODeadline.now()
    private var lastWriteProgress = NIODeadline.uptimeNanoseconds(0)
    private var lastBuffered = 0
    private var idleTimer: Scheduled<Void>?
    private var frameTimer: Scheduled<Void>?
    private var closing = false

    init(
        idleTimeout: TimeAmount,
        frameTimeout: TimeAmount,
        writeStallTimeout: TimeAmount,
        inFlight: InFlightCounter,
        metrics: ServerMetrics? = nil
    ) {
        self.idleTimeout = idleTimeout
        self.frameTimeout = frameTimeout
        self.writeStallTimeout = writeStallTimeout
        self.inFlight = inFlight
        self.metrics = metrics
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            self.scheduleIdleCheck(context: context, in: min(self.idleTimeout, self.writeStallTimeout))
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.scheduleIdleCheck(context: context, in: min(self.idleTimeout, self.writeStallTimeout))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.idleTimer?.cancel()
        self.frameTimer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Once the connection is being closed for a timeout, a frame that
        // still arrives is not served: the client reads the reason, then end
        // of stream, and treats the request as never read (PROTOCOL.md 7).
        guard !self.closing else { return }
        self.lastRead = .now()
        self.frameTimer?.cancel()
        self.frameTimer = nil
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is FramePending {
            self.lastRead = .now()
            if self.frameTimer == nil {
                let timeout = self.frameTimeout
                self.frameTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    self.metrics?.frameRefused(.frameTimeout)
                    self.close(
                        context: context,
                        RPCError(.deadlineExceeded, "frame not completed within \(Self.seconds(timeout)); closing the connection")
                    )
                }
            }
            return
        }
        if let event = event as? ChannelEvent, event == .inputClosed {
            // The client's input has ended: a frame it began will never
            // arrive, and the decoder has already said so (INVALID_ARGUMENT on
            // id 0). The frame timer must not add a second error.
            self.frameTimer?.cancel()
            self.frameTimer = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func scheduleIdleCheck(context: ChannelHandlerContext, in delay: TimeAmount) {
        self.idleTimer?.cancel()
        self.idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            self.checkIdle(context: context)
        }
    }

    private func checkIdle(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        let buffered = (try? context.channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
        if buffered != self.lastBuffered {
            // Written since the last look (down to zero counts too: the last
            // answer just went out).
            self.lastBuffered = buffered
            self.lastWriteProgress = now
        }
        if buffered > 0 || !context.channel.isWritable {
            // Answers wait to be written: the connection is busy, not idle. The
            // kernel shows a client's reading only in steps (the socket turns
            // writable once much of its buffer has drained), so a slow reader
            // can look stalled for a while; only the write-stall timeout, far
            // longer than those steps, decides that the client is not reading.
            let stalledFor = now - self.lastWriteProgress
            if stalledFor >= self.writeStallTimeout {
                self.closing = true
                self.metrics?.writeStallClosed.increment()
                // No frame: it would wait behind the answers the client is not taking.
                context.close(promise: nil)
            } else {
                self.scheduleIdleCheck(context: context, in: max(min(self.idleTimeout, self.writeStallTimeout - stalledFor), .milliseconds(10)))
            }
            return
        }
        let idleFor = now - max(self.lastRead, self.lastWriteProgress, self.inFlight.lastAnswered)
        if idleFor >= self.idleTimeout, self.frameTimer == nil, self.inFlight.isIdle {
            self.metrics?.idleClosed.increment()
            self.close(
                context: context,
                RPCError(.unavailable, "connection idle for \(Self.seconds(self.idleTimeout)); closing it")
            )
        } else {
            // Looks again at least every write-stall timeout, so that answers
            // piling up are seen: a stall is closed within twice the timeout.
            self.scheduleIdleCheck(context: context, in: max(min(self.idleTimeout - idleFor, self.writeStallTimeout), .milliseconds(10)))
        }
    }

    private func close(context: ChannelHandlerContext, _ error: RPCError) {
        guard !self.closing else { return }
        self.closing = true
        var frame = context.channel.allocator.buffer(capacity: 128)
        frame.writeFrame(KostraV1.ResponseEnvelope(id: 0, status: error.status, protocolVersion: ProtocolVersion.current))
        let channel = context.channel
        context.writeAndFlush(NIOAny(frame)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let milliseconds = amount.nanoseconds / 1_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
