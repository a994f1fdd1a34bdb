public import GRPCCore

/// Sends a message that is already encoded: the bytes protobuf-c made
/// (through the router and KostraCodec), copied into gRPC's buffer as they
/// are. With ``RawBytesDeserializer`` it keeps every encoding decision on
/// the kostra side, so the gRPC port answers byte for byte what the native
/// port answers, and the server needs no swift-protobuf.
public struct RawBytesSerializer: MessageSerializer {
    /// A serializer of encoded messages.
    public init() {}

    /// The bytes, unchanged.
    public func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        Bytes(message)
    }
}
