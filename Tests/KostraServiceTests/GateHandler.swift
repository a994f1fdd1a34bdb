import KostraProtocol
import KostraService
import Synchronization

/// A handler that tells `started` of each request it begins, then waits
/// until the test opens the gate: a request held in flight for as long as
/// the test needs, with no sleep.
struct GateHandler: RPCHandler {
    static let path = "/kostra.test.Test/Gate"

    let gate: Gate
    var started: AsyncStream<UInt64>.Continuation? = nil

    func handle(payload: [UInt8], context: RequestContext) async throws(RPCError) -> [UInt8] {
        self.started?.yield(context.id)
        await self.gate.wait()
        return payload
    }
}

/// Closed until ``open()``; then every waiter, and every later one, goes on.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Waits until the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let goOn = self.state.withLock { state in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if goOn { continuation.resume() }
        }
    }

    /// Opens the gate.
    func open() {
        let waiters = self.state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
