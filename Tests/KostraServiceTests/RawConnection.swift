import KostraCodec
import KostraProtocol
import KostraService
import NIOCore
import NIOPosix

/// A connection that writes whatever bytes a test gives it and reads back
/// whole frames: for pipelining, garbage and truncation tests that the
/// well-behaved client cannot express.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// - Parameter receiveBuffer: the socket's receive buffer in bytes (SO_RCVBUF, which also
    ///   stops the kernel growing it); nil leaves the system's default and autotuning.
    static func with<Result: Sendable>(
        port: Int,
        receiveBuffer: Int? = nil,
        _ body: (NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws -> Result
    ) async throws -> Result {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(inbound.makeAsyncIterator(), outbound)
        }
    }
}

extension NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator {
    /// The next frame, read as a ResponseEnvelope; nil when the server closed.
    mutating func nextResponse() async throws -> KostraV1.ResponseEnvelope? {
        guard let frame = try await self.next() else { return nil }
        return try frame.decodeMessage(as: KostraV1.ResponseEnvelope.self)
    }
}

/// A request frame.
func requestFrame(
    id: UInt64,
    method: String,
    payload: [UInt8] = [],
    timeoutMs: UInt32 = 0
) -> ByteBuffer {
    var buffer = ByteBuffer()
    buffer.writeFrame(KostraV1.RequestEnvelope(id: id, method: method, timeoutMs: timeoutMs, payload: payload))
    return buffer
}

/// A handler that waits the number of milliseconds given (little-endian
/// UInt16 in the first two payload bytes), then echoes the payload: it lets
/// tests control the order in which answers become ready. `started`, when
/// given, hears of each request as the handler begins it, so a test knows
/// the server has read it.
struct SleepHandler: RPCHandler {
    static let path = "/kostra.test.Test/Sleep"

    var started: AsyncStream<UInt64>.Continuation? = nil

    func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8] {
        self.started?.yield(context.id)
        let milliseconds = payload.count >= 2 ? Int(payload[0]) | Int(payload[1]) << 8 : 0
        do {
            try await Task.sleep(for: .milliseconds(milliseconds))
        } catch {
            throw RPCError(.cancelled, "sleep cancelled")
        }
        return payload
    }

    static func payload(milliseconds: Int) -> [UInt8] {
        [UInt8(milliseconds & 0xFF), UInt8(milliseconds >> 8)]
    }
}
