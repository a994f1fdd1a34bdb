public import KostraProtocol

/// How a ``KostraServer`` listens and the limits it keeps.
public struct ServerConfiguration: Sendable {
    /// The address to bind. Loopback by default: exposing the server is a choice.
    public var host: String
    /// The port to bind; 0 asks the system for a free one.
    public var port: Int
    /// The largest frame payload accepted, in bytes (4 MiB by default).
    public var maximumFrameSize: Int
    /// How many requests one connection may have in flight; a request beyond
    /// it is answered RESOURCE_EXHAUSTED.
    public var maximumRequestsInFlightPerConnection: Int
    /// The deadline of a request that names none, in milliseconds.
    public var defaultTimeoutMilliseconds: UInt32
    /// How long a draining connection, its answers sent and its output
    /// half-closed, waits for the client to close before closing itself.
    public var drainLinger: Duration
    /// How long a graceful shutdown waits for the requests in flight before
    /// it closes the connections that still have some; the bound on the time
    /// from SIGTERM to exit is this plus ``drainLinger``.
    public var drainTimeout: Duration
    /// How long, on graceful shutdown, the server reports NOT_SERVING (the
    /// health method, `/readyz`) while still serving everything as usual,
    /// before it starts to drain: time for load balancers' health checks to
    /// see it and stop sending new connections, so that none is refused.
    /// Zero (the default) drains at once.
    public var shutdownDelay: Duration
    /// How many connections may be open at once; the next one is answered
    /// RESOURCE_EXHAUSTED on request id 0 and closed.
    public var maximumConnections: Int
    /// How long a connection may send nothing while none of its requests is
    /// in flight before the server closes it (UNAVAILABLE on id 0).
    public var idleTimeout: Duration
    /// How long answers may wait to be written without the client taking any
    /// of them (a client that sends and does not read) before the server
    /// closes the connection (within twice this), without a frame, since the client is not
    /// reading. Kept apart from ``idleTimeout``: a client reading slowly is
    /// busy, not idle, and the kernel shows its reading only in steps.
    public var writeStallTimeout: Duration
    /// How long a frame may take to arrive once its first byte has
    /// (slowloris); then DEADLINE_EXCEEDED on id 0 and the connection closes.
    public var frameTimeout: Duration
    /// The largest answer payload sent; a larger answer is replaced by
    /// RESOURCE_EXHAUSTED.
    public var maximumResponseSize: Int
    /// TLS on the same protocol, or nil for plain TCP.
    public var tls: TLSFiles?
    /// A request that takes longer than this, from reading it to writing its
    /// answer, is logged as a warning with its id, method, status, duration
    /// and peer; nil logs none.
    public var slowRequestThreshold: Duration?

    /// The defaults: 127.0.0.1:7878, 4 MiB frames in and out, 1 024 requests in
    /// flight per connection, 16 384 connections, 30 s default deadline,
    /// 300 s idle timeout, 30 s write stall, 10 s for a frame to arrive, 30 s to drain and 2 s
    /// linger when draining, and requests slower than 1 s logged.
    public init(
        host: String = "127.0.0.1",
        port: Int = 7878,
        maximumFrameSize: Int = FrameDecoder.defaultMaximumPayloadSize,
        maximumRequestsInFlightPerConnection: Int = 1024,
        defaultTimeoutMilliseconds: UInt32 = 30_000,
        drainLinger: Duration = .seconds(2),
        maximumConnections: Int = 16_384,
        idleTimeout: Duration = .seconds(300),
        frameTimeout: Duration = .seconds(10),
        writeStallTimeout: Duration = .seconds(30),
        drainTimeout: Duration = .seconds(30),
        maximumResponseSize: Int = FrameDecoder.defaultMaximumPayloadSize,
        tls: TLSFiles? = nil,
        slowRequestThreshold: Duration? = .seconds(1),
        shutdownDelay: Duration = .zero
    ) {
        self.shutdownDelay = shutdownDelay
        self.host = host
        self.port = port
        self.maximumFrameSize = maximumFrameSize
        self.maximumRequestsInFlightPerConnection = maximumRequestsInFlightPerConnection
        self.defaultTimeoutMilliseconds = defaultTimeoutMilliseconds
        self.drainLinger = drainLinger
        self.drainTimeout = drainTimeout
        self.maximumConnections = maximumConnections
        self.idleTimeout = idleTimeout
        self.frameTimeout = frameTimeout
        self.writeStallTimeout = writeStallTimeout
        self.maximumResponseSize = maximumResponseSize
        self.tls = tls
        self.slowRequestThreshold = slowRequestThreshold
    }
}
