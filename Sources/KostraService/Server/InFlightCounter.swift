import Synchronization

/// Counts one connection's requests in flight, so that a limit can be kept
/// while answers finish in other tasks.
final class InFlightCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more request if that stays within `limit`; false otherwise.
    func enter(limit: Int) -> Bool {
        if self.count.wrappingAdd(1, ordering: .relaxed).newValue <= limit {
            return true
        }
        self.count.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    /// Counts one request answered.
    func leave() {
        self.count.wrappingSubtract(1, ordering: .relaxed)
    }
}
