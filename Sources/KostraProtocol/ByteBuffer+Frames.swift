public import KostraCodec
public import NIOCore

extension ByteBuffer {
    /// Appends `message` as one frame: the header, then the encoded message.
    /// The message is encoded straight into the buffer, with no copy between.
    @discardableResult
    public mutating func writeFrame(_ message: some KostraMessage) -> Int {
        message.withEncodedBytes { bytes in
            self.writeFrameHeader(FrameHeader(length: UInt32(bytes.count))) + self.writeBytes(bytes)
        }
    }

    /// Decodes the whole readable part of the buffer as a message.
    public func decodeMessage<M: KostraMessage>(as type: M.Type = M.self) throws(DecodingError) -> M {
        try self.withUnsafeReadableBytes { bytes throws(DecodingError) in
            try M(decoding: bytes)
        }
    }
}
