public import KostraService

/// How the gRPC port listens and the limits it keeps: the native port's
/// host, TLS files and limits where they mean the same thing over HTTP/2.
public struct GRPCServerConfiguration: Sendable {
    /// The address to bind (the native port's `--host`).
    public var host: String
    /// The port to bind; 0 asks the system for a free one.
    public var port: Int
    /// TLS with the native port's certificate and key, or nil for plaintext
    /// HTTP/2 (h2c).
    public var tls: TLSFiles?
    /// The largest request message accepted, in bytes (the native port's
    /// largest frame); a larger one is RESOURCE_EXHAUSTED from the transport.
    public var maximumRequestSize: Int
    /// The largest answer message sent; a larger answer is replaced by
    /// RESOURCE_EXHAUSTED, as on the native port.
    public var maximumResponseSize: Int
    /// The deadline of a call that sends no `grpc-timeout`, in milliseconds.
    public var defaultTimeoutMilliseconds: UInt32
    /// A call slower than this is logged as a warning; nil logs none.
    public var slowRequestThreshold: Duration?
    /// How long, on graceful shutdown, the port keeps serving while health
    /// says NOT_SERVING, before it sends GOAWAY.
    public var shutdownDelay: Duration
    /// How long the drain waits for calls in flight before the server stops
    /// them.
    public var drainTimeout: Duration
    /// How long a connection may have no call open before it is closed
    /// (GOAWAY), as the native port's idle timeout.
    public var idleTimeout: Duration
    /// How many calls one HTTP/2 connection may have open at once (the
    /// native port's requests in flight per connection).
    public var maximumConcurrentStreams: Int

    /// The gRPC port on `port` with everything else as `native` has it.
    public init(port: Int, native: ServerConfiguration) {
        self.host = native.host
        self.port = port
        self.tls = native.tls
        self.maximumRequestSize = native.maximumFrameSize
        self.maximumResponseSize = native.maximumResponseSize
        self.defaultTimeoutMilliseconds = native.defaultTimeoutMilliseconds
        self.slowRequestThreshold = native.slowRequestThreshold
        self.shutdownDelay = native.shutdownDelay
        self.drainTimeout = native.drainTimeout
        self.maximumConcurrentStreams = native.maximumRequestsInFlightPerConnection
        self.idleTimeout = native.idleTimeout
    }
}
