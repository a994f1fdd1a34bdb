public import KostraCodec
public import NIOCore

/// An answer encoded once and sent for any request id: a ResponseEnvelope
/// encoded by protobuf-c with its id left at 0 (so absent on the wire), to
/// which each frame adds its own id field in front.
///
/// Protobuf allows a message's fields in any order, so `08 <varint id>`
/// followed by the rest of the envelope decodes to the same message as the
/// envelope encoded whole (`Tests/KostraProtocolTests/EncodedAnswerTests`
/// checks this with protobuf-c). The body is shared, not copied: the frame
/// is written as two buffers, and the socket gathers them.
public struct EncodedAnswer: Sendable {
    /// The envelope without its id, as protobuf-c encodes it.
    public let body: ByteBuffer
    /// The answer's status code (OK, or the error kept), for metrics.
    public let statusCode: StatusCode

    /// Encodes `response` without its id.
    public init(_ response: KostraV1.ResponseEnvelope) {
        self.statusCode = response.status?.code ?? .ok
        var response = response
        response.id = 0
        var body = ByteBuffer()
        response.withEncodedBytes { bytes in
            _ = body.writeBytes(bytes)
        }
        self.body = body
    }

    /// The error answer for `error`.
    public init(_ error: RPCError) {
        self.init(KostraV1.ResponseEnvelope(status: error.status, protocolVersion: ProtocolVersion.current))
    }

    /// The OK answer carrying `payload`, a response message already encoded.
    public init(payload: [UInt8]) {
        self.init(
            KostraV1.ResponseEnvelope(status: KostraV1.Status(code: .ok), payload: payload, protocolVersion: ProtocolVersion.current)
        )
    }

    /// The answer as the envelope a client decodes for request `id`.
    public func envelope(id: UInt64) throws(DecodingError) -> KostraV1.ResponseEnvelope {
        var envelope = try self.body.decodeMessage(as: KostraV1.ResponseEnvelope.self)
        envelope.id = id
        return envelope
    }

    /// The frame's payload size for request `id`.
    public func payloadSize(id: UInt64) -> Int {
        Self.idFieldSize(id) + self.body.readableBytes
    }

    /// The part of the frame that differs per request: the 5-byte header and
    /// the id field. Send ``body`` after it.
    public func frameHead(id: UInt64, allocator: ByteBufferAllocator) -> ByteBuffer {
        var head = allocator.buffer(capacity: FrameHeader.size + Self.idFieldSize(id))
        self.writeHead(id: id, into: &head)
        return head
    }

    /// Appends the whole frame for request `id`, head and body, to `buffer`:
    /// for gathering several small answers into one write.
    public func writeFrame(id: UInt64, into buffer: inout ByteBuffer) {
        self.writeHead(id: id, into: &buffer)
        buffer.writeImmutableBuffer(self.body)
    }

    /// Appends the head of the frame for request `id` (header and id field) to
    /// `head`; send ``body`` after it.
    public func writeHead(id: UInt64, into head: inout ByteBuffer) {
        let idSize = Self.idFieldSize(id)
        _ = head.writeFrameHeader(FrameHeader(length: UInt32(idSize + self.body.readableBytes)))
        if id != 0 {
            head.writeInteger(UInt8(0x08))  // field 1 (id), wire type 0 (varint)
            var value = id
            while value >= 0x80 {
                head.writeInteger(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            head.writeInteger(UInt8(value))
        }
    }

    private static func idFieldSize(_ id: UInt64) -> Int {
        guard id != 0 else { return 0 }
        let bits = 64 - id.leadingZeroBitCount
        return 1 + (bits + 6) / 7
    }
}
