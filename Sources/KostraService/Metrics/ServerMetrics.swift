public import CoreMetrics
public import KostraProtocol
import Synchronization

/// The server's metrics, through swift-metrics: requests by method, status
/// code and transport (the native port or gRPC), latency by method and transport, open connections, requests in flight,
/// frames and connections refused and why, bytes in and out, and the data
/// version loaded.
///
/// Every metric object is made here, once, from the factory given (the
/// global `MetricsSystem.factory` by default; this library never bootstraps
/// it): the request path looks a method up in a dictionary built at startup
/// and increments, with no string built and no metric made per request. A
/// method path the server does not serve is counted as `method="other"`, so
/// that clients cannot grow the label set.
public final class ServerMetrics: Sendable {
    /// The metric names, as a Prometheus exporter shows them.
    public enum Names {
        /// Counter: requests answered, labels `method`, `code` and `transport`.
        public static let requests = "kostra_requests_total"
        /// Timer (a histogram in Prometheus): seconds from reading a request
        /// to writing its answer, labels `method` and `transport`.
        public static let duration = "kostra_request_duration_seconds"
        /// Gauge: connections open.
        public static let openConnections = "kostra_open_connections"
        /// Gauge: requests being computed in a task (an expensive method's;
        /// the rest are answered on the event loop and never wait).
        public static let requestsInFlight = "kostra_requests_in_flight"
        /// Counter: frames refused, label `reason`.
        public static let framesRefused = "kostra_frames_refused_total"
        /// Counter: connections refused as they were accepted, label `reason`.
        public static let connectionsRefused = "kostra_connections_refused_total"
        /// Counter: connections closed after `--idle-timeout` of silence.
        public static let idleClosed = "kostra_connections_idle_closed_total"
        /// Counter: connections closed after `--write-stall-timeout` with answers not taken.
        public static let writeStallClosed = "kostra_connections_write_stall_closed_total"
        /// Counter: bytes read from clients (on the wire, TLS included).
        public static let bytesIn = "kostra_received_bytes_total"
        /// Counter: bytes written to clients (on the wire, TLS included).
        public static let bytesOut = "kostra_sent_bytes_total"
        /// Gauge: 1, label `version`: the data loaded.
        public static let dataInfo = "kostra_data_info"
    }

    /// The `method` label of requests for a path the server does not serve.
    public static let otherMethod = "other"

    /// Which port a request came in on: the `transport` label.
    public enum Transport: String, Sendable, CaseIterable {
        /// The native framed protocol (`--port`).
        case native
        /// gRPC over HTTP/2 (`--grpc-port`).
        case grpc
    }

    private let factory: any MetricsFactory
    private let methods: [String: MethodMetrics]
    private let other: MethodMetrics
    private let grpcMethods: [String: MethodMetrics]
    private let grpcOther: MethodMetrics?
    /// By ``RefusalReason/rawValue``; none for the connection limit, which refuses no frame.
    private let framesRefused: [Counter?]
    private let connectionsRefused: [Counter]
    private let dataInfo = Mutex<(version: String, gauge: Gauge)?>(nil)
    let openConnections: Meter
    let requestsInFlight: Meter
    let idleClosed: Counter
    let writeStallClosed: Counter
    let bytesIn: Counter
    let bytesOut: Counter

    /// Metrics for a server of `methods` (every method of `service Kostra`
    /// by default) on `transports` (the native port by default; add
    /// ``Transport/grpc`` when the gRPC port is on: a transport left out has
    /// no series and its calls are not counted),
    /// made with `factory`.
    public init(
        methods: [String] = KostraMethods.allPaths,
        transports: Set<Transport> = [.native],
        factory: any MetricsFactory = MetricsSystem.factory
    ) {
        self.factory = factory
        var table: [String: MethodMetrics] = [:]
        var grpcTable: [String: MethodMetrics] = [:]
        for path in methods {
            table[path] = MethodMetrics(label: path, transport: .native, factory: factory)
            if transports.contains(.grpc) {
                grpcTable[path] = MethodMetrics(label: path, transport: .grpc, factory: factory)
            }
        }
        self.methods = table
        self.other = MethodMetrics(label: Self.otherMethod, transport: .native, factory: factory)
        self.grpcMethods = grpcTable
        self.grpcOther = transports.contains(.grpc) ? MethodMetrics(label: Self.otherMethod, transport: .grpc, factory: factory) : nil
        self.framesRefused = RefusalReason.allCases.map {
            $0 == .connectionLimit ? nil : Counter(label: Names.framesRefused, dimensions: [("reason", $0.label)], factory: factory)
        }
        self.connectionsRefused = [RefusalReason.connectionLimit, .draining].map {
            Counter(label: Names.connectionsRefused, dimensions: [("reason", $0.label)], factory: factory)
        }
        self.openConnections = Meter(label: Names.openConnections, factory: factory)
        self.requestsInFlight = Meter(label: Names.requestsInFlight, factory: factory)
        self.idleClosed = Counter(label: Names.idleClosed, factory: factory)
        self.writeStallClosed = Counter(label: Names.writeStallClosed, factory: factory)
        self.bytesIn = Counter(label: Names.bytesIn, factory: factory)
        self.bytesOut = Counter(label: Names.bytesOut, factory: factory)
    }

    /// The metrics of the method at `path` on the native port, or of "other".
    func method(_ path: String) -> MethodMetrics {
        self.methods[path] ?? self.other
    }

    /// The metrics of the method at `path` on `transport`, or of "other";
    /// nil for a transport these metrics were not made for.
    func method(_ path: String, transport: Transport) -> MethodMetrics? {
        switch transport {
        case .native: self.methods[path] ?? self.other
        case .grpc: self.grpcMethods[path] ?? self.grpcOther
        }
    }

    /// Counts one request to `path` on `transport` answered with `code`,
    /// and records how long it took: for a transport served outside this
    /// module (the gRPC port), which counts as the native port does.
    public func answered(path: String, transport: Transport, code: StatusCode, after duration: Duration) {
        self.method(path, transport: transport)?.answered(code, after: duration)
    }

    /// Counts a request being computed (``Names/requestsInFlight``) until
    /// ``requestFinished()``.
    public func requestStarted() {
        self.requestsInFlight.increment()
    }

    /// Counts a request started with ``requestStarted()`` as done.
    public func requestFinished() {
        self.requestsInFlight.decrement()
    }

    /// Counts a frame refused for `reason`.
    func frameRefused(_ reason: RefusalReason) {
        self.framesRefused[reason.rawValue]?.increment()
    }

    /// Counts a connection refused for `reason` (``RefusalReason/connectionLimit``
    /// or ``RefusalReason/draining``).
    func connectionRefused(_ reason: RefusalReason) {
        self.connectionsRefused[reason == .connectionLimit ? 0 : 1].increment()
    }

    /// Says which data is loaded: `kostra_data_info{version="..."} 1`, and
    /// the version loaded before, if any, removed.
    public func dataLoaded(version: String) {
        let gauge = Gauge(label: Names.dataInfo, dimensions: [("version", version)], factory: self.factory)
        gauge.record(1)
        let previous = self.dataInfo.withLock { current in
            defer { current = (version, gauge) }
            return current
        }
        if let previous, previous.version != version {
            previous.gauge.record(0)
        }
    }
}
