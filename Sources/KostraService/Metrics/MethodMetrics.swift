import CoreMetrics
import KostraProtocol
import Synchronization

/// One method's request counters (by status code) and latency timer on one
/// transport, made once and looked up per request without building a string.
///
/// The OK counter exists from the start; a counter for another code is made
/// the first time that code is answered, under a lock held only for the
/// dictionary lookup, so that a scrape lists the codes that happened rather
/// than seventeen zeros per method.
final class MethodMetrics: Sendable {
    /// The `method` label.
    let label: String
    /// The `transport` label.
    let transport: ServerMetrics.Transport
    private let factory: any MetricsFactory
    private let ok: Counter
    private let otherCodes = Mutex<[StatusCode: Counter]>([:])
    private let timer: Timer

    init(label: String, transport: ServerMetrics.Transport, factory: any MetricsFactory) {
        self.label = label
        self.transport = transport
        self.factory = factory
        self.ok = Counter(
            label: ServerMetrics.Names.requests,
            dimensions: [("method", label), ("code", StatusCode.ok.name), ("transport", transport.rawValue)],
            factory: factory
        )
        self.timer = Timer(
            label: ServerMetrics.Names.duration,
            dimensions: [("method", label), ("transport", transport.rawValue)],
            factory: factory
        )
    }

    /// Counts one request answered with `code`, and records how long it took.
    func answered(_ code: StatusCode, after duration: Duration) {
        self.counter(for: code).increment()
        self.record(duration)
    }

    /// Counts one request answered with `code` (an atomic increment).
    func count(_ code: StatusCode) {
        self.counter(for: code).increment()
    }

    /// Records one request's time in the histogram (which takes a lock).
    func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.timer.recordNanoseconds(seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000)
    }

    /// Counts one request answered with `code` that took no measurable work
    /// (refused before a handler saw it).
    func refused(_ code: StatusCode) {
        self.counter(for: code).increment()
    }

    private func counter(for code: StatusCode) -> Counter {
        if code == .ok { return self.ok }
        return self.otherCodes.withLock { counters in
            if let counter = counters[code] { return counter }
            let counter = Counter(
                label: ServerMetrics.Names.requests,
                dimensions: [("method", self.label), ("code", code.name), ("transport", self.transport.rawValue)],
                factory: self.factory
            )
            counters[code] = counter
            return counter
        }
    }
}
