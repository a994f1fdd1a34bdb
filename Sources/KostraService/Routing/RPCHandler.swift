public import KostraCodec
public import KostraProtocol

/// Serves one method: takes the request's encoded payload and returns the
/// response's encoded payload, or throws the error to answer with.
public protocol RPCHandler: Sendable {
    /// Answers one request.
    func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8]
}

/// A handler for a method whose request and response are typed messages:
/// it decodes the request, calls `body`, and encodes the answer.
public struct UnaryHandler<Request: KostraMessage, Response: KostraMessage>: RPCHandler {
    /// The method served.
    public let method: Method<Request, Response>
    private let body: @Sendable (Request, RequestContext) async throws(RPCError) -> Response

    /// A handler for `method` that answers with `body`.
    public init(
        _ method: Method<Request, Response>,
        body: @escaping @Sendable (Request, RequestContext) async throws(RPCError) -> Response
    ) {
        self.method = method
        self.body = body
    }

    /// Decodes, serves and encodes. A payload that does not decode is
    /// INVALID_ARGUMENT naming the message type expected.
    public func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8] {
        let request: Request
        do {
            request = try Request(decoding: payload)
        } catch {
            throw RPCError(
                .invalidArgument,
                "payload of \(self.method.path) is not a valid \(Request.protoMessageName): \(error)"
            )
        }
        return try await self.body(request, context).encoded()
    }
}
