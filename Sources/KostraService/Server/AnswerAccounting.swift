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

    /// Whether anything is to be done for an answer at all: when not, the
    /// caller need not read the clock.
    func isActive(_ logger: Logger) -> Bool {
        self.metrics != nil || self.slowRequestThreshold != nil || logger.logLevel <= .debug
    }

    /// Counts one answer to `envelope` with `code`; records its latency in
    /// its method's histogram when `timed` (see ``ConnectionHandler`` for why not
    /// every one); logs it when slow or at debug level.
    func answered(
        _ envelope: KostraV1.RequestEnvelope,
        code: StatusCode,
        receivedAt: ContinuousClock.Instant,
        timed: Bool,
        logger: Logger
    ) {
        guard self.isActive(logger) else { return }
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
        guard isSlow || logger.logLevel <= .debug else { return }
        let metadata: Logger.Metadata = [
            "request_id": "\(envelope.id)",
            "method": "\(envelope.method)",
            "status": "\(code.name)",
            "duration_ms": "\(Self.milliseconds(duration))",
        ]
        if isSlow {
            logger.warning("slow request", metadata: metadata)
        } else {
            logger.debug("request answered", metadata: metadata)
        }
    }

    /// A duration in milliseconds with three decimals: "1234.567".
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
