import Histogram
import KostraCodec
import KostraProtocol
import NIOCore

/// One connection of a load run: sends requests, reads the answers, and
/// records each latency in its own histogram (no lock on the hot path; the
/// histograms are merged at the end).
///
/// Closed loop: `depth` requests in flight, each answer sends the next; the
/// frames are encoded before the run, one per slot (a slot's id is reused
/// once its answer is in). Open loop: a timer sends each request when it is
/// due, whatever is in flight, and latency counts from when it was due, so
/// a stalled server shows as latency rather than as fewer requests sent
/// (no coordinated omission).
final class LoadConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// How requests are paced.
    enum Pacing: Sendable {
        /// `depth` requests in flight; each answer sends the next.
        case closed(depth: Int)
        /// One request every `interval`, on schedule.
        case open(interval: TimeAmount)
    }

    /// What the connection measured.
    struct Result: Sendable {
        var histogram: Histogram<UInt64>
        var answered = 0
        var errors = 0
        var errorsByCode: [String: Int] = [:]
        var unanswered = 0
        /// Bytes of answer frames recorded, header included.
        var answerBytes = 0
    }

    private let rotation: [BenchRequest]
    private let counters: LoadCounters
    private let pacing: Pacing
    private var result = Result(histogram: Histogram(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three))

    // Closed loop: per slot, its frames (one per request in the rotation), when it was sent, and where it is in the rotation.
    private var slotFrames: [[ByteBuffer]] = []
    private var slotSentAt: [UInt64] = []
    private var slotPosition: [Int] = []

    // Open loop: the schedule.
    private var start: UInt64 = 0
    private var nextIndex: UInt64 = 0
    private var timer: Scheduled<Void>?

    private var recordFrom: UInt64 = 0
    private var outstanding = 0
    private var stopping = false
    private var finished: EventLoopPromise<Void>?

    /// Where in the rotation this connection starts, so that connections going round a long
    /// rotation (`bench --random`) do not send the same requests at the same time.
    private let offset: Int
    /// A rotation longer than this is encoded request by request, not all up front per slot.
    static let precomputedRotation = 256

    init(rotation: [BenchRequest], pacing: Pacing, counters: LoadCounters, offset: Int = 0) {
        self.rotation = rotation
        self.pacing = pacing
        self.counters = counters
        self.offset = rotation.isEmpty ? 0 : offset % rotation.count
    }

    /// Begins sending; answers to requests sent before `recordFrom` (the
    /// warm-up) are not recorded. The future completes when ``stop(context:)``
    /// has been called and every answer is in, or the connection closed.
    ///
    /// Open loop: the first request is due at `openStart`; the generator
    /// staggers the connections' starts over one interval, so that together
    /// they send evenly spaced requests rather than all at once.
    func start(context: ChannelHandlerContext, recordFrom: NIODeadline, openStart: NIODeadline) -> EventLoopFuture<Void> {
        let promise = context.eventLoop.makePromise(of: Void.self)
        self.finished = promise
        self.recordFrom = recordFrom.uptimeNanoseconds
        switch self.pacing {
        case .closed(let depth):
            if self.rotation.count <= Self.precomputedRotation {
                self.slotFrames = (0..<depth).map { slot in
                    self.rotation.map { Self.frame(id: UInt64(slot + 1), request: $0, allocator: context.channel.allocator) }
                }
            }
            self.slotSentAt = Array(repeating: 0, count: depth)
            // Spread the slots over the rotation so a mix is mixed from the start.
            self.slotPosition = (0..<depth).map { (self.offset + $0) % self.rotation.count }
            for slot in 0..<depth {
                self.send(slot: slot, context: context)
            }
            context.flush()
            if self.outstanding == 0 { self.finish() }
        case .open(let interval):
            self.start = openStart.uptimeNanoseconds
            self.timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: openStart) {
                self.tick(interval: interval, context: context)
            }
        }
        return promise.futureResult
    }

    /// Sends nothing more; the future of ``start(context:recordFrom:)``
    /// completes when the answers still due are in.
    func stop(context: ChannelHandlerContext) {
        self.stopping = true
        self.timer?.cancel()
        self.timer = nil
        if self.outstanding == 0 { self.finish() }
    }

    /// What was measured; the requests still unanswered count as errors.
    func takeResult() -> Result {
        var result = self.result
        result.unanswered = self.outstanding
        return result
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = self.unwrapInboundIn(data)
        let now = NIODeadline.now().uptimeNanoseconds
        let frameBytes = frame.readableBytes + FrameHeader.size
        guard let envelope = try? frame.decodeMessage(as: KostraV1.ResponseEnvelope.self) else {
            self.record(code: .internal, sentAt: nil, now: now)
            return
        }
        let code = envelope.status?.code ?? .ok
        if envelope.id == 0 {
            // A connection-level error: no request is answered by it.
            self.record(code: code, sentAt: nil, now: now)
            return
        }
        self.outstanding -= 1
        switch self.pacing {
        case .closed:
            let slot = Int(envelope.id) - 1
            guard slot >= 0, slot < self.slotSentAt.count else {
                self.record(code: .internal, sentAt: nil, now: now)
                return
            }
            self.record(code: code, sentAt: self.slotSentAt[slot], now: now, bytes: frameBytes)
            if !self.stopping {
                self.send(slot: slot, context: context)
            }
        case .open(let interval):
            let due = self.start &+ (envelope.id - 1) &* UInt64(interval.nanoseconds)
            self.record(code: code, sentAt: due, now: now, bytes: frameBytes)
        }
        if self.stopping, self.outstanding == 0 { self.finish() }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // One flush for every request sent while reading a batch of answers.
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func send(slot: Int, context: ChannelHandlerContext) {
        guard self.counters.take() else {
            self.stopping = true
            return
        }
        let position = self.slotPosition[slot]
        self.slotPosition[slot] = (position + 1) % self.rotation.count
        self.slotSentAt[slot] = NIODeadline.now().uptimeNanoseconds
        self.outstanding += 1
        let frame =
            self.slotFrames.isEmpty
            ? Self.frame(id: UInt64(slot + 1), request: self.rotation[position], allocator: context.channel.allocator)
            : self.slotFrames[slot][position]
        context.write(self.wrapOutboundOut(frame), promise: nil)
    }

    /// Sends what is due, then comes back when the next request is due (NIO's
    /// timers on Linux are timerfd, to the microsecond): a timer on a fixed
    /// period would send each request up to a period late and count that
    /// lateness as the server's latency.
    private func tick(interval: TimeAmount, context: ChannelHandlerContext) {
        self.sendDue(interval: interval, context: context)
        guard !self.stopping else { return }
        let nextDue = self.start &+ self.nextIndex &* UInt64(interval.nanoseconds)
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: .uptimeNanoseconds(nextDue)) {
            self.tick(interval: interval, context: context)
        }
    }

    private func sendDue(interval: TimeAmount, context: ChannelHandlerContext) {
        guard !self.stopping else { return }
        let now = NIODeadline.now().uptimeNanoseconds
        let step = UInt64(interval.nanoseconds)
        var sent = false
        while self.start &+ self.nextIndex &* step <= now {
            guard self.counters.take() else {
                self.stop(context: context)
                break
            }
            let request = self.rotation[Int((UInt64(self.offset) + self.nextIndex) % UInt64(self.rotation.count))]
            self.nextIndex += 1
            self.outstanding += 1
            context.write(
                self.wrapOutboundOut(Self.frame(id: self.nextIndex, request: request, allocator: context.channel.allocator)),
                promise: nil
            )
            sent = true
        }
        if sent { context.flush() }
    }

    private func record(code: KostraV1.Code, sentAt: UInt64?, now: UInt64, bytes: Int = 0) {
        let isError = code != .ok
        self.counters.answered(error: isError)
        if let sentAt {
            guard sentAt >= self.recordFrom else { return }  // warm-up
            let micros = now > sentAt ? (now - sentAt) / 1_000 : 0
            _ = self.result.histogram.record(min(micros, self.result.histogram.highestTrackableValue))
            self.result.answered += 1
            self.result.answerBytes += bytes
        }
        if isError {
            self.result.errors += 1
            self.result.errorsByCode[code.name, default: 0] += 1
        }
    }

    private func finish() {
        self.finished?.succeed()
        self.finished = nil
    }

    private static func frame(id: UInt64, request: BenchRequest, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: request.payload.count + request.path.utf8.count + 32)
        buffer.writeFrame(
            KostraV1.RequestEnvelope(
                id: id,
                method: request.path,
                payload: request.payload,
                protocolVersion: ProtocolVersion.current
            )
        )
        return buffer
    }
}
