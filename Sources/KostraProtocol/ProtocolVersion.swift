/// The protocol version this code speaks, carried in every envelope.
public enum ProtocolVersion {
    /// Version 1: the framing and envelopes PROTOCOL.md describes.
    public static let current: UInt32 = 1

    /// Whether a peer's announced version can be served. 0 is read as 1.
    public static func isSupported(_ version: UInt32) -> Bool {
        version == 0 || version == current
    }
}
