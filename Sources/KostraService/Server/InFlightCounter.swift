import Synchronization

/// One connection's requests in flight and whether it is draining, behind
/// one lock: a request is either counted before the drain starts (and so
/// answered before the connection closes) or refused as the drain's.
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
        self.state.withLock { $0.count -= 1 }
    }

    /// Refuses every later request; returns how many are still in flight.
    func beginDrain() -> Int {
        self.state.withLock { state in
            state.draining = true
            return state.count
        }
    }

    /// How many requests are in flight.
    var count: Int {
        self.state.withLock { $0.count }
    }
}
