/// Why the server refused a frame or a connection instead of serving it:
/// the `reason` label of `kostra_frames_refused_total` and
/// `kostra_connections_refused_total`.
public enum RefusalReason: Int, CaseIterable, Sendable {
    /// The header announced a payload above `--max-frame-size`.
    case frameTooLarge
    /// The flag byte was not 0.
    case unsupportedFlags
    /// The connection ended inside a frame.
    case truncatedFrame
    /// A frame begun was not completed within `--frame-timeout`.
    case frameTimeout
    /// The payload was not a RequestEnvelope.
    case notAnEnvelope
    /// The envelope had id 0.
    case zeroRequestId
    /// The envelope asked for a protocol version the server does not speak.
    case unsupportedProtocolVersion
    /// The connection already had `--max-in-flight` requests in flight.
    case tooManyInFlight
    /// The server was draining (a request, or a new connection).
    case draining
    /// The server already had `--max-connections` connections open.
    case connectionLimit

    /// The label value: snake case, stable.
    public var label: String {
        switch self {
        case .frameTooLarge: "frame_too_large"
        case .unsupportedFlags: "unsupported_flags"
        case .truncatedFrame: "truncated_frame"
        case .frameTimeout: "frame_timeout"
        case .notAnEnvelope: "not_an_envelope"
        case .zeroRequestId: "zero_request_id"
        case .unsupportedProtocolVersion: "unsupported_protocol_version"
        case .tooManyInFlight: "too_many_in_flight"
        case .draining: "draining"
        case .connectionLimit: "connection_limit"
        }
    }
}
