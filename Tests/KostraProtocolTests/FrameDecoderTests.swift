import KostraProtocol
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@Suite("Frame decoder")
struct FrameDecoderTests {
    /// A frame: flag byte, 4-byte big-endian length, payload.
    static func frame(_ payload: [UInt8], flags: UInt8 = 0) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(flags)
        buffer.writeInteger(UInt32(payload.count), endianness: .big)
        buffer.writeBytes(payload)
        return buffer
    }

    static let payloads: [[UInt8]] = [
        [],
        [0x08, 0x01],
        Array("Bærum 3201".utf8),
        (0..<1000).map { UInt8($0 % 251) },
    ]

    @Test("whole, byte by byte and in shuffled chunks: every payload comes out intact")
    func verifier() throws {
        let cases = Self.payloads.map { payload in
            (Self.frame(payload), [ByteBuffer(bytes: payload)])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: cases) {
            FrameDecoder(maximumPayloadSize: 4096)
        }
    }

    @Test("a header byte by byte: nothing comes out until the payload is whole")
    func partialHeader() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder()))
        let frame = Self.frame([1, 2, 3])
        for index in 0..<(frame.readableBytes - 1) {
            try channel.writeInbound(frame.getSlice(at: index, length: 1)!)
            #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
        }
        try channel.writeInbound(frame.getSlice(at: frame.readableBytes - 1, length: 1)!)
        #expect(try channel.readInbound(as: ByteBuffer.self) == ByteBuffer(bytes: [1, 2, 3]))
        #expect(try channel.finish().isClean)
    }

    @Test("several frames in one read all come out, in order")
    func pipelined() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder()))
        var buffer = ByteBuffer()
        for payload in Self.payloads {
            var frame = Self.frame(payload)
            buffer.writeBuffer(&frame)
        }
        try channel.writeInbound(buffer)
        for payload in Self.payloads {
            #expect(try channel.readInbound(as: ByteBuffer.self) == ByteBuffer(bytes: payload))
        }
        #expect(try channel.finish().isClean)
    }

    @Test("an oversized length is refused from the header alone, before any payload byte")
    func oversizedRefusedBeforeBuffering() throws {
        let limit = 1024
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumPayloadSize: limit)))
        // Only the five header bytes: 0x00, then 1025 = 0x00000401 big-endian.
        var header = ByteBuffer()
        header.writeBytes([0x00, 0x00, 0x00, 0x04, 0x01])
        #expect {
            try channel.writeInbound(header)
        } throws: { error in
            (error as? FramingError) == FramingError(.frameTooLarge(length: 1025, limit: 1024))
        }
        _ = try? channel.finish()
    }

    @Test("a length exactly at the limit is accepted")
    func atLimit() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumPayloadSize: 16)))
        try channel.writeInbound(Self.frame(Array(repeating: 7, count: 16)))
        #expect(try channel.readInbound(as: ByteBuffer.self)?.readableBytes == 16)
        #expect(try channel.finish().isClean)
    }

    @Test("the default limit is 4 MiB and 0xFFFFFFFF is refused")
    func defaultLimit() throws {
        #expect(FrameDecoder.defaultMaximumPayloadSize == 4 * 1024 * 1024)
        var buffer = ByteBuffer(bytes: [0x00, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: FramingError(.frameTooLarge(length: 0xFFFF_FFFF, limit: 4 * 1024 * 1024))) {
            try FrameDecoder().nextPayload(from: &buffer)
        }
    }

    @Test("a flag byte other than 0 (compression, reserved bits) is refused", arguments: [0x01, 0x02, 0x80, 0xFF] as [UInt8])
    func flags(flags: UInt8) throws {
        var buffer = Self.frame([1, 2], flags: flags)
        #expect(throws: FramingError(.unsupportedFlags(flags))) {
            try FrameDecoder().nextPayload(from: &buffer)
        }
    }

    @Test("a stream that ends inside a frame is an error naming how far it got")
    func truncated() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder()))
        var frame = Self.frame([1, 2, 3, 4, 5, 6])
        try channel.writeInbound(frame.readSlice(length: 8)!)
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
        #expect(throws: FramingError(.truncatedFrame(bufferedBytes: 8))) {
            _ = try channel.finish()
        }
    }

    @Test("nextPayload leaves a partial frame in the buffer untouched")
    func partialUntouched() throws {
        var buffer = Self.frame([9, 9, 9])
        buffer.moveWriterIndex(to: buffer.writerIndex - 1)
        let before = buffer
        #expect(try FrameDecoder().nextPayload(from: &buffer) == nil)
        #expect(buffer == before)
    }
}
