import NIOCore
import NIOHTTP1

/// Answers one HTTP request of ``OpsServer`` and closes the connection.
final class OpsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let health: HealthState
    private let metricsText: (@Sendable () -> [UInt8])?
    private var head: HTTPRequestHead?

    init(health: HealthState, metricsText: (@Sendable () -> [UInt8])?) {
        self.health = health
        self.metricsText = metricsText
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            if let head = self.head {
                self.head = nil
                self.respond(to: head, context: context)
            }
        }
    }

    /// The status, content type and body for a request.
    func answer(method: HTTPMethod, uri: String) -> (HTTPResponseStatus, String, [UInt8]) {
        let text = "text/plain; charset=utf-8"
        guard method == .GET || method == .HEAD else {
            return (.methodNotAllowed, text, Array("only GET and HEAD\n".utf8))
        }
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
        switch path {
        case "/metrics":
            guard let metricsText = self.metricsText else {
                return (.notFound, text, Array("metrics are off\n".utf8))
            }
            return (.ok, "text/plain; version=0.0.4; charset=utf-8", metricsText())
        case "/healthz":
            return (.ok, text, Array("ok\n".utf8))
        case "/readyz":
            let phase = self.health.currentPhase
            return (phase == .serving ? .ok : .serviceUnavailable, text, Array("\(phase)\n".utf8))
        default:
            return (.notFound, text, Array("not found; try /metrics, /healthz or /readyz\n".utf8))
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let (status, contentType, body) = self.answer(method: request.method, uri: request.uri)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.count)")
        headers.add(name: "Connection", value: "close")
        if status == .methodNotAllowed {
            headers.add(name: "Allow", value: "GET, HEAD")
        }
        context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD {
            context.write(self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
