public import GRPCCore
public import KostraCodec

/// gRPC's serializer for a kostra message: encodes with protobuf-c through
/// ``KostraCodec``, so that a gRPC peer puts the same bytes on the wire as
/// kostra does and only the transport differs.
public struct KostraCodecSerializer<Message: KostraMessage>: MessageSerializer {
    /// A serializer of `Message`.
    public init() {}

    public func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
        message.withEncodedBytes { Bytes($0) }
    }
}

/// gRPC's deserializer for a kostra message: decodes with protobuf-c through
/// ``KostraCodec``; malformed bytes are an INVALID_ARGUMENT (internal on the
/// client side, where gRPC itself maps the error).
public struct KostraCodecDeserializer<Message: KostraMessage>: MessageDeserializer {
    /// A deserializer of `Message`.
    public init() {}

    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
        do {
            return try serializedMessageBytes.withUnsafeBytes { buffer throws(DecodingError) in
                try Message(decoding: buffer)
            }
        } catch {
            throw RPCError(code: .invalidArgument, message: "cannot decode \(Message.protoMessageName): \(error)")
        }
    }
}
