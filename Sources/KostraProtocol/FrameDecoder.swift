public import NIOCore

/// Splits a byte stream into frame payloads.
///
/// The length in each header is checked against ``maximumPayloadSize`` as
/// soon as the five header bytes are there, before a byte of the payload is
/// waited for, so a peer cannot make the server buffer an oversized frame.
/// The payload is passed on as a slice of the receive buffer, not a copy.
public struct FrameDecoder: ByteToMessageDecoder, Sendable {
    /// Each frame's payload.
    public typealias InboundOut = ByteBuffer

    /// The default limit on a payload: 4 MiB.
    public static let defaultMaximumPayloadSize = 4 * 1024 * 1024

    /// The largest payload accepted.
    public let maximumPayloadSize: Int

    /// A decoder refusing payloads above `maximumPayloadSize` bytes.
    public init(maximumPayloadSize: Int = FrameDecoder.defaultMaximumPayloadSize) {
        precondition(maximumPayloadSize >= 0, "maximumPayloadSize must not be negative")
        self.maximumPayloadSize = maximumPayloadSize
    }

    /// Decodes one frame if a whole one is buffered. When bytes of a frame
    /// not yet whole remain, it says so with ``FramePending`` as a user
    /// inbound event, so that a handler behind it can time a slow frame.
    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let payload = try self.nextPayload(from: &buffer) else {
            if buffer.readableBytes > 0 {
                context.fireUserInboundEventTriggered(FramePending(bufferedBytes: buffer.readableBytes))
            }
            return .needMoreData
        }
        context.fireChannelRead(Self.wrapInboundOut(payload))
        return .continue
    }

    /// Passes on the last whole frames; a partial frame left at the end of
    /// the stream is an error.
    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        while let payload = try self.nextPayload(from: &buffer) {
            context.fireChannelRead(Self.wrapInboundOut(payload))
        }
        if buffer.readableBytes > 0 {
            throw FramingError(.truncatedFrame(bufferedBytes: buffer.readableBytes))
        }
        return .needMoreData
    }

    /// Takes one frame's payload off the front of `buffer`, or returns nil
    /// when the frame is not yet whole. Usable without a channel, as the
    /// client and the fuzz targets use it.
    public func nextPayload(from buffer: inout ByteBuffer) throws(FramingError) -> ByteBuffer? {
        guard let header = buffer.peekFrameHeader() else { return nil }
        guard header.flags == 0 else {
            throw FramingError(.unsupportedFlags(header.flags))
        }
        guard header.length <= self.maximumPayloadSize else {
            throw FramingError(.frameTooLarge(length: header.length, limit: self.maximumPayloadSize))
        }
        let length = Int(header.length)
        guard buffer.readableBytes >= FrameHeader.size + length else { return nil }
        buffer.moveReaderIndex(forwardBy: FrameHeader.size)
        return buffer.readSlice(length: length)
    }
}
