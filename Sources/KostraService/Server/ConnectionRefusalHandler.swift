import KostraProtocol
import NIOCore

/// Answers a connection the server will not serve (over the connection
/// limit, or arriving while the server drains) with one error frame on
/// request id 0, then closes it.
final class ConnectionRefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let error: RPCError

    init(_ error: RPCError) {
        self.error = error
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(self.wrapOutboundOut(AnswerFrame.error(id: 0, self.error))).whenComplete { _ in
            channel.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Nothing it sends is served.
    }
}
