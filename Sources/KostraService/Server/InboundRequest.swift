import KostraCodec
import NIOCore

/// A frame on its way to the serving loop: decoded once, on the event loop.
enum InboundRequest: Sendable {
    /// A request envelope, decoded.
    case envelope(KostraV1.RequestEnvelope, receivedAt: ContinuousClock.Instant)
    /// A frame that is not a RequestEnvelope, and why.
    case undecodable(DecodingError)
}
