/// How a client speaks TLS to the server.
public struct ClientTLS: Sendable, Hashable {
    /// A PEM file of certificates to trust instead of the system's (a
    /// private CA, or a server's self-signed certificate).
    public var trustRootsPath: String?
    /// The name to verify the server's certificate against; the host by default.
    public var serverName: String?

    /// TLS with the system's trust roots, or those in `trustRootsPath`.
    public init(trustRootsPath: String? = nil, serverName: String? = nil) {
        self.trustRootsPath = trustRootsPath
        self.serverName = serverName
    }
}
