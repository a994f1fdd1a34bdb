import Foundation
import KostraService
import Logging

/// Every setting of kostra-server, resolved from flags, the environment
/// (`KOSTRA_<SETTING>`), the configuration file and the defaults, in that
/// order of precedence, and checked: a wrong value is a
/// ``ConfigurationError`` naming the setting, its source and what is allowed.
struct ServerSettings: Equatable {
    /// How logs are written.
    enum LogFormat: String, CaseIterable {
        /// Readable lines (swift-log's stream handler).
        case text
        /// One JSON object per line.
        case json
    }

    /// The settings a configuration file may hold, in `--print-config` order.
    static let keys = [
        "data", "host", "port", "grpc-port", "threads", "max-frame-size", "max-in-flight", "max-connections", "idle-timeout", "frame-timeout",
        "write-stall-timeout", "drain-timeout", "shutdown-delay", "max-response-size", "tls-cert", "tls-key", "token-file", "token", "require-token-for-reads",
        "log-level", "log-format", "slow-request-ms", "metrics-port", "metrics-host",
    ]

    /// The data directory whose newest version is served; nil: the built-in data.
    var data: String?
    var host = "127.0.0.1"
    var port = 7878
    /// nil: no gRPC port.
    var grpcPort: Int?
    /// Event-loop threads; 0 (the default): one per core.
    var threads = 0
    var maxFrameSize = 4 * 1024 * 1024
    var maxInFlight = 1024
    var maxConnections = 16_384
    var idleTimeout: Double = 300
    var frameTimeout: Double = 10
    var writeStallTimeout: Double = 30
    var drainTimeout: Double = 30
    /// Seconds of NOT_SERVING before the drain; 0 drains at once.
    var shutdownDelay: Double = 0
    var maxResponseSize = 4 * 1024 * 1024
    var tlsCert: String?
    var tlsKey: String?
    var tokenFile: String?
    /// The token itself: read from `tokenFile` when that is set (a token
    /// file, from any source, beats a token given directly), else `token`.
    var token: String?
    var requireTokenForReads = false
    var logLevel = Logger.Level.info
    var logFormat = LogFormat.text
    /// 0: no slow-request warnings.
    var slowRequestMilliseconds = 1000
    /// nil: no metrics or health endpoint.
    var metricsPort: Int?
    /// nil: the same address as `host`.
    var metricsHost: String?

