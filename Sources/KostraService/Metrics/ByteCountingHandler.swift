import CoreMetrics
import NIOCore

/// Counts the bytes a connection reads and writes, first in the pipeline
/// (so on the wire, TLS included).
///
/// It adds up on the event loop and hands the sums to the shared counters
/// once per read batch and once per flush, not per buffer, so that many
/// connections pipelining small frames do not all contend on one atomic
/// per frame.
final class ByteCountingHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let metrics: ServerMetrics
    private var read = 0
    private var written = 0

    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.read += self.unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.report()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.report()
        context.fireChannelInactive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        self.written += self.unwrapOutboundIn(data).readableBytes
        context.write(data, promise: promise)
    }

    func flush(context: ChannelHandlerContext) {
        self.report()
        context.flush()
    }

    private func report() {
        if self.read > 0 {
            self.metrics.bytesIn.increment(by: Int64(self.read))
            self.read = 0
        }
        if self.written > 0 {
            self.metrics.bytesOut.increment(by: Int64(self.written))
            self.written = 0
        }
    }
}
