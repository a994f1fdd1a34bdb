public import KostraCodec

/// A request that failed: a status code, a sentence saying what was wrong
/// and where, and details naming fields, accepted values and close matches.
///
/// Handlers throw it; the server turns it into the answer's `Status`; the
/// client turns a non-OK `Status` back into it.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status code; never `.ok`.
    public var code: StatusCode
    /// What was wrong and where, for a person.
    public var message: String
    /// Field-level details.
    public var details: [KostraV1.ErrorDetail]

    /// An error with a code, a message and optional details.
    public init(_ code: StatusCode, _ message: String, details: [KostraV1.ErrorDetail] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// Reads an error from a status; nil when the status is OK.
    public init?(status: KostraV1.Status) {
        guard status.code != .ok else { return nil }
        self.init(status.code, status.message, details: status.details)
    }

    /// The status that carries this error on the wire.
    public var status: KostraV1.Status {
        KostraV1.Status(code: self.code, message: self.message, details: self.details)
    }

    /// "NOT_FOUND: no region matches 'Baerun'".
    public var description: String {
        "\(self.code.name): \(self.message)"
    }
}

extension RPCError {
    /// NOT_FOUND for a value of `field` that the server does not have,
    /// listing what it has and what was probably meant.
    public static func notFound(
        field: String,
        _ message: String,
        available: [String] = [],
        suggestions: [String] = []
    ) -> RPCError {
        RPCError(
            .notFound,
            message,
            details: [KostraV1.ErrorDetail(field: field, reason: message, available: available, suggestions: suggestions)]
        )
    }

    /// INVALID_ARGUMENT for a field that is malformed or inconsistent with another.
    public static func invalidArgument(field: String, _ message: String) -> RPCError {
        RPCError(.invalidArgument, message, details: [KostraV1.ErrorDetail(field: field, reason: message)])
    }
}