    /// Resolves every setting.
    ///
    /// - Parameters:
    ///   - flags: the values given on the command line, by setting name
    ///     (`"port": "9000"`); `config` names the configuration file.
    ///   - environment: the process environment.
    /// - Returns: the settings and each one's value and source, for `--print-config`.
    static func resolve(
        flags: [String: String],
        environment: [String: String]
    ) throws(ConfigurationError) -> (settings: ServerSettings, effective: [EffectiveSetting]) {
        var file: ConfigFile?
        var configSetting = EffectiveSetting(key: "config", value: nil, source: .default, secret: false)
        var configSource: (path: String, source: SettingSource)?
        if let path = flags["config"] {
            configSource = (path, .flag("--config"))
        } else if let path = environment["KOSTRA_CONFIG"], !path.isEmpty {
            configSource = (path, .environment("KOSTRA_CONFIG"))
        }
        if let configSource {
            let (path, source) = configSource
            file = try ConfigFile.load(path: path, knownKeys: Self.keys, source: source)
            configSetting = EffectiveSetting(key: "config", value: Self.quoted(path), source: source, secret: false)
        }
        var reader = SettingsReader(flags: flags, environment: environment, file: file)
        reader.record(configSetting)
        var settings = ServerSettings()
        let d = ServerSettings()  // the defaults

        settings.data = try reader.read("data", default: String?.none, allowed: "a directory path", show: { $0.map(Self.quoted) }) {
            $0.isEmpty ? nil : $0
        }
        settings.host = try reader.read("host", default: d.host, allowed: "a host name or IP address", show: Self.quoted) {
            $0.isEmpty || $0.contains(" ") ? nil : $0
        }
        settings.port = try reader.read("port", default: d.port, allowed: "an integer from 0 to 65535 (0: any free port)", show: { "\($0)" }) {
            Int($0).flatMap { (0...65535).contains($0) ? $0 : nil }
        }
        settings.grpcPort = try reader.readOptionalPort("grpc-port", default: d.grpcPort)
        settings.threads = try reader.read(
            "threads",
            default: d.threads,
            allowed: "an integer from 1 to 256, or auto (one per core)",
            show: { $0 == 0 ? "\"auto\"" : "\($0)" },
            parse: { text -> Int? in
                if text == "auto" { return 0 }
                return Int(text).flatMap { (1...256).contains($0) ? $0 : nil }
            }
        )
        settings.maxFrameSize = try reader.readPositive("max-frame-size", default: d.maxFrameSize, unit: "bytes")
        settings.maxInFlight = try reader.readPositive("max-in-flight", default: d.maxInFlight, unit: "requests")
        settings.maxConnections = try reader.readPositive("max-connections", default: d.maxConnections, unit: "connections")
        settings.idleTimeout = try reader.readSeconds("idle-timeout", default: d.idleTimeout)
        settings.frameTimeout = try reader.readSeconds("frame-timeout", default: d.frameTimeout)
        settings.writeStallTimeout = try reader.readSeconds("write-stall-timeout", default: d.writeStallTimeout)
        settings.drainTimeout = try reader.readSeconds("drain-timeout", default: d.drainTimeout)
        settings.shutdownDelay = try reader.read(
            "shutdown-delay",
            default: d.shutdownDelay,
            allowed: "a number of seconds from 0 to 3600",
            show: { "\($0)" },
            parse: { Double($0).flatMap { $0 >= 0 && $0 <= 3600 ? $0 : nil } }
        )
        settings.maxResponseSize = try reader.readPositive("max-response-size", default: d.maxResponseSize, unit: "bytes")
        settings.tlsCert = try reader.readPath("tls-cert")
        settings.tlsKey = try reader.readPath("tls-key")
        guard (settings.tlsCert == nil) == (settings.tlsKey == nil) else {
            let given = settings.tlsCert == nil ? "tls-key" : "tls-cert"
            throw ConfigurationError(
                setting: given == "tls-cert" ? "tls-key" : "tls-cert",
                source: nil,
                problem: "tls-cert and tls-key go together, but only \(given) is set (from \(reader.source(of: given)!)); give both or neither"
            )
        }
        settings.tokenFile = try reader.readPath("token-file")
        let directToken = try reader.read("token", default: String?.none, allowed: "a non-empty token", secret: true, show: { $0 }) {
            $0.isEmpty ? nil : $0
        }
        if let tokenFile = settings.tokenFile {
            do {
                settings.token = try TokenSource.read(file: tokenFile)
            } catch {
                throw ConfigurationError(setting: "token-file", source: reader.source(of: "token-file"), problem: "\(error)")
            }
        } else {
            settings.token = directToken
        }
        settings.requireTokenForReads = try reader.read(
            "require-token-for-reads",
            default: d.requireTokenForReads,
            allowed: "true or false",
            show: { "\($0)" },
            parse: Self.bool
        )
        if settings.requireTokenForReads, settings.token == nil {
            throw ConfigurationError(
                setting: "require-token-for-reads",
                source: reader.source(of: "require-token-for-reads"),
                problem: "needs a token, and none is set: give token-file (--token-file, KOSTRA_TOKEN_FILE) or KOSTRA_TOKEN"
            )
        }
        settings.logLevel = try reader.read(
            "log-level",
            default: d.logLevel,
            allowed: Logger.Level.allCases.map(\.rawValue).joined(separator: ", "),
            show: { Self.quoted($0.rawValue) },
            parse: { Logger.Level(rawValue: $0.lowercased()) }
        )
        settings.logFormat = try reader.read(
            "log-format",
            default: d.logFormat,
            allowed: LogFormat.allCases.map(\.rawValue).joined(separator: ", "),
            show: { Self.quoted($0.rawValue) },
            parse: { LogFormat(rawValue: $0.lowercased()) }
        )
        settings.slowRequestMilliseconds = try reader.read(
            "slow-request-ms",
            default: d.slowRequestMilliseconds,
            allowed: "an integer number of milliseconds, 0 or more (0: never warn)",
            show: { "\($0)" },
            parse: { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        )
        settings.metricsPort = try reader.readOptionalPort("metrics-port", default: d.metricsPort)
        settings.metricsHost = try reader.read(
            "metrics-host",
            default: d.metricsHost,
            allowed: "a host name or IP address (default: the same as host)",
            show: { $0.map(Self.quoted) },
            parse: { $0.isEmpty || $0.contains(" ") ? nil : $0 }
        )
        return (settings, reader.effective)
    }

    /// true/false, yes/no, on/off, 1/0.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }

    /// A value as a TOML string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension SettingsReader {
    /// A port that is off (nil) unless set: "off", or 0 to 65535 (0: any free port).
    mutating func readOptionalPort(_ key: String, default defaultValue: Int?) throws(ConfigurationError) -> Int? {
        try self.read(
            key,
            default: defaultValue,
            allowed: "an integer from 0 to 65535 (0: any free port), or off",
            show: { $0.map { "\($0)" } },
            parse: { text -> Int?? in
                if text == "off" { return .some(nil) }
                guard let port = Int(text), (0...65535).contains(port) else { return nil }
                return .some(port)
            }
        )
    }

    /// A positive integer.
    mutating func readPositive(_ key: String, default defaultValue: Int, unit: String) throws(ConfigurationError) -> Int {
        try self.read(key, default: defaultValue, allowed: "a positive integer (\(unit))", show: { "\($0)" }) {
            Int($0).flatMap { $0 > 0 ? $0 : nil }
        }
    }

    /// A positive number of seconds below a million.
    mutating func readSeconds(_ key: String, default defaultValue: Double) throws(ConfigurationError) -> Double {
        try self.read(key, default: defaultValue, allowed: "a positive number of seconds below 1000000", show: { "\($0)" }) {
            Double($0).flatMap { $0 > 0 && $0 < 1e6 ? $0 : nil }
        }
    }

    /// A file path, or nil when unset.
    mutating func readPath(_ key: String) throws(ConfigurationError) -> String? {
        try self.read(key, default: String?.none, allowed: "a file path", show: { $0.map(ServerSettings.quoted) }) {
            $0.isEmpty ? nil : $0
        }
    }
}
