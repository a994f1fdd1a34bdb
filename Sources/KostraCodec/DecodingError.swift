/// Why bytes could not be decoded as a message.
///
/// The name is also that of the standard library's `Swift.DecodingError` (of `Codable`); write
/// `KostraCodec.DecodingError` where both are visible and the compiler asks.
public struct DecodingError: Error, Hashable, CustomStringConvertible {
    /// The full protobuf name of the message being decoded ("kostra.v1.Region").
    public var messageName: String
    /// How many bytes were given.
    public var byteCount: Int
    /// What was wrong: "not valid protobuf", or "field 'regions[2].name' is not valid UTF-8"
    /// (the path uses the proto field names).
    public var reason: String

    /// Creates an error.
    public init(messageName: String, byteCount: Int, reason: String) {
        self.messageName = messageName
        self.byteCount = byteCount
        self.reason = reason
    }

    /// "cannot decode kostra.v1.Region from 12 bytes: not valid protobuf".
    public var description: String {
        "cannot decode \(messageName) from \(byteCount) bytes: \(reason)"
    }
}

/// A field whose value could not be turned into Swift, found while converting protobuf-c's
/// unpacked message; ``CodecRuntime`` turns it into a ``DecodingError``.
struct FieldError: Error {
    /// The field's path from the message being decoded, in proto names: "regions[2].name".
    var path: String
    /// What is wrong with it: "is not valid UTF-8".
    var problem: String

    /// The same error seen from the message that holds `field`.
    func inside(_ field: String) -> FieldError {
        FieldError(path: field + "." + path, problem: problem)
    }
}
