import Synchronization

/// The router a server answers with, replaceable while it serves: a reload swaps in a router
/// over new data (and with an empty cache) for the requests read from then on, while requests in
/// flight finish on the router they began with.
///
/// Readers on the fast path keep their own copy and compare ``generation`` (one atomic load) per
/// request; only after a swap do they take the lock to fetch the new router.
public final class RouterHolder: Sendable {
    private let state: Mutex<(router: Router, generation: Int)>
    private let published = Atomic<Int>(0)

    /// A holder serving `router`.
    public init(_ router: Router) {
        self.state = Mutex((router, 0))
    }

    /// The router for a new request.
    public var current: Router {
        self.state.withLock { $0.router }
    }

    /// Changes each time the router is replaced; cheap enough to read per request.
    public var generation: Int {
        self.published.load(ordering: .acquiring)
    }

    /// The router and its generation, read together.
    func snapshot() -> (router: Router, generation: Int) {
        self.state.withLock { ($0.router, $0.generation) }
    }

    /// Serves `router` to every request read from now on.
    public func replace(with router: Router) {
        self.state.withLock { state in
            state.router = router
            state.generation += 1
            self.published.store(state.generation, ordering: .releasing)
        }
    }
}
