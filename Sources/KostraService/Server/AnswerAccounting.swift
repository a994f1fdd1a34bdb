import KostraCodec
import KostraProtocol
import Logging

/// Counts, times and logs each answer, the same way whether it was written
/// on the event loop or by a task.
///
/// Nothing is logged per request at info level: an answer is logged at
/// debug, and as a warning when it took longer than the slow-request
/// threshold.
struct AnswerAccounting: Sendable {
    let metrics: ServerMetrics?
    let slowRequestThreshold: Duration?
    /// Whether every answer is logged (the logger's level is debug or lower).
    let logsEveryAnswer: Bool
    /// Whether anything is to be done for an answer at all: when not, not
    /// even the clock is read.
    let isActive: Bool

    init(metrics: ServerMetrics?, slowRequestThreshold: Duration?, logLevel: Logger.Level) {
        self.metrics = metrics
        self.slowRequestThreshold = slowRequestThreshold
        self.logsEveryAnswer = logLevel <= .debug
        self.isActive = metrics != nil || slowRequestThreshold != nil || self.logsEveryAnswer
    }

    /// Counts one answer to `envelope` with `code`; records its latency in
    /// its method's histogram when `timed` (see ``ConnectionHandler`` for why not
    /// every one); logs it when slow or at debug level (`logger` is made only
    /// then: it carries the peer's address, which costs a string).
    func answered(
        _ envelope: KostraV1.RequestEnvelope,
        code: StatusCode,
        receivedAt: ContinuousClock.Instant,
        timed: Bool,
        logger: @autoclosure () -> Logger
    ) {
        guard self.isActive else { return }
        let duration = ContinuousClock.now - receivedAt
        if let metrics = self.metrics {
            let method = metrics.method(envelope.method)
            if timed {
                method.answered(code, after: duration)
            } else {
                method.count(code)
            }
        }
        let isSlow = self.slowRequestThreshold.map { duration >= $0 } ?? false
        guard isSlow || self.logsEveryAnswer else { return }
        let metadata: Logger.Metadata = [
            "request_id": "\(envelope.id)",
            "method": "\(envelope.method)",
            "status": "\(code.name)",
            "duration_ms": "\(duration.millisecondsText)",
        ]
        if isSlow {
            logger().warning("slow request", metadata: metadata)
        } else {
            logger().debug("request answered", metadata: metadata)
        }
    }
}
