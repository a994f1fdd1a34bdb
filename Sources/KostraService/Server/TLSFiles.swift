/// The files a server needs to speak TLS: its certificate chain and private
/// key, both PEM.
public struct TLSFiles: Sendable, Hashable {
    /// The PEM file holding the certificate chain, leaf first.
    public var certificateChainPath: String
    /// The PEM file holding the private key.
    public var privateKeyPath: String

    /// TLS from these files.
    public init(certificateChainPath: String, privateKeyPath: String) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
    }
}
