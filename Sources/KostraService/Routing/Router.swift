public import KostraCodec
public import KostraProtocol

/// Maps method paths to handlers. Adding a method is one `register` call.
public struct Router: Sendable {
    private var handlers: [String: (handler: any RPCHandler, access: MethodAccess, cached: Bool)] = [:]
    private let cache = ResponseCache()
    /// Who may call what; reads open and writes refused by default.
    public var authentication: Authentication

    /// An empty router with an authentication policy.
    public init(authentication: Authentication = .none) {
        self.authentication = authentication
    }

    /// Serves `method` with `body`. A second registration of a path replaces the first.
    ///
    /// - Parameter cached: whether the answer depends only on the request
    ///   (and the router's data), so that each distinct request is computed
    ///   once and its answer kept; by default, every read method.
    public mutating func register<Request, Response>(
        _ method: Method<Request, Response>,
        access: MethodAccess = .read,
        cached: Bool? = nil,
        _ body: @escaping @Sendable (Request, RequestContext) async throws(RPCError) -> Response
    ) {
        self.handlers[method.path] = (UnaryHandler(method, body: body), access, cached ?? (access == .read))
    }

    /// Serves `path` with a handler of any kind; its answers are not kept
    /// unless `cached` says so.
    public mutating func register(path: String, access: MethodAccess = .read, cached: Bool = false, handler: some RPCHandler) {
        self.handlers[path] = (handler, access, cached)
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
            guard let (handler, access, cached) = self.handlers[envelope.method] else {
                throw RPCError(
                    .unimplemented,
                    "unknown method '\(envelope.method)'; this server serves \(self.paths.joined(separator: ", "))"
                )
            }
            try self.authentication.authorize(access, method: envelope.method, metadata: envelope.metadata)
            try context.checkDeadline()
            let bytes: [UInt8]
            do throws(RPCError) {
                bytes = try await handler.handle(payload: envelope.payload, context: context)
            } catch {
                if cached, Self.isPropertyOfRequest(error.code) {
                    self.cache.keep(
                        EncodedAnswer(KostraV1.ResponseEnvelope(status: error.status, protocolVersion: ProtocolVersion.current)),
                        path: envelope.method,
                        payload: envelope.payload
                    )
                }
                throw error
            }
            if cached {
                self.cache.keep(
                    EncodedAnswer(
                        KostraV1.ResponseEnvelope(
                            status: KostraV1.Status(code: .ok),
                            payload: bytes,
                            protocolVersion: ProtocolVersion.current
                        )
                    ),
                    path: envelope.method,
                    payload: envelope.payload
                )
            }
            try context.checkDeadline()
            response.payload = bytes
            response.status = KostraV1.Status(code: .ok)
        } catch {
            response.status = error.status
        }
        return response
    }

    /// The answer already computed for this request, if its method keeps
    /// answers and the caller may call it; nil sends the request the long
    /// way, through ``respond(to:context:)``, which answers every failure.
    /// Synchronous and cheap: the server calls it on the event loop.
    public func cachedAnswer(to envelope: KostraV1.RequestEnvelope) -> EncodedAnswer? {
        guard let (_, access, cached) = self.handlers[envelope.method], cached,
            (try? self.authentication.authorize(access, method: envelope.method, metadata: envelope.metadata)) != nil
        else { return nil }
        return self.cache.answer(path: envelope.method, payload: envelope.payload)
    }

    /// Whether an error says something about the request itself, and so
    /// would be the same the next time (as opposed to a deadline, a
    /// cancellation or a failure of the moment).
    private static func isPropertyOfRequest(_ code: StatusCode) -> Bool {
        switch code {
        case .invalidArgument, .notFound, .outOfRange, .unimplemented: true
        default: false
        }
    }
}
