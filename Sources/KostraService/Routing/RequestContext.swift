public import KostraCodec
public import KostraProtocol
public import Logging

/// What a handler knows about the request it serves, beyond its message.
public struct RequestContext: Sendable {
    /// The request's id on its connection.
    public var id: UInt64
    /// The method path.
    public var method: String
    /// When the answer stops being wanted.
    public var deadline: ContinuousClock.Instant
    /// The request's metadata.
    public var metadata: [KostraV1.MetadataEntry]
    /// A logger carrying the request's id and method.
    public var logger: Logger

    /// A context; the server makes these.
    public init(
        id: UInt64,
        method: String,
        deadline: ContinuousClock.Instant,
        metadata: [KostraV1.MetadataEntry] = [],
        logger: Logger
    ) {
        self.id = id
        self.method = method
        self.deadline = deadline
        self.metadata = metadata
        self.logger = logger
    }

    /// Throws DEADLINE_EXCEEDED once the deadline has passed. Long handlers
    /// call it between steps; the router calls it before and after each one.
    public func checkDeadline() throws(RPCError) {
        if ContinuousClock.now >= self.deadline {
            throw RPCError(.deadlineExceeded, "deadline passed before \(self.method) finished")
        }
    }
}
