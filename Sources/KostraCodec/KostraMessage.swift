/// A protobuf message of the kostra schema, as a Swift value.
///
/// Every message type in ``KostraV1`` conforms. Decoding validates the wire format and the
/// UTF-8 of every string; encoding cannot fail.
///
/// ```swift
/// let region = KostraV1.Region(code: "3201", name: "Bærum", kind: .municipality)
/// let bytes = region.encoded()
/// let decoded = try KostraV1.Region(decoding: bytes)
/// ```
public protocol KostraMessage: Sendable, Hashable {
    /// The full protobuf name, "kostra.v1.Region".
    static var protoMessageName: String { get }

    /// Decodes from protobuf bytes; an empty buffer (even one with a nil base address) gives the
    /// default message. Fields this schema does not know are skipped.
    ///
    /// - Throws: ``DecodingError`` on malformed input or a string that is not valid UTF-8.
    init(decoding bytes: UnsafeRawBufferPointer) throws(DecodingError)

    /// Encodes and hands the bytes to `body` without an extra copy.
    ///
    /// The buffer is only valid inside `body`; its base address is nil when the encoding is empty
    /// (every field at its default).
    func withEncodedBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R

    /// Encodes into a new array.
    func encoded() -> [UInt8]
}

extension KostraMessage {
    /// Decodes from protobuf bytes held in any collection (`[UInt8]`, `ArraySlice<UInt8>`, ...).
    ///
    /// Contiguous collections are read in place; any other is copied into an array first.
    ///
    /// - Throws: ``DecodingError`` on malformed input or a string that is not valid UTF-8.
    public init(decoding bytes: some Collection<UInt8>) throws(DecodingError) {
        let inPlace = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(DecodingError) -> Self in
                try Self(decoding: UnsafeRawBufferPointer(buffer))
            }
        }
        if let inPlace {
            self = try inPlace.get()
            return
        }
        let copy = Array(bytes)
        let result = copy.withUnsafeBytes { buffer in
            Result { () throws(DecodingError) -> Self in
                try Self(decoding: buffer)
            }
        }
        self = try result.get()
    }

    /// Encodes into a new array (through ``withEncodedBytes(_:)``; the generated messages
    /// implement it directly, packing straight into the array).
    public func encoded() -> [UInt8] {
        withEncodedBytes { Array($0) }
    }
}
