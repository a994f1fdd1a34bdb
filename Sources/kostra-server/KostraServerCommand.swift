import ArgumentParser
import CoreMetrics
import Foundation
import KostraData
import KostraGRPC
import KostraService
import Logging
import Prometheus
import ServiceLifecycle

/// `kostra-server`: serves the KOSTRA figures over the kostra protocol.
@main
struct KostraServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kostra-server",
        abstract: "Serve KOSTRA comparisons over the kostra protocol (see PROTOCOL.md).",
        discussion: """
            With no data option the server serves its built-in data: every figure of
            the grunnskole chapter of Bærum's KOSTRA analysis 2025. With --data DIR it
            serves the newest version imported into DIR (`kostra-server import`), and
            the Reload method (which needs the token; `kostra-client reload`) makes it
            take up a newer one without dropping a request.

            Every setting is a flag, an environment variable KOSTRA_<SETTING>
            (KOSTRA_PORT, KOSTRA_LOG_FORMAT, ...) or a line 'setting = value' of the
            configuration file (--config FILE or KOSTRA_CONFIG), in that order of
            precedence, then the default. --print-config shows the effective settings
            and where each came from. A wrong setting stops the start with exit code 64.
            KOSTRA_TOKEN sets the token itself.

            Examples:
              kostra-server                       # 127.0.0.1:7878, built-in data
              kostra-server --port 0              # any free port; the log line says which
              kostra-server --host 0.0.0.0 --port 7878 --log-level debug
              kostra-server import --data /var/lib/kostra --status final 12255.json
              kostra-server --data /var/lib/kostra --token-file /etc/kostra/token
              kostra-server --metrics-port 9464   # Prometheus /metrics, /healthz, /readyz
              kostra-server --grpc-port 50051     # gRPC as well (docs/clients.md)
              KOSTRA_LOG_FORMAT=json kostra-server --config /etc/kostra/kostra.conf

            SIGINT or SIGTERM drains: after --shutdown-delay seconds of NOT_SERVING
            (still serving), new connections are refused with UNAVAILABLE, every request
            already read is answered (for at most --drain-timeout seconds), then the
            server exits 0 (the gRPC port, if on, sends GOAWAY and finishes its calls in
            flight at the same time). docs/deploy.md describes running replicas.
            """,
        version: KostraServerCommand.version,
        subcommands: [ImportCommand.self]
    )

    /// What `--version` prints: the version and the commit built from.
    static let version = "kostra-server \(KostraVersion.string) (commit \(BuildInfo.commit))"

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "The TCP port to listen on, 0 for any free port (default 7878).")
    var port: String?

    @Option(help: "Serve the same methods over gRPC (HTTP/2), with health and reflection, on this port; 0 for any free port (default: off).")
    var grpcPort: String?

    @Option(help: "Event-loop threads, or auto for one per core (default auto). With a load generator on the same few cores, fewer can be faster (BENCHMARKS.md).")
    var threads: String?

    @Option(help: "The largest frame payload accepted, in bytes (default 4194304).")
    var maxFrameSize: String?

    @Option(help: "Requests one connection may have in flight (default 1024).")
    var maxInFlight: String?

    @Option(help: "Connections open at once; the next is refused with RESOURCE_EXHAUSTED (default 16384).")
    var maxConnections: String?

    @Option(help: "Seconds a connection may stay silent with nothing in flight before it is closed (default 300).")
    var idleTimeout: String?

    @Option(help: "Seconds a frame may take to arrive once it has begun, against slowloris (default 10).")
    var frameTimeout: String?

    @Option(help: "Seconds answers may wait unread by the client (it takes none of them) before the connection is closed (default 30).")
    var writeStallTimeout: String?

    @Option(help: "Seconds a graceful shutdown waits for requests in flight before closing their connections (default 30).")
    var drainTimeout: String?

    @Option(help: "Seconds to report NOT_SERVING on SIGTERM, still serving, before draining: time for balancers to notice (default 0).")
    var shutdownDelay: String?

    @Option(help: "The largest answer payload sent, in bytes; a larger answer is RESOURCE_EXHAUSTED (default 4194304).")
    var maxResponseSize: String?

    @Option(help: "Speak TLS with this PEM certificate chain (with --tls-key).")
    var tlsCert: String?

    @Option(help: "The PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(help: "A file holding the token that methods changing data need (else $KOSTRA_TOKEN).")
    var tokenFile: String?

    @Flag(inversion: .prefixedNo, help: "Require the token for read methods too (default: no).")
    var requireTokenForReads: Bool?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    @Option(help: "Log format: text (readable) or json (one object per line) (default text).")
    var logFormat: String?

    @Option(help: "Log a warning for each request slower than this many milliseconds; 0 never (default 1000).")
    var slowRequestMs: String?

    @Option(help: "Serve Prometheus /metrics, /healthz and /readyz over HTTP on this port (default: off). Unauthenticated.")
    var metricsPort: String?

    @Option(help: "The address for --metrics-port (default: the same as --host).")
    var metricsHost: String?

    @Option(help: "A configuration file of 'setting = value' lines (else $KOSTRA_CONFIG).")
    var config: String?

    @Flag(help: "Print the effective settings, each with its source and secrets masked, and exit.")
    var printConfig = false

    /// The settings given as flags, by setting name.
    var flagValues: [String: String] {
        var values: [String: String] = [:]
        let options: [(String, String?)] = [
            ("host", self.host), ("port", self.port), ("grpc-port", self.grpcPort), ("threads", self.threads), ("max-frame-size", self.maxFrameSize),
            ("max-in-flight", self.maxInFlight), ("max-connections", self.maxConnections),
            ("idle-timeout", self.idleTimeout), ("frame-timeout", self.frameTimeout),
            ("write-stall-timeout", self.writeStallTimeout), ("drain-timeout", self.drainTimeout),
            ("shutdown-delay", self.shutdownDelay),
            ("max-response-size", self.maxResponseSize), ("tls-cert", self.tlsCert), ("tls-key", self.tlsKey),
            ("token-file", self.tokenFile), ("require-token-for-reads", self.requireTokenForReads.map { "\($0)" }),
            ("log-level", self.logLevel), ("log-format", self.logFormat), ("slow-request-ms", self.slowRequestMs),
            ("metrics-port", self.metricsPort), ("metrics-host", self.metricsHost), ("config", self.config),
            ("data", self.dataDirectory.directory),
        ]
        for case (let key, let value?) in options {
            values[key] = value
        }
        return values
    }

    func run() async throws {
        let resolved: (settings: ServerSettings, effective: [EffectiveSetting])
        do {
            resolved = try ServerSettings.resolve(flags: self.flagValues, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("kostra-server: \(error)\n".utf8))
            throw ExitCode(64)  // EX_USAGE
        }
        let settings = resolved.settings
        if self.printConfig {
            print(ConfigPrinter.text(resolved.effective, version: Self.version), terminator: "")
            return
        }

        let (format, level) = (settings.logFormat, settings.logLevel)
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let logger = Logger(label: "kostra-server")
        if settings.threads > 0 {
            KostraService.useEventLoopThreads(settings.threads)
        }
        if let files = FileDescriptorLimit.raiseToHard(), files < UInt64(settings.maxConnections) + 64 {
            logger.warning(
                "the open-file limit is below max-connections: connections beyond it will be refused by the system",
                metadata: ["open_file_limit": "\(files)", "max_connections": "\(settings.maxConnections)"]
            )
        }
        // The store is opened before the start so that a directory that is not one stops it
        // at once; its newest version is loaded by the server (NOT_SERVING meanwhile).
        let load: @Sendable () throws -> Dataset
        let reload: (@Sendable () throws -> Dataset)?
        if let directory = settings.data {
            let store: DataStore
            do {
                store = try DataStore(directory: directory)
            } catch {
                logger.critical("cannot open the data directory", metadata: ["error": "\(error)", "data": "\(directory)"])
                throw ExitCode(2)
            }
            // read(), not open(): a server writes nothing, so the directory may be read-only.
            // The catalogue is read at once and each indicator's figures when first asked for;
            // every figure is then read in the background (at start), or before the swap (on
            // Reload), so that requests seldom wait for a first read.
            load = {
                let dataset = try store.read().dataset
                DispatchQueue.global(qos: .utility).async { Self.warm(dataset, logger: logger) }
                return dataset
            }
            reload = {
                let dataset = try store.read().dataset
                Self.warm(dataset, logger: logger)
                return dataset
            }
        } else {
            load = { try Dataset.builtIn() }
            reload = nil
        }
        let health = HealthState()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var metrics: ServerMetrics?
        if let metricsPort = settings.metricsPort {
            let registry = Self.bootstrapMetrics()
            metrics = ServerMetrics(transports: settings.grpcPort == nil ? [.native] : [.native, .grpc])
            services.append(
                .init(
                    service: OpsServer(
                        host: settings.metricsHost ?? settings.host,
                        port: metricsPort,
                        health: health,
                        metricsText: {
                            var text: [UInt8] = []
                            registry.emit(into: &text)
                            return text
                        },
                        logger: logger
                    )
                )
            )
        }
        // After the ops endpoint: the group shuts services down in reverse
        // order, so /readyz answers "draining" until the server has drained.
        services.append(
            .init(
                service: DataLoadingServer(
                    configuration: settings.serverConfiguration,
                    authentication: settings.authentication,
                    health: health,
                    metrics: metrics,
                    logger: logger,
                    load: load,
                    reload: reload,
                    alongside: settings.grpcPort.map { grpcPort in
                        [
                            { [metrics] routers in
                                KostraGRPCServer(
                                    configuration: GRPCServerConfiguration(port: grpcPort, native: settings.serverConfiguration),
                                    routers: routers,
                                    health: health,
                                    metrics: metrics,
                                    logger: logger
                                )
                            }
                        ]
                    } ?? []
                )
            )
        )
        logger.info(
            "kostra-server starting",
            metadata: [
                "version": "\(KostraVersion.string)",
                "commit": "\(BuildInfo.commit)",
                "log_format": "\(settings.logFormat.rawValue)",
                "threads": "\(settings.threads == 0 ? "auto" : String(settings.threads))",
            ]
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            logger.critical("kostra-server stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(2)
        }
    }

    /// Makes the Prometheus registry, bootstraps swift-metrics with it (once,
    /// here in the executable), and records the build.
    /// Reads every figure of `dataset`, and says how long it took and what it costs.
    static func warm(_ dataset: Dataset, logger: Logger) {
        let start = ContinuousClock.now
        let bytes = dataset.warm()
        let elapsed = ContinuousClock.now - start
        logger.info(
            "every figure read",
            metadata: [
                "data_version": "\(dataset.name)", "milliseconds": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
                "megabytes": "\(bytes / 1_000_000)",
            ]
        )
        for failure in dataset.loadFailures {
            logger.error("figures that could not be read are served as missing", metadata: ["error": "\(failure)"])
        }
    }

    static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Cached answers take microseconds, computed ones milliseconds.
        factory.durationHistogramBuckets[ServerMetrics.Names.duration] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        Gauge(label: "kostra_build_info", dimensions: [("version", KostraVersion.string), ("commit", BuildInfo.commit)]).record(1)
        return registry
    }
}
