import NIOCore
import Synchronization

/// The server's open connections and whether it is draining, behind one
/// lock: a connection is either registered before the drain starts (and so
/// drained like the others) or refused as the drain's.
final class OpenConnections: Sendable {
    /// What became of a connection that asked to be served.
    enum Admission: Equatable {
        case accepted
        case overLimit
        case draining
    }

    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var draining = false
    }

    private let state = Mutex(State())

    /// Registers `channel` if the server is not draining and the count stays
    /// within `limit`.
    func open(_ channel: any Channel, limit: Int) -> Admission {
        self.state.withLock { state in
            if state.draining { return .draining }
            guard state.channels.count < limit else { return .overLimit }
            state.channels[ObjectIdentifier(channel)] = channel
            return .accepted
        }
    }

    /// Forgets a connection closed.
    func close(_ channel: any Channel) {
        _ = self.state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Refuses every later connection; returns the open ones, to drain.
    func beginDrain() -> [any Channel] {
        self.state.withLock { state in
            state.draining = true
            return Array(state.channels.values)
        }
    }

    /// The open connections.
    var channels: [any Channel] {
        self.state.withLock { Array($0.channels.values) }
    }

    /// How many connections are open.
    var count: Int {
        self.state.withLock { $0.channels.count }
    }
}
