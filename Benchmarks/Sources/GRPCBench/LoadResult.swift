/// A run's result, printed as a table or as the JSON object whose keys
/// `kostra-client bench --format json` uses (`requests_per_second`,
/// `errors`, `p50_us`, `p99_us`, `p999_us`, ...).
struct LoadResult {
    var connections: Int
    var depth: Int
    var threads: Int
    var seconds: Double
    var measured: Measured

    var requestsPerSecond: Double { Double(self.measured.answered) / self.seconds }
    var errors: Int { self.measured.errors }

    func latency(_ percentile: Double) -> UInt64 {
        self.measured.histogram.totalCount == 0 ? 0 : self.measured.histogram.valueAtPercentile(percentile)
    }

    static let percentiles: [(String, Double)] = [("p50", 50), ("p90", 90), ("p99", 99), ("p999", 99.9)]

    var json: String {
        var members: [(String, String)] = [
            ("mode", "\"closed\""),
            ("methods", "[\"profile\"]"),
            ("transport", "\"grpc-swift-2 http2NIOPosix\""),
            ("connections", "\(self.connections)"),
            ("depth", "\(self.depth)"),
            ("threads", "\(self.threads)"),
            ("duration_s", "\(self.seconds)"),
            ("requests", "\(self.measured.answered)"),
            ("requests_per_second", "\(self.requestsPerSecond)"),
            ("errors", "\(self.errors)"),
            (
                "errors_by_code",
                "{" + self.measured.errorsByCode.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
            ),
        ]
        for (key, percentile) in Self.percentiles {
            members.append(("\(key)_us", "\(self.latency(percentile))"))
        }
        let histogram = self.measured.histogram
        members.append(("max_us", "\(histogram.totalCount == 0 ? 0 : histogram.max)"))
        members.append(("mean_us", "\(histogram.totalCount == 0 ? 0 : histogram.mean)"))
        let meanBytes = self.measured.answered == 0 ? 0 : Double(self.measured.answerBytes) / Double(self.measured.answered)
        members.append(("mean_answer_bytes", "\(meanBytes)"))
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    var table: String {
        var lines = [
            "GRPCBench: closed loop, \(self.connections) connections × \(self.depth) in flight, \(self.seconds) s measured",
            "requests             \(self.measured.answered)",
            "requests per second  \(Int(self.requestsPerSecond.rounded()))",
            "errors               \(self.errors)",
        ]
        for (key, percentile) in Self.percentiles {
            let label = "latency \(key)"
            lines.append(label + String(repeating: " ", count: max(1, 21 - label.count)) + "\(self.latency(percentile)) µs")
        }
        if !self.measured.errorsByCode.isEmpty {
            lines.append("errors by code: " + self.measured.errorsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
