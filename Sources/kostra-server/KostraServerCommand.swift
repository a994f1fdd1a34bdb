import ArgumentParser
import Foundation
import KostraData
import KostraService
import Logging
import ServiceLifecycle

/// `kostra-server`: serves the KOSTRA figures over the kostra protocol.
@main
struct KostraServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kostra-server",
        abstract: "Serve KOSTRA comparisons over the kostra protocol (see PROTOCOL.md).",
        discussion: """
            With no data option the server serves its built-in data: every figure of the
            grunnskole chapter of Bærum's KOSTRA analysis 2025. With --data DIR it serves the
            newest version imported into DIR (`kostra-server import`), and the Reload method
            (which needs the token) makes it take up a newer one without dropping a request.

            Examples:
              kostra-server                       # 127.0.0.1:7878, built-in data
              kostra-server --port 0              # any free port; the log line says which
              kostra-server --host 0.0.0.0 --port 7878 --log-level debug
              kostra-server import --data /var/lib/kostra --status final 12255.json
              kostra-server --data /var/lib/kostra --token-file /etc/kostra/token

            SIGINT or SIGTERM drains: new connections are refused with UNAVAILABLE, every
            request already read is answered (for at most --drain-timeout seconds), then
            the server exits 0.
            """,
        version: KostraVersion.string,
        subcommands: [ImportCommand.self]
    )

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The TCP port to listen on (0 for any free port).")
    var port: Int = 7878

    @Option(help: "The largest frame payload accepted, in bytes.")
    var maxFrameSize: Int = 4 * 1024 * 1024

    @Option(help: "Requests one connection may have in flight.")
    var maxInFlight: Int = 1024

    @Option(help: "Connections open at once; the next is refused with RESOURCE_EXHAUSTED.")
    var maxConnections: Int = 16_384

    @Option(help: "Seconds a connection may stay silent with nothing in flight before it is closed.")
    var idleTimeout: Double = 300

    @Option(help: "Seconds a frame may take to arrive once it has begun (against slowloris).")
    var frameTimeout: Double = 10

    @Option(help: "Seconds a graceful shutdown waits for requests in flight before closing their connections.")
    var drainTimeout: Double = 30

    @Option(help: "The largest answer payload sent, in bytes; a larger answer is RESOURCE_EXHAUSTED.")
    var maxResponseSize: Int = 4 * 1024 * 1024

    @Option(help: "Speak TLS with this PEM certificate chain (with --tls-key).")
    var tlsCert: String?

    @Option(help: "The PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(help: "A file holding the token that methods changing data need (else $KOSTRA_TOKEN).")
    var tokenFile: String?

    @Flag(help: "Require the token for read methods too.")
    var requireTokenForReads = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(self.port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(self.port)")
        }
        guard self.maxFrameSize > 0 else {
            throw ValidationError("--max-frame-size must be positive, not \(self.maxFrameSize)")
        }
        guard Logger.Level(rawValue: self.logLevel) != nil else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--log-level must be one of \(levels), not '\(self.logLevel)'")
        }
        for (name, value) in [("--max-connections", self.maxConnections), ("--max-response-size", self.maxResponseSize)]
        where value <= 0 {
            throw ValidationError("\(name) must be positive, not \(value)")
        }
        for (name, value) in [
            ("--idle-timeout", self.idleTimeout), ("--frame-timeout", self.frameTimeout), ("--drain-timeout", self.drainTimeout),
        ]
        where !(value > 0 && value < 1e6) {
            throw ValidationError("\(name) must be a positive number of seconds, not \(value)")
        }
        guard (self.tlsCert == nil) == (self.tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both or neither")
        }
        guard self.maxInFlight > 0 else {
            throw ValidationError("--max-in-flight must be positive, not \(self.maxInFlight)")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: self.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kostra-server")
        if let files = FileDescriptorLimit.raiseToHard(), files < UInt64(self.maxConnections) + 64 {
            logger.warning(
                "the open-file limit is below --max-connections: connections beyond it will be refused by the system",
                metadata: ["open_file_limit": "\(files)", "max_connections": "\(self.maxConnections)"]
            )
        }

        let token: String?
        do {
            token = try TokenSource.read(file: self.tokenFile, environment: ProcessInfo.processInfo.environment)
        } catch {
            logger.critical("cannot read the token", metadata: ["error": "\(error)"])
            throw ExitCode(2)
        }
        if self.requireTokenForReads, token == nil {
            logger.critical("--require-token-for-reads needs a token: give --token-file or KOSTRA_TOKEN")
            throw ExitCode(2)
        }

        let dataset: Dataset
        var load: (@Sendable () throws -> Dataset)?
        do {
            if let directory = self.dataDirectory.directory {
                let store = try DataStore(directory: directory)
                dataset = try store.open().dataset
                load = { try store.open().dataset }
            } else {
                dataset = try Dataset.builtIn()
            }
        } catch {
            logger.critical("cannot load the data", metadata: ["error": "\(error)", "data": "\(self.dataDirectory.directory ?? "built-in")"])
            throw ExitCode(2)
        }
        logger.info("data loaded", metadata: ["data_version": "\(dataset.name)"])
        let server = KostraService.server(
            dataset: dataset,
            load: load,
            configuration: ServerConfiguration(
                host: self.host,
                port: self.port,
                maximumFrameSize: self.maxFrameSize,
                maximumRequestsInFlightPerConnection: self.maxInFlight,
                maximumConnections: self.maxConnections,
                idleTimeout: .milliseconds(Int64(self.idleTimeout * 1000)),
                frameTimeout: .milliseconds(Int64(self.frameTimeout * 1000)),
                drainTimeout: .milliseconds(Int64(self.drainTimeout * 1000)),
                maximumResponseSize: self.maxResponseSize,
                tls: self.tlsCert.flatMap { cert in self.tlsKey.map { TLSFiles(certificateChainPath: cert, privateKeyPath: $0) } }
            ),
            authentication: Authentication(token: token, requireTokenForReads: self.requireTokenForReads),
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
