import Synchronization

/// The server's open connections and whether it is draining, behind one
/// lock: a connection is either counted before the drain starts (and so
/// drained like the others) or refused as the drain's.
final class ConnectionCounter: Sendable {
    /// What became of a connection that asked to be served.
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

    /// Counts one more connection if the server is not draining and the
    /// count stays within `limit`.
    func open(limit: Int) -> Admission {
        self.state.withLock { state in
            if state.draining { return .draining }
            guard state.count < limit else { return .overLimit }
            state.count += 1
            return .accepted
        }
    }

    /// Counts one connection closed.
    func close() {
        self.state.withLock { $0.count -= 1 }
    }

    /// Refuses every later connection.
    func beginDrain() {
        self.state.withLock { $0.draining = true }
    }

    /// How many connections are open.
    var count: Int {
        self.state.withLock { $0.count }
    }
}
