public import KostraCodec
public import KostraProtocol

/// Serves one method: takes the request's encoded payload and returns the
/// response's encoded payload, or throws the error to answer with.
///
/// A handler of this kind may suspend, so the server runs it in a task of
/// its own, within the connection's in-flight limit.
/// A handler that never suspends and does bounded work conforms to
/// ``SynchronousRPCHandler`` as well, and is answered on the event loop.
public protocol RPCHandler: Sendable {
    /// Answers one request.
    func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8]
}

/// A handler that answers without suspending, in bounded time: the server
/// calls ``handleNow(payload:context:)`` on the event loop that read the
/// request, and writes the answer there, with no task and no hop between
/// threads.
public protocol SynchronousRPCHandler: RPCHandler {
    /// Answers one request at once.
    func handleNow(payload: [UInt8], context: RequestContext) throws(RPCError) -> [UInt8]
}

extension SynchronousRPCHandler {
    /// Answers through ``handleNow(payload:context:)``.
    public func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8] {
        try self.handleNow(payload: payload, context: context)
    }
}

/// A handler for a method whose request and response are typed messages:
/// it decodes the request, calls `body`, and encodes the answer.
public struct UnaryHandler<Request: KostraMessage, Response: KostraMessage>: SynchronousRPCHandler {
    /// The method served.
    public let method: Method<Request, Response>
    private let body: @Sendable (Request, RequestContext) throws(RPCError) -> Response

    /// A handler for `method` that answers with `body`.
    public init(
        _ method: Method<Request, Response>,
        body: @escaping @Sendable (Request, RequestContext) throws(RPCError) -> Response
    ) {
        self.method = method
        self.body = body
    }

    /// Decodes, serves and encodes. A payload that does not decode is
    /// INVALID_ARGUMENT naming the message type expected.
    public func handleNow(payload: [UInt8], context: RequestContext) throws(RPCError) -> [UInt8] {
        let request: Request
        do {
            request = try Request(decoding: payload)
        } catch {
            throw RPCError(
                .invalidArgument,
                "payload of \(self.method.path) is not a valid \(Request.protoMessageName): \(error)"
            )
        }
        return try self.body(request, context).encoded()
    }
}
