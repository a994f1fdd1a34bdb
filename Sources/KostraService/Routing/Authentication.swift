public import KostraCodec
public import KostraProtocol

/// Who may call what: a shared token, sent as the metadata entry
/// `authorization: Bearer <token>`, compared in constant time.
///
/// Methods that change data or the server's state need the token always;
/// with no token configured they are refused (PERMISSION_DENIED). Read
/// methods are open unless ``requireTokenForReads`` is set. The health check
/// and the schema are always open.
public struct Authentication: Sendable {
    /// The token's bytes; nil when none is configured.
    private let token: [UInt8]?
    /// Whether read methods need the token too.
    public let requireTokenForReads: Bool

    /// A policy with `token` (nil for none) and whether reads need it.
    public init(token: String?, requireTokenForReads: Bool = false) {
        self.token = token.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        self.requireTokenForReads = requireTokenForReads
    }

    /// No token: reads open, writes refused.
    public static let none = Authentication(token: nil)

    /// Whether a token is configured.
    public var hasToken: Bool { self.token != nil }

    /// Checks a request for a method of `access`; throws the status to answer with.
    public func authorize(_ access: MethodAccess, method: String, metadata: [KostraV1.MetadataEntry]) throws(RPCError) {
        switch access {
        case .open: return
        case .read where !self.requireTokenForReads: return
        case .read, .write: break
        }
        guard let token = self.token else {
            throw RPCError(
                .permissionDenied,
                "\(method) changes the server's data, and this server has no token configured (--token-file or KOSTRA_TOKEN), so no one may call it"
            )
        }
        guard let presented = Self.bearerToken(in: metadata) else {
            throw RPCError(.unauthenticated, "\(method) needs a token: send the metadata entry 'authorization: Bearer <token>'")
        }
        guard Self.constantTimeEqual(presented, token) else {
            throw RPCError(.unauthenticated, "the token sent for \(method) is not the server's")
        }
    }

    /// The token of the first `authorization: Bearer <token>` entry.
    static func bearerToken(in metadata: [KostraV1.MetadataEntry]) -> [UInt8]? {
        guard let value = metadata.first(where: { $0.key == "authorization" })?.value else { return nil }
        let prefix = "Bearer "
        guard value.hasPrefix(prefix) else { return nil }
        return Array(value.utf8.dropFirst(prefix.utf8.count))
    }

    /// Compares two byte strings in time that depends only on their lengths,
    /// never on where they first differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: a.count ^ b.count)
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }
}
