public import NIOCore

/// The five bytes in front of every message on a kostra connection, laid out
/// as gRPC lays out its length-prefixed messages:
///
/// ```
/// +--------+--------+--------+--------+--------+=============+
/// |  flags |        length (big-endian)        |   payload   |
/// +--------+--------+--------+--------+--------+=============+
/// ```
///
/// Bit 0 of `flags` is gRPC's "compressed" bit; kostra defines no compression,
/// so every flag bit must be zero and a frame with any bit set is refused.
public struct FrameHeader: Sendable, Hashable {
    /// The size of the header in bytes.
    public static let size = 5

    /// gRPC's compressed-flag bit. Not supported by kostra.
    public static let compressedFlag: UInt8 = 0x01

    /// The flag byte.
    public var flags: UInt8
    /// The number of payload bytes that follow the header.
    public var length: UInt32

    /// A header for an uncompressed payload of `length` bytes.
    public init(flags: UInt8 = 0, length: UInt32) {
        self.flags = flags
        self.length = length
    }
}

extension ByteBuffer {
    /// Reads a frame header if five bytes are readable, without consuming them.
    public func peekFrameHeader() -> FrameHeader? {
        guard let flags = self.getInteger(at: self.readerIndex, as: UInt8.self),
            let length = self.getInteger(at: self.readerIndex + 1, endianness: .big, as: UInt32.self)
        else { return nil }
        return FrameHeader(flags: flags, length: length)
    }

    /// Writes a frame header.
    @discardableResult
    public mutating func writeFrameHeader(_ header: FrameHeader) -> Int {
        self.writeInteger(header.flags) + self.writeInteger(header.length, endianness: .big)
    }
}
