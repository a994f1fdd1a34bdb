/// The `grpc-timeout` request header: at most eight digits and a unit
/// (`H`ours, `M`inutes, `S`econds, `m`illiseconds, `u` microseconds,
/// `n`anoseconds), as gRPC over HTTP/2 defines it. The gRPC port turns it
/// into the request's deadline, as the native port does with `timeout_ms`.
enum GRPCTimeout {
    /// The header's name.
    static let header = "grpc-timeout"

    /// The duration `text` says, or nil when it is not a valid timeout.
    static func parse(_ text: String) -> Duration? {
        guard let unit = text.last, (2...9).contains(text.utf8.count) else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int64(digits) else { return nil }
        switch unit {
        case "H": return .seconds(amount * 3600)
        case "M": return .seconds(amount * 60)
        case "S": return .seconds(amount)
        case "m": return .milliseconds(amount)
        case "u": return .microseconds(amount)
        case "n": return .nanoseconds(amount)
        default: return nil
        }
    }

    /// Whole milliseconds of `duration`, rounded up and clamped to what
    /// `timeout_ms` holds (a deadline shorter than a millisecond is still one).
    static func milliseconds(_ duration: Duration) -> UInt32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 1 }
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return UInt32(clamping: max(millis, 1))
    }
}
