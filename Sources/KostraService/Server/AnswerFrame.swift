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
        let size = answer.payloadSize(id: id)
        guard size <= limit else {
            let error = RPCError(
                .resourceExhausted,
                "the answer is \(size) bytes, more than the limit of \(limit); ask for less (fewer regions, years or indicators)"
            )
            return (Self.error(id: id, error), nil, .resourceExhausted)
        }
        return (answer.frameHead(id: id, allocator: allocator), answer.body, answer.statusCode)
    }

    /// A frame carrying an error answer.
    static func error(id: UInt64, _ error: RPCError) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(
            KostraV1.ResponseEnvelope(id: id, status: error.status, protocolVersion: ProtocolVersion.current)
        )
        return buffer
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
