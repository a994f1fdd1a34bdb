public import GRPCCore
public import KostraCodec

/// A message already encoded by protobuf-c, kept and sent as it is: what
/// kostra's server does with an answer it has computed before (its cache
/// holds answers encoded), so the gRPC peer can do the same.
public struct PreEncoded<Message: KostraMessage>: Sendable, Hashable {
    /// The encoding of a `Message`.
    public let bytes: [UInt8]

    /// Encodes `message` once.
    public init(_ message: Message) {
        self.bytes = message.encoded()
    }

    /// Bytes that are the encoding of a `Message` (the caller vouches for it).
    public init(encodedBytes: [UInt8]) {
        self.bytes = encodedBytes
    }
}

/// Sends a ``PreEncoded`` message's bytes: a copy into gRPC's buffer, no encoding.
public struct PreEncodedSerializer<Message: KostraMessage>: MessageSerializer {
    /// A serializer of pre-encoded `Message`s.
    public init() {}

    public func serialize<Bytes: GRPCContiguousBytes>(_ message: PreEncoded<Message>) throws -> Bytes {
        Bytes(message.bytes)
    }
}
