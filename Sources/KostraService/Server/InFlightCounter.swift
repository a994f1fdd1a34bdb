import NIOCore
import Synchronization

/// One connection's requests in flight (those answered in a task: an
/// expensive method's), and when one was last answered, for the idle timer
/// (``ConnectionTimeoutHandler``). ``ConnectionHandler`` counts them within
/// the connection's limit; whether the connection drains is its own state.
/// A request the event loop answers at once is never in flight: it is
/// answered in the same call that read it, so the idle timer, which counts
/// from the last read, spares it.
final class InFlightCounter: Sendable {
    private struct State {
        var count = 0
        /// When a request in flight was last answered (NIO's uptime clock).
        var lastAnswered = NIODeadline.uptimeNanoseconds(0)
    }

    private let state = Mutex(State())

    /// Counts one more request if the count stays within `limit`; false when
    /// it would not.
    func enter(limit: Int) -> Bool {
        self.state.withLock { state in
            guard state.count < limit else { return false }
            state.count += 1
            return true
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
