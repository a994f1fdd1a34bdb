public import KostraCodec

/// A method of the kostra service: its path on the wire and the types of its
/// request and response. The path is the one gRPC would use,
/// "/kostra.v1.Kostra/GetSeries".
public struct Method<Request: KostraMessage, Response: KostraMessage>: Sendable, Hashable {
    /// The path sent in `RequestEnvelope.method`.
    public let path: String

    /// A method with the given path.
    public init(path: String) {
        self.path = path
    }

    /// A method of the `kostra.v1.Kostra` service.
    public init(kostra name: String) {
        self.path = "/kostra.v1.Kostra/\(name)"
    }
}
