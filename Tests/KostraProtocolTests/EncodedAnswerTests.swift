import KostraCodec
import KostraProtocol
import NIOCore
import Testing

@Suite("EncodedAnswer: an answer encoded once, framed for any id")
struct EncodedAnswerTests {
    static let response = KostraV1.ResponseEnvelope(
        status: KostraV1.Status(code: .ok),
        payload: Array("Bærum 13,9".utf8),
        protocolVersion: ProtocolVersion.current
    )

    // Varint boundaries: 1 byte up to 127, 2 from 128, 3 from 16 384, ... 10 for UInt64.max.
    @Test("head + body is byte for byte the frame protobuf-c makes of the whole envelope", arguments: [
        UInt64(1), 127, 128, 300, 16_383, 16_384, 1 << 32, UInt64.max,
    ])
    func sameBytesAsWholeEnvelope(id: UInt64) throws {
        let answer = EncodedAnswer(Self.response)
        var framed = answer.frameHead(id: id, allocator: ByteBufferAllocator())
        var body = answer.body
        framed.writeBuffer(&body)

        var whole = ByteBuffer()
        var envelope = Self.response
        envelope.id = id
        whole.writeFrame(envelope)

        // protobuf-c writes fields in number order, id (field 1) first: the
        // same bytes, so the splice is exactly what the codec would send.
        #expect(Array(framed.readableBytesView) == Array(whole.readableBytesView))
        #expect(answer.payloadSize(id: id) == whole.readableBytes - FrameHeader.size)

        // And it decodes back through protobuf-c to the envelope with that id.
        var reader = framed
        let header = try #require(reader.peekFrameHeader())
        reader.moveReaderIndex(forwardBy: FrameHeader.size)
        #expect(Int(header.length) == reader.readableBytes)
        let decoded = try reader.decodeMessage(as: KostraV1.ResponseEnvelope.self)
        #expect(decoded == envelope)

        // Gathered behind another frame in one buffer, the same bytes follow it.
        var gathered = ByteBuffer(bytes: [0xAA, 0xBB])
        answer.writeFrame(id: id, into: &gathered)
        #expect(Array(gathered.readableBytesView) == [0xAA, 0xBB] + Array(whole.readableBytesView))
    }

    @Test("an error answer keeps its status and has no payload")
    func errorAnswer() throws {
        let status = KostraV1.Status(code: .notFound, message: "no region matches 'Baerun'")
        let answer = EncodedAnswer(KostraV1.ResponseEnvelope(id: 99, status: status, protocolVersion: 1))
        var framed = answer.frameHead(id: 5, allocator: ByteBufferAllocator())
        var body = answer.body
        framed.writeBuffer(&body)
        framed.moveReaderIndex(forwardBy: FrameHeader.size)
        let decoded = try framed.decodeMessage(as: KostraV1.ResponseEnvelope.self)
        #expect(decoded.id == 5)  // the id given to the head, not the one encoded
        #expect(decoded.status?.code == .notFound)
        #expect(decoded.status?.message == "no region matches 'Baerun'")
        #expect(decoded.payload.isEmpty)
    }

    @Test("an answer made from an error or an OK payload decodes back to it, with the id asked for")
    func madeFromErrorOrPayload() throws {
        let error = EncodedAnswer(RPCError(.notFound, "no region matches 'Baerun'"))
        let decodedError = try error.envelope(id: 12)
        #expect(error.statusCode == .notFound)
        #expect(decodedError.id == 12)
        #expect(decodedError.status?.message == "no region matches 'Baerun'")
        #expect(decodedError.protocolVersion == ProtocolVersion.current)

        let ok = EncodedAnswer(payload: Array("Bærum 13,9".utf8))
        #expect(ok.statusCode == .ok)
        var expected = Self.response
        expected.id = 3
        #expect(try ok.envelope(id: 3) == expected)
    }
}
