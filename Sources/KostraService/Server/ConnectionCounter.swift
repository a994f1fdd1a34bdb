import Synchronization

/// Counts open connections against the limit.
final class ConnectionCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more connection if that stays within `limit`.
    func open(limit: Int) -> Bool {
        if self.count.wrappingAdd(1, ordering: .relaxed).newValue <= limit {
            return true
        }
        self.count.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    /// Counts one connection closed.
    func close() {
        self.count.wrappingSubtract(1, ordering: .relaxed)
    }
}
