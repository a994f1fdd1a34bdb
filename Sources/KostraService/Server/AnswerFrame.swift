import KostraCodec
import KostraProtocol
import NIOCore

/// The frames the server writes: an answer for a request id (within the
/// response size limit), an error, and the envelope checks made before any
/// handler sees a request.
enum AnswerFrame {
    /// The frame for `answer` on request `id`, as the per-request head and the
    /// shared body (which the socket gathers without a copy), and the status
    /// code it carries; RESOURCE_EXHAUSTED on `id` instead when the answer is
    /// larger than `limit`.
    static func frame(
        _ answer: EncodedAnswer,
        id: UInt64,
        limit: Int,
        allocator: ByteBufferAllocator
    ) -> (head: ByteBuffer, body: ByteBuffer?, code: StatusCode) {
        if let error = Self.oversized(answer, id: id, limit: limit) {
            return (Self.error(id: id, error), nil, .resourceExhausted)
        }
        return (answer.frameHead(id: id, allocator: allocator), answer.body, answer.statusCode)
    }

    /// RESOURCE_EXHAUSTED when the frame for `answer` on request `id` would be
    /// larger than `limit`, saying what to do about it.
    static func oversized(_ answer: EncodedAnswer, id: UInt64, limit: Int) -> RPCError? {
        let size = answer.payloadSize(id: id)
        guard size > limit else { return nil }
        return RPCError(
            .resourceExhausted,
            "the answer is \(size) bytes, more than the limit of \(limit); ask for less (fewer regions, years or indicators)"
        )
    }

    /// A frame carrying an error answer.
    static func error(id: UInt64, _ error: RPCError) -> ByteBuffer {
        var buffer = ByteBuffer()
        Self.writeError(id: id, error, into: &buffer)
        return buffer
    }

    /// Appends a frame carrying an error answer to `buffer`.
    static func writeError(id: UInt64, _ error: RPCError, into buffer: inout ByteBuffer) {
        buffer.writeFrame(
            KostraV1.ResponseEnvelope(id: id, status: error.status, protocolVersion: ProtocolVersion.current)
        )
    }

    /// Checks the envelope's own fields before any handler sees it.
    static func validate(_ envelope: KostraV1.RequestEnvelope) -> RPCError? {
        if envelope.id == 0 {
            return RPCError.invalidArgument(field: "id", "request id must be non-zero (0 is reserved for connection errors)")
        }
        if !ProtocolVersion.isSupported(envelope.protocolVersion) {
            return RPCError(
                .unimplemented,
                "protocol version \(envelope.protocolVersion) is not supported; this server speaks \(ProtocolVersion.current)"
            )
        }
        return nil
    }
}
