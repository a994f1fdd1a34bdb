import Synchronization

/// Whether the server is serving: NOT_SERVING until it listens and again
/// while it drains. Shared between the server and the health method.
public final class HealthState: Sendable {
    private let serving = Atomic<Bool>(false)

    /// A state that starts NOT_SERVING.
    public init() {}

    /// Whether requests are being accepted.
    public var isServing: Bool {
        self.serving.load(ordering: .relaxed)
    }

    /// Sets the state.
    public func setServing(_ value: Bool) {
        self.serving.store(value, ordering: .relaxed)
    }
}
