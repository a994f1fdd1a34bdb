public import GRPCCore

/// Receives a message as its bytes, undecoded: the router decodes them
/// with protobuf-c for the method they were sent to (and answers
/// INVALID_ARGUMENT when they are not that method's message), as it does
/// for the native port's payloads.
public struct RawBytesDeserializer: MessageDeserializer {
    /// A deserializer that keeps the bytes.
    public init() {}

    /// The bytes, copied out of gRPC's buffer.
    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}
