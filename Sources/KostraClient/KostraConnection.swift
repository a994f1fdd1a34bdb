public import KostraCodec
public import KostraProtocol
import NIOCore
import Synchronization

/// One connection to a kostra server, shared by many concurrent calls.
///
/// Each call gets its own request id; answers are matched to calls by id, in
/// whatever order they arrive. Get one with
/// ``KostraClient/withConnection(host:port:maximumFrameSize:_:)``, which also
/// runs the loop that reads answers and closes the connection when the body
/// returns.
public final class KostraConnection: Sendable {
    /// A call between sending and answer: the answer may come before the
    /// caller starts waiting, so either side may arrive first.
    private enum Slot {
        case waiting(CheckedContinuation<KostraV1.ResponseEnvelope, any Error>?)
        case answered(Result<KostraV1.ResponseEnvelope, RPCError>)
    }

    private struct State {
        var nextID: UInt64 = 1
        var slots: [UInt64: Slot] = [:]
        var closedError: RPCError?
    }

    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let state = Mutex(State())
    /// Where the connection goes ("127.0.0.1:7878"), for messages.
    public let peer: String

    init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, peer: String) {
        self.outbound = outbound
        self.peer = peer
    }

    /// Calls `method` and waits for its answer.
    ///
    /// - Parameters:
    ///   - timeout: the deadline sent with the request; nil leaves the server's default.
    ///   - metadata: key/value pairs sent beside the request.
    /// - Throws: ``RPCError`` with the server's status, or UNAVAILABLE when the
    ///   connection closes first, or CANCELLED when the task is cancelled.
    public func call<Request, Response>(
        _ method: Method<Request, Response>,
        _ request: Request,
        timeout: Duration? = nil,
        metadata: [KostraV1.MetadataEntry] = []
    ) async throws(RPCError) -> Response {
        let envelope = try await self.send(
            path: method.path,
            payload: request.encoded(),
            timeout: timeout,
            metadata: metadata
        )
        if let status = envelope.status, let error = RPCError(status: status) {
            throw error
        }
        do {
            return try Response(decoding: envelope.payload)
        } catch {
            throw RPCError(.internal, "answer to \(method.path) is not a valid \(Response.protoMessageName): \(error)")
        }
    }

    /// Sends a request with an already encoded payload and returns the raw
    /// answer envelope, whatever its status. For tools and tests that speak
    /// the protocol at the envelope level.
    public func send(
        path: String,
        payload: [UInt8],
        timeout: Duration? = nil,
        metadata: [KostraV1.MetadataEntry] = []
    ) async throws(RPCError) -> KostraV1.ResponseEnvelope {
        let id = try self.state.withLock { state throws(RPCError) -> UInt64 in
            if let error = state.closedError { throw error }
            let id = state.nextID
            state.nextID += 1
            state.slots[id] = .waiting(nil)
            return id
        }
        var envelope = KostraV1.RequestEnvelope(
            id: id,
            method: path,
            payload: payload,
            protocolVersion: ProtocolVersion.current,
            metadata: metadata
        )
        if let timeout {
            envelope.timeoutMs = Self.milliseconds(timeout)
        }
        var frame = ByteBuffer()
        frame.writeFrame(envelope)
        do {
            try await self.outbound.write(frame)
        } catch {
            self.resolve(id: id, with: .failure(RPCError(.unavailable, "cannot send to \(self.peer): \(error)")))
        }
        return try await self.answer(id: id, path: path)
    }

    /// Waits for the answer to request `id`.
    private func answer(id: UInt64, path: String) async throws(RPCError) -> KostraV1.ResponseEnvelope {
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let ready: Result<KostraV1.ResponseEnvelope, RPCError>? = self.state.withLock { state in
                        switch state.slots[id] {
                        case .answered(let result):
                            state.slots[id] = nil
                            return result
                        case .waiting, nil:
                            state.slots[id] = .waiting(continuation)
                            return nil
                        }
                    }
                    if let ready {
                        continuation.resume(with: ready.mapError { $0 as any Error })
                    }
                }
            } onCancel: {
                self.resolve(id: id, with: .failure(RPCError(.cancelled, "call to \(path) was cancelled")))
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unknown, "\(error)")
        }
    }

    /// Hands a request its answer, whether or not it waits yet.
    func resolve(id: UInt64, with result: Result<KostraV1.ResponseEnvelope, RPCError>) {
        let continuation: CheckedContinuation<KostraV1.ResponseEnvelope, any Error>? = self.state.withLock { state in
            switch state.slots[id] {
            case .waiting(let continuation?):
                state.slots[id] = nil
                return continuation
            case .waiting(nil):
                state.slots[id] = .answered(result)
                return nil
            case .answered, nil:
                // Already answered or cancelled: a late or unknown id is ignored.
                return nil
            }
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    /// Fails every call still waiting, and every later one, with `error`.
    func close(with error: RPCError) {
        let waiting = self.state.withLock { state in
            if state.closedError == nil { state.closedError = error }
            let ids = Array(state.slots.keys)
            return ids
        }
        for id in waiting {
            self.resolve(id: id, with: .failure(error))
        }
    }

    static func milliseconds(_ duration: Duration) -> UInt32 {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return UInt32(clamping: max(1, milliseconds))
    }
}
