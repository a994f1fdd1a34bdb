import NIOCore
import Synchronization

/// One connection's requests in flight and whether it is draining, behind
/// one lock: a request is either counted before the drain starts (and so
/// answered before the connection closes) or refused as the drain's.
///
/// It also counts frames read off the socket that the serving loop has not
/// yet taken, so that a request waiting in the channel's buffer on a busy
/// machine counts as work in hand and the idle timer spares it.
final class InFlightCounter: Sendable {
    /// What became of a request that asked to be counted.
    enum Admission: Equatable {
        case accepted
        case overLimit
        case draining
    }

    private struct State {
        var count = 0
        var unread = 0
        var draining = false
        var abandoned = false
        /// When a request was last answered or a frame last taken (NIO's uptime clock).
        var lastAnswered = NIODeadline.uptimeNanoseconds(0)
    }

    private let state = Mutex(State())

    /// Counts a frame read off the socket (on the event loop).
    func frameRead() {
        self.state.withLock { $0.unread += 1 }
    }

    /// Counts a frame the serving loop took and answered without a handler
    /// (it did not decode, or its envelope was refused).
    func frameTaken() {
        let now = NIODeadline.now()
        self.state.withLock {
            $0.unread -= 1
            $0.lastAnswered = now
        }
    }

    /// Takes a read frame and counts one more request if the connection is
    /// not draining and the count stays within `limit`.
    func enter(limit: Int) -> Admission {
        self.state.withLock { state in
            state.unread -= 1
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

    /// Whether the connection is draining.
    var isDraining: Bool {
        self.state.withLock { $0.draining }
    }

    /// Gives up on the requests in flight: the drain timed out.
    func abandon() {
        self.state.withLock { $0.abandoned = true }
    }

    /// Whether the drain gave up on this connection's requests.
    var isAbandoned: Bool {
        self.state.withLock { $0.abandoned }
    }

    /// How many requests are in flight.
    var count: Int {
        self.state.withLock { $0.count }
    }

    /// Whether the connection has no request in hand: none in flight and no
    /// frame read but not yet taken.
    var isIdle: Bool {
        self.state.withLock { $0.count == 0 && $0.unread <= 0 }
    }

    /// When a request was last answered (its answer handed to the channel's
    /// writer, which passes it to the event loop a moment later) or a frame
    /// last taken; the idle timeout counts from it too, so that an answer on
    /// its way to the socket is never overtaken by the idle close.
    var lastAnswered: NIODeadline {
        self.state.withLock { $0.lastAnswered }
    }
}
