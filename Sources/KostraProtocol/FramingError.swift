/// Why a byte stream could not be read as kostra frames. Each of these ends
/// the connection: once framing is lost, no later byte can be trusted.
public struct FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The header announced a payload longer than the limit.
        case frameTooLarge(length: UInt32, limit: Int)
        /// The flag byte had bits set that the protocol does not define.
        case unsupportedFlags(UInt8)
        /// The stream ended part-way through a frame.
        case truncatedFrame(bufferedBytes: Int)
    }

    /// What went wrong.
    public var kind: Kind

    /// Wraps a kind.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The status code an error frame reporting this error carries.
    public var statusCode: StatusCode {
        switch self.kind {
        case .frameTooLarge: .resourceExhausted
        case .unsupportedFlags: .unimplemented
        case .truncatedFrame: .invalidArgument
        }
    }

    /// One sentence for a person.
    public var description: String {
        switch self.kind {
        case .frameTooLarge(let length, let limit):
            "frame header announces \(length) bytes, more than the limit of \(limit) bytes"
        case .unsupportedFlags(let flags):
            "frame flag byte is 0x\(String(flags, radix: 16)), but only 0x00 is defined (no compression)"
        case .truncatedFrame(let buffered):
            "connection ended inside a frame, \(buffered) bytes into it"
        }
    }
}
