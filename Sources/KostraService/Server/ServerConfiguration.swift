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

    /// The defaults: 127.0.0.1:7878, 4 MiB frames, 1 024 requests in flight per
    /// connection, 30 s default deadline, 2 s linger when draining.
    public init(
        host: String = "127.0.0.1",
        port: Int = 7878,
        maximumFrameSize: Int = FrameDecoder.defaultMaximumPayloadSize,
        maximumRequestsInFlightPerConnection: Int = 1024,
        defaultTimeoutMilliseconds: UInt32 = 30_000,
        drainLinger: Duration = .seconds(2)
    ) {
        self.host = host
        self.port = port
        self.maximumFrameSize = maximumFrameSize
        self.maximumRequestsInFlightPerConnection = maximumRequestsInFlightPerConnection
        self.defaultTimeoutMilliseconds = defaultTimeoutMilliseconds
        self.drainLinger = drainLinger
    }
}
