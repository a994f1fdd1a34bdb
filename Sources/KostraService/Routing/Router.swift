public import KostraCodec
public import KostraProtocol

/// Maps method paths to handlers. Adding a method is one `register` call.
public struct Router: Sendable {
    private var handlers: [String: (handler: any RPCHandler, access: MethodAccess)] = [:]
    /// Who may call what; reads open and writes refused by default.
    public var authentication: Authentication

    /// An empty router with an authentication policy.
    public init(authentication: Authentication = .none) {
        self.authentication = authentication
    }

    /// Serves `method` with `body`. A second registration of a path replaces the first.
    public mutating func register<Request, Response>(
        _ method: Method<Request, Response>,
        access: MethodAccess = .read,
        _ body: @escaping @Sendable (Request, RequestContext) async throws(RPCError) -> Response
    ) {
        self.handlers[method.path] = (UnaryHandler(method, body: body), access)
    }

    /// Serves `path` with a handler of any kind.
    public mutating func register(path: String, access: MethodAccess = .read, handler: some RPCHandler) {
        self.handlers[path] = (handler, access)
    }

    /// The paths served, sorted.
    public var paths: [String] {
        self.handlers.keys.sorted()
    }

    /// Answers one request: finds its handler, keeps its deadline, and turns
    /// every failure into a status. Never throws.
    public func respond(
        to envelope: KostraV1.RequestEnvelope,
        context: RequestContext
    ) async -> KostraV1.ResponseEnvelope {
        var response = KostraV1.ResponseEnvelope(id: envelope.id, protocolVersion: ProtocolVersion.current)
        do throws(RPCError) {
            guard let (handler, access) = self.handlers[envelope.method] else {
                throw RPCError(
                    .unimplemented,
                    "unknown method '\(envelope.method)'; this server serves \(self.paths.joined(separator: ", "))"
                )
            }
            try self.authentication.authorize(access, method: envelope.method, metadata: envelope.metadata)
            try context.checkDeadline()
            let bytes = try await handler.handle(payload: envelope.payload, context: context)
            try context.checkDeadline()
            response.payload = bytes
            response.status = KostraV1.Status(code: .ok)
        } catch {
            response.status = error.status
        }
        return response
    }
}
