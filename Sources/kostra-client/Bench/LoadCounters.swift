import Synchronization

/// Counters every connection of a load run adds to, read once a second for
/// the progress line, and the shared budget of a `--requests N` run.
final class LoadCounters: Sendable {
    private let answeredCount = Atomic<Int>(0)
    private let errorCount = Atomic<Int>(0)
    private let budget: Atomic<Int>
    private let finished = Atomic<Bool>(false)

    /// Counters for a run of at most `budget` requests (`Int.max` for a timed run).
    init(budget: Int) {
        self.budget = Atomic(budget)
    }

    /// Takes one request from the budget; false when it is spent.
    func take() -> Bool {
        self.budget.wrappingSubtract(1, ordering: .relaxed).newValue >= 0
    }

    /// Counts an answer, and whether it was an error.
    func answered(error: Bool) {
        self.answeredCount.wrappingAdd(1, ordering: .relaxed)
        if error { self.errorCount.wrappingAdd(1, ordering: .relaxed) }
    }

    /// Notes that every connection has finished.
    func markFinished() {
        self.finished.store(true, ordering: .releasing)
    }

    /// Whether every connection has finished.
    var isFinished: Bool { self.finished.load(ordering: .acquiring) }

    /// Answers so far (OK and errors).
    var answered: Int { self.answeredCount.load(ordering: .relaxed) }

    /// Error answers so far.
    var errors: Int { self.errorCount.load(ordering: .relaxed) }
}
