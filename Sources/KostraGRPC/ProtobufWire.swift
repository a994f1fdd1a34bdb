/// The few protobuf wire-format pieces the gRPC side writes and reads by
/// hand: `google.rpc.Status` and `google.protobuf.Any` for the rich error
/// trailer, `grpc.health.v1` and `grpc.reflection` messages, and the
/// `FileDescriptorProto`s reflection serves. These messages are not in
/// `Protos/`, so protobuf-c has no code for them, and each is a handful of
/// fields; the server's own messages never come here (KostraCodec encodes them).
///
/// Only three wire types are written: varint (0), length-delimited (2) and,
/// when skipped while reading, fixed 64 (1) and fixed 32 (5).
enum ProtobufWire {
    /// Wire type 0: a varint.
    static let varint: UInt64 = 0
    /// Wire type 1: eight bytes, little-endian.
    static let fixed64: UInt64 = 1
    /// Wire type 2: a length, then that many bytes.
    static let lengthDelimited: UInt64 = 2
    /// Wire type 5: four bytes, little-endian.
    static let fixed32: UInt64 = 5

    /// Appends `value` as a base-128 varint.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Appends field `number` as a varint (an enum, int32 or uint64); proto3
    /// leaves out a zero, and so does this.
    static func appendVarintField(_ number: Int, _ value: UInt64, to bytes: inout [UInt8]) {
        guard value != 0 else { return }
        self.appendVarint(UInt64(number) << 3 | Self.varint, to: &bytes)
        self.appendVarint(value, to: &bytes)
    }

    /// Appends field `number` as length-delimited bytes (a string, bytes or
    /// an embedded message), even when empty: a repeated or oneof field's
    /// empty value is still a value.
    static func appendBytesField(_ number: Int, _ value: some Collection<UInt8>, to bytes: inout [UInt8]) {
        self.appendVarint(UInt64(number) << 3 | Self.lengthDelimited, to: &bytes)
        self.appendVarint(UInt64(value.count), to: &bytes)
        bytes.append(contentsOf: value)
    }

    /// Appends field `number` as a UTF-8 string, left out when empty (a
    /// proto3 singular string).
    static func appendStringField(_ number: Int, _ value: String, to bytes: inout [UInt8]) {
        guard !value.isEmpty else { return }
        self.appendBytesField(number, Array(value.utf8), to: &bytes)
    }
}
