public import KostraCodec
public import KostraProtocol

/// Maps method paths to handlers. Adding a method is one `register` call.
///
/// A request is answered in one of two ways. ``answerNow(to:context:)``
/// answers on the caller's thread (the event loop that read the request)
/// everything that needs no task: an unknown method, a refused token, an
/// answer already kept, and a method whose handler is synchronous and not
/// declared expensive. It returns nil only for the rest, which the server
/// answers through ``answer(to:context:)`` in a task, within the
/// connection's in-flight limit.
public struct Router: Sendable {
    private struct Entry: Sendable {
        let handler: any RPCHandler
        /// The handler, when it may be answered on the event loop.
        let immediate: (any SynchronousRPCHandler)?
        let access: MethodAccess
        let cached: Bool
    }

    /// A request's method found and the caller let through; the answer kept
    /// for it; or the error answer.
    private enum Admission {
        case entry(Entry)
        case kept(EncodedAnswer)
        case refused(EncodedAnswer)
    }

    private var handlers: [String: Entry] = [:]
    private let cache = ResponseCache()
    /// Who may call what; reads open and writes refused by default.
    public var authentication: Authentication

    /// An empty router with an authentication policy.
    public init(authentication: Authentication = .none) {
        self.authentication = authentication
    }

    /// Serves `method` with `body`. A second registration of a path replaces the first.
    ///
    /// - Parameters:
    ///   - cached: whether the answer depends only on the request (and the
    ///     router's data), so that each distinct request is computed once and
    ///     its answer kept; by default, every read method.
    ///   - expensive: whether `body` may take long enough (a reload, a
    ///     scan of all the data) that it must not hold an event loop; such a
    ///     method is answered in a task, within the in-flight limit. Every
    ///     other method is answered on the event loop that read it.
    public mutating func register<Request, Response>(
        _ method: Method<Request, Response>,
        access: MethodAccess = .read,
        cached: Bool? = nil,
        expensive: Bool = false,
        _ body: @escaping @Sendable (Request, RequestContext) throws(RPCError) -> Response
    ) {
        let handler = UnaryHandler(method, body: body)
        self.handlers[method.path] = Entry(
            handler: handler,
            immediate: expensive ? nil : handler,
            access: access,
            cached: cached ?? (access == .read)
        )
    }

    /// Serves `path` with a handler of any kind, always in a task (it may
    /// suspend); its answers are not kept unless `cached` says so.
    public mutating func register(path: String, access: MethodAccess = .read, cached: Bool = false, handler: some RPCHandler) {
        self.handlers[path] = Entry(handler: handler, immediate: nil, access: access, cached: cached)
    }

    /// The paths served, sorted.
    public var paths: [String] {
        self.handlers.keys.sorted()
    }

    /// Answers `envelope` at once when no task is needed: an unknown method
    /// or a refused token (as errors), an answer already kept, or a method
    /// whose handler answers synchronously. Nil: answer it with
    /// ``answer(to:context:)`` in a task. `context` is called only when a
    /// handler runs.
    public func answerNow(to envelope: KostraV1.RequestEnvelope, context: () -> RequestContext) -> EncodedAnswer? {
        let entry: Entry
        switch self.admit(envelope) {
        case .refused(let answer), .kept(let answer): return answer
        case .entry(let found): entry = found
        }
        guard let immediate = entry.immediate else { return nil }
        let context = context()
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
            try context.checkDeadline()
            result = .success(try immediate.handleNow(payload: envelope.payload, context: context))
        } catch {
            result = .failure(error)
        }
        return self.settle(result, entry: entry, envelope: envelope, context: context)
    }

    /// Answers one request, whatever its handler: finds it, checks the
    /// token, keeps the deadline, and turns every failure into a status.
    public func answer(to envelope: KostraV1.RequestEnvelope, context: RequestContext) async -> EncodedAnswer {
        let entry: Entry
        switch self.admit(envelope) {
        case .refused(let answer), .kept(let answer): return answer
        case .entry(let found): entry = found
        }
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
            try context.checkDeadline()
            result = .success(try await entry.handler.handle(payload: envelope.payload, context: context))
        } catch {
            result = .failure(error)
        }
        return self.settle(result, entry: entry, envelope: envelope, context: context)
    }

    /// Answers one request as a decoded envelope carrying its id: for callers
    /// that want the message rather than the bytes (tests, other transports).
    public func respond(
        to envelope: KostraV1.RequestEnvelope,
        context: RequestContext
    ) async -> KostraV1.ResponseEnvelope {
        let answer = await self.answer(to: envelope, context: context)
        do {
            return try answer.envelope(id: envelope.id)
        } catch {
            // protobuf-c decodes what it encoded; reaching this is a bug.
            return KostraV1.ResponseEnvelope(
                id: envelope.id,
                status: RPCError(.internal, "an answer did not decode: \(error)").status,
                protocolVersion: ProtocolVersion.current
            )
        }
    }

    /// The answer already computed for this request, if its method keeps
    /// answers and the caller may call it; nil sends the request the long
    /// way. Synchronous and cheap.
    public func cachedAnswer(to envelope: KostraV1.RequestEnvelope) -> EncodedAnswer? {
        guard case .kept(let answer) = self.admit(envelope) else { return nil }
        return answer
    }

    /// The method's entry; the answer kept for this request, when its method
    /// keeps answers; or the error answer for an unknown method or a caller
    /// the token check refuses.
    private func admit(_ envelope: KostraV1.RequestEnvelope) -> Admission {
        guard let entry = self.handlers[envelope.method] else {
            return .refused(
                EncodedAnswer(
                    RPCError(
                        .unimplemented,
                        "unknown method '\(envelope.method)'; this server serves \(self.paths.joined(separator: ", "))"
                    )
                )
            )
        }
        do throws(RPCError) {
            try self.authentication.authorize(entry.access, method: envelope.method, metadata: envelope.metadata)
        } catch {
            return .refused(EncodedAnswer(error))
        }
        if entry.cached, let kept = self.cache.answer(path: envelope.method, payload: envelope.payload) {
            return .kept(kept)
        }
        return .entry(entry)
    }

    /// Encodes a handler's result once, keeps it when its method keeps
    /// answers (an error only when it is a property of the request), and
    /// turns a result that came after the deadline into DEADLINE_EXCEEDED
    /// (the answer is still kept: it is right, only late).
    private func settle(
        _ result: Result<[UInt8], RPCError>,
        entry: Entry,
        envelope: KostraV1.RequestEnvelope,
        context: RequestContext
    ) -> EncodedAnswer {
        switch result {
        case .success(let bytes):
            let answer = EncodedAnswer(payload: bytes)
            if entry.cached {
                self.cache.keep(answer, path: envelope.method, payload: envelope.payload)
            }
            do throws(RPCError) {
                try context.checkDeadline()
            } catch {
                return EncodedAnswer(error)
            }
            return answer
        case .failure(let error):
            let answer = EncodedAnswer(error)
            if entry.cached, Self.isPropertyOfRequest(error.code) {
                self.cache.keep(answer, path: envelope.method, payload: envelope.payload)
            }
            return answer
        }
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
