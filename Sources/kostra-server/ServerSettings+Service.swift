import KostraService

extension ServerSettings {
    /// The server's configuration from these settings.
    var serverConfiguration: ServerConfiguration {
        ServerConfiguration(
            host: self.host,
            port: self.port,
            maximumFrameSize: self.maxFrameSize,
            maximumRequestsInFlightPerConnection: self.maxInFlight,
            maximumConnections: self.maxConnections,
            idleTimeout: .milliseconds(Int64(self.idleTimeout * 1000)),
            frameTimeout: .milliseconds(Int64(self.frameTimeout * 1000)),
            writeStallTimeout: .milliseconds(Int64(self.writeStallTimeout * 1000)),
            drainTimeout: .milliseconds(Int64(self.drainTimeout * 1000)),
            maximumResponseSize: self.maxResponseSize,
            tls: self.tlsCert.flatMap { cert in self.tlsKey.map { TLSFiles(certificateChainPath: cert, privateKeyPath: $0) } },
            slowRequestThreshold: self.slowRequestMilliseconds > 0 ? .milliseconds(self.slowRequestMilliseconds) : nil,
            shutdownDelay: .milliseconds(Int64(self.shutdownDelay * 1000))
        )
    }

    /// Who may call what.
    var authentication: Authentication {
        Authentication(token: self.token, requireTokenForReads: self.requireTokenForReads)
    }
}
