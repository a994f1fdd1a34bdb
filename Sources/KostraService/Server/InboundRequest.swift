import KostraCodec
import NIOCore

/// A request the event loop could not answer at once (its handler may
/// suspend, or declares itself expensive), admitted within the connection's
/// in-flight limit and on its way to the serving loop (``ConnectionServer``),
/// which answers it in a task.
struct InboundRequest: Sendable {
    /// The request, decoded and validated on the event loop.
    let envelope: KostraV1.RequestEnvelope
    /// Its context: id, method, deadline, metadata and logger.
    let context: RequestContext
    /// When its frame was read, for its latency.
    let receivedAt: ContinuousClock.Instant
    /// The router of the moment it was read: it is answered over that data.
    let router: Router
}
