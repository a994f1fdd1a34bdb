import NIOCore

/// An accepted connection as the accept loop receives it: the async channel
/// and the in-flight counter its timeout handler consults.
struct ConnectionChannel: Sendable {
    let channel: NIOAsyncChannel<InboundRequest, ByteBuffer>
    let inFlight: InFlightCounter
}
