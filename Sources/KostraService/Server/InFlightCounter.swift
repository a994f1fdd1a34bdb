import NIOCore
import Synchronization

/// One connection's requests in flight (those answered in a task: an
/// expensive method's) and whether it is draining, behind one lock: a request is
/// either counted before the drain starts (and so answered before the
/// connection closes) or refused as the drain's. A request the event loop
/// answers at once is never in flight: it is answered in the same call that
/// read it, so the idle timer, which counts from the last read, spares it.
final class InFlightCounter: Sendable {
    /// What became of a request that asked to be counted.
    enum Admission: Equatable {
        case accepted
        case overLimit
        case draining
    }

    private struct State {
        var count = 0
        var draining = false
        /// When a request in flight was last answered (NIO's uptime clock).
        var lastAnswered = NIODeadline.uptimeNanoseconds(0)
    }

    private let state = Mutex(State())

    /// Counts one more request if the connection is not draining and the
    /// count stays within `limit`.
    func enter(limit: Int) -> Admission {
        self.state.withLock { state in
            if state.draining { return .draining }
            guard state.count < limit else { return .overLimit }
            state.count += 1
            return .accepted
        }
    }

    /// Counts one request answered.
    func leave() {
        let now = NIODeadline.now()
        self.state.withLock {
            $0.count -= 1
            $0.lastAnswered = now
        }
    }

    /// Refuses every later request; returns how many are still in flight.
    func beginDrain() -> Int {
        self.state.withLock { state in
            state.draining = true
            return state.count
        }
    }

    /// Whether the connection has no request in hand.
    var isIdle: Bool {
        self.state.withLock { $0.count == 0 }
    }

    /// When a request in flight was last answered (its answer written, on the
    /// event loop); the idle timeout counts from it too, so that an answer on
    /// its way to the socket is never overtaken by the idle close.
    var lastAnswered: NIODeadline {
        self.state.withLock { $0.lastAnswered }
    }
}
