import Histogram

/// What a load run measured, merged over its connections, and how it was run.
struct BenchResult: Sendable {
    /// The connections' measurements, merged.
    struct Measured: Sendable {
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        var answered = 0
        var errors = 0
        var errorsByCode: [String: Int] = [:]
        var unanswered = 0
        var answerBytes = 0

        mutating func add(_ connection: LoadConnectionHandler.Result) {
            self.histogram.add(connection.histogram)
            self.answered += connection.answered
            self.errors += connection.errors
            self.unanswered += connection.unanswered
            self.answerBytes += connection.answerBytes
            self.errorsByCode.merge(connection.errorsByCode, uniquingKeysWith: +)
        }
    }

    var connections: Int
    var pacing: LoadConnectionHandler.Pacing
    var threads: Int
    var methods: [String]
    /// The measured time: after the warm-up, until sending stopped.
    var window: Duration
    var measured: Measured

    /// Answers per second in the measured window.
    var requestsPerSecond: Double {
        let seconds = self.window.seconds
        return seconds > 0 ? Double(self.measured.answered) / seconds : 0
    }

    /// Error answers, plus requests never answered.
    var errors: Int { self.measured.errors + self.measured.unanswered }

    /// A latency percentile in microseconds (0 when nothing was measured).
    func latency(percentile: Double) -> UInt64 {
        self.measured.histogram.totalCount == 0 ? 0 : self.measured.histogram.valueAtPercentile(percentile)
    }

    var mode: String {
        if case .open = self.pacing { "open" } else { "closed" }
    }

    var depth: Int? {
        if case .closed(let depth) = self.pacing { depth } else { nil }
    }

    /// The target rate of an open-loop run, requests per second over all connections.
    var rate: Double? {
        if case .open(let interval) = self.pacing {
            Double(self.connections) * 1e9 / Double(interval.nanoseconds)
        } else {
            nil
        }
    }

    /// Distinct methods in the order first sent.
    var methodNames: [String] {
        var seen = Set<String>()
        return self.methods.filter { seen.insert($0).inserted }
    }
}

extension BenchResult {
    /// The result as one JSON object; the keys issue 6 names
    /// (`requests_per_second`, `errors`, `p50_us`, `p99_us`, `p999_us`)
    /// and more.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("mode", .string(self.mode)),
            ("methods", .array(self.methodNames.map { .string($0) })),
            ("connections", .number(Double(self.connections))),
            ("depth", .number(self.depth.map(Double.init))),
            ("rate", .number(self.rate)),
            ("threads", .number(Double(self.threads))),
            ("duration_s", .number(self.window.seconds)),
            ("requests", .number(Double(self.measured.answered))),
            ("requests_per_second", .number(self.requestsPerSecond)),
            ("errors", .number(Double(self.errors))),
            ("unanswered", .number(Double(self.measured.unanswered))),
            (
                "errors_by_code",
                .object(self.measured.errorsByCode.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })
            ),
        ]
        for (key, percentile) in Self.percentiles {
            members.append(("\(key)_us", .number(Double(self.latency(percentile: percentile)))))
        }
        members.append(("max_us", .number(Double(self.measured.histogram.totalCount == 0 ? 0 : self.measured.histogram.max))))
        members.append(("mean_answer_bytes", .number(self.measured.answered == 0 ? 0 : Double(self.measured.answerBytes) / Double(self.measured.answered))))
        members.append(("mean_us", .number(self.measured.histogram.totalCount == 0 ? 0 : self.measured.histogram.mean)))
        return .object(members)
    }

    /// The percentiles reported, by key.
    static let percentiles: [(String, Double)] = [("p50", 50), ("p90", 90), ("p99", 99), ("p999", 99.9)]

    /// The result as a short table for people.
    func table(style: NumberStyle) -> String {
        let english = style.language == .en
        let how: String =
            switch self.pacing {
            case .closed(let depth):
                english
                    ? "closed loop, \(self.connections) connections × \(depth) in flight"
                    : "lukket sløyfe, \(self.connections) forbindelser × \(depth) samtidige"
            case .open:
                english
                    ? "open loop at \(style.format(self.rate ?? 0, decimals: 0)) requests/s over \(self.connections) connections"
                    : "åpen sløyfe, \(style.format(self.rate ?? 0, decimals: 0)) forespørsler/s over \(self.connections) forbindelser"
            }
        let seconds = style.format(self.window.seconds, decimals: 1)
        var rows: [[String]] = [
            [english ? "requests" : "forespørsler", style.format(Double(self.measured.answered), decimals: 0), ""],
            [english ? "requests per second" : "forespørsler per sekund", style.format(self.requestsPerSecond, decimals: 0), "/s"],
            [english ? "errors" : "feil", style.format(Double(self.errors), decimals: 0), ""],
        ]
        for (key, percentile) in Self.percentiles {
            rows.append(["\(english ? "latency" : "svartid") \(key)", style.format(Double(self.latency(percentile: percentile)), decimals: 0), "µs"])
        }
        rows.append([
            "\(english ? "latency" : "svartid") max",
            style.format(Double(self.measured.histogram.totalCount == 0 ? 0 : self.measured.histogram.max), decimals: 0), "µs",
        ])
        var notes = [english ? "Methods: \(self.methodNames.joined(separator: ", "))." : "Metoder: \(self.methodNames.joined(separator: ", "))."]
        if !self.measured.errorsByCode.isEmpty {
            let codes = self.measured.errorsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            notes.append((english ? "Errors by code: " : "Feil etter kode: ") + codes + ".")
        }
        if self.measured.unanswered > 0 {
            notes.append(
                english
                    ? "\(self.measured.unanswered) requests were never answered (counted as errors)."
                    : "\(self.measured.unanswered) forespørsler fikk aldri svar (regnet som feil)."
            )
        }
        return TextTable(
            title: english ? "kostra-client bench: \(how), \(seconds) s measured" : "kostra-client bench: \(how), \(seconds) s målt",
            header: [english ? "Measure" : "Mål", english ? "Value" : "Verdi", english ? "Unit" : "Enhet"],
            rows: rows,
            notes: notes
        ).rendered()
    }
}
