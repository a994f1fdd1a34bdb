import Synchronization

/// Whether the server is serving: NOT_SERVING while it starts (its data
/// loading, its listener not yet bound) and again while it drains. Shared
/// between the server, the health method and the `/readyz` endpoint.
public final class HealthState: Sendable {
    /// Where the server is in its life.
    public enum Phase: UInt8, Sendable, CustomStringConvertible {
        /// Loading data or binding: not yet serving.
        case starting = 0
        /// Listening and answering.
        case serving = 1
        /// Graceful shutdown: answering what it has read, refusing the rest.
        case draining = 2

        /// "starting", "serving" or "draining".
        public var description: String {
            switch self {
            case .starting: "starting"
            case .serving: "serving"
            case .draining: "draining"
            }
        }
    }

    private let phase = Atomic<UInt8>(Phase.starting.rawValue)

    /// A state that starts NOT_SERVING (``Phase/starting``).
    public init() {}

    /// Whether requests are being accepted.
    public var isServing: Bool {
        self.currentPhase == .serving
    }

    /// The phase the server is in.
    public var currentPhase: Phase {
        Phase(rawValue: self.phase.load(ordering: .relaxed)) ?? .starting
    }

    /// Sets the phase.
    public func setPhase(_ phase: Phase) {
        self.phase.store(phase.rawValue, ordering: .relaxed)
    }

    /// Sets the state: serving, or (for `false`) draining once it has served.
    public func setServing(_ value: Bool) {
        if value {
            self.setPhase(.serving)
        } else if self.currentPhase != .starting {
            self.setPhase(.draining)
        }
    }
}
