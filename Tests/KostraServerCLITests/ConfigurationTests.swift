import Foundation
import Logging
import Testing

@testable import kostra_server

/// Settings from flags, the environment and the configuration file, in one
/// order of precedence, and the errors that stop a start.
@Suite("Server configuration: precedence, errors, --print-config")
struct ConfigurationTests {
    /// A configuration file in a temporary directory, removed after `body`.
    @discardableResult
    func withConfigFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
        let directory = FileManager.default.temporaryDirectory.appending(path: "kostra-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "kostra.conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try body(path)
    }

    @Test("defaults with nothing set")
    func defaults() throws {
        let (settings, effective) = try ServerSettings.resolve(flags: [:], environment: [:])
        #expect(settings == ServerSettings())
        #expect(settings.port == 7878 && settings.host == "127.0.0.1" && settings.metricsPort == nil)
        #expect(effective.allSatisfy { $0.source == .default })
        #expect(effective.map(\.key) == ["config"] + ServerSettings.keys)
    }

    @Test("grpc-port: off by default, from a flag, KOSTRA_GRPC_PORT or the file; off turns it off; a bad port stops the start")
    func grpcPort() throws {
        #expect(try ServerSettings.resolve(flags: [:], environment: [:]).settings.grpcPort == nil)
        #expect(try ServerSettings.resolve(flags: ["grpc-port": "50051"], environment: [:]).settings.grpcPort == 50051)
        #expect(try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_GRPC_PORT": "0"]).settings.grpcPort == 0)
        #expect(try ServerSettings.resolve(flags: ["grpc-port": "off"], environment: ["KOSTRA_GRPC_PORT": "50051"]).settings.grpcPort == nil)
        try self.withConfigFile("grpc-port = 50052\n") { path in
            let (settings, effective) = try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_CONFIG": path])
            #expect(settings.grpcPort == 50052)
            #expect(effective.first { $0.key == "grpc-port" }?.source == .file(path: path, line: 1))
        }
        #expect(throws: ConfigurationError.self) {
            try ServerSettings.resolve(flags: ["grpc-port": "70000"], environment: [:])
        }
        let command = try KostraServerCommand.parse(["--grpc-port", "50051"])
        #expect(command.flagValues["grpc-port"] == "50051")
    }

    @Test("a flag beats the environment, which beats the file, which beats the default")
    func precedence() throws {
        try self.withConfigFile(
            """
            # comment
            port = 7001
            host = "0.0.0.0"   # everywhere
            log-format = json
            metrics-port = 9464
            drain-timeout = 5
            """
        ) { path in
            let environment = ["KOSTRA_CONFIG": path, "KOSTRA_PORT": "7002", "KOSTRA_LOG_FORMAT": "text", "KOSTRA_IGNORED_OTHER": "x"]
            let (settings, effective) = try ServerSettings.resolve(flags: ["port": "7003"], environment: environment)
            #expect(settings.port == 7003)
            #expect(settings.logFormat == .text)
            #expect(settings.host == "0.0.0.0")
            #expect(settings.metricsPort == 9464)
            #expect(settings.drainTimeout == 5)
            #expect(settings.maxInFlight == 1024)
            let sources = Dictionary(uniqueKeysWithValues: effective.map { ($0.key, $0.source) })
            #expect(sources["port"] == .flag("--port"))
            #expect(sources["log-format"] == .environment("KOSTRA_LOG_FORMAT"))
            #expect(sources["host"] == .file(path: path, line: 3))
            #expect(sources["max-in-flight"] == .default)
            #expect(sources["config"] == .environment("KOSTRA_CONFIG"))

            // Without the flag the environment wins; without both, the file.
            #expect(try ServerSettings.resolve(flags: [:], environment: environment).settings.port == 7002)
            #expect(try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_CONFIG": path]).settings.port == 7001)
            // --config beats KOSTRA_CONFIG; an empty variable counts as unset.
            #expect(
                try ServerSettings.resolve(flags: ["config": path], environment: ["KOSTRA_CONFIG": "/nonexistent", "KOSTRA_PORT": ""])
                    .settings.port == 7001
            )
        }
    }

    @Test("a wrong value names the setting, its source and what is allowed", arguments: [
        (["port": "http"], [:], "port", "--port", "an integer from 0 to 65535"),
        ([:], ["KOSTRA_PORT": "70000"], "port", "KOSTRA_PORT", "an integer from 0 to 65535"),
        ([:], ["KOSTRA_LOG_LEVEL": "loud"], "log-level", "KOSTRA_LOG_LEVEL", "trace, debug, info"),
        (["log-format": "xml"], [:], "log-format", "--log-format", "text, json"),
        ([:], ["KOSTRA_DRAIN_TIMEOUT": "-1"], "drain-timeout", "KOSTRA_DRAIN_TIMEOUT", "positive number of seconds"),
        ([:], ["KOSTRA_REQUIRE_TOKEN_FOR_READS": "maybe"], "require-token-for-reads", "KOSTRA_REQUIRE_TOKEN_FOR_READS", "true or false"),
        (["metrics-port": "-5"], [:], "metrics-port", "--metrics-port", "or off"),
        (["max-in-flight": "0"], [:], "max-in-flight", "--max-in-flight", "a positive integer"),
        (["threads": "0"], [:], "threads", "--threads", "from 1 to 256, or auto"),
        ([:], ["KOSTRA_WRITE_STALL_TIMEOUT": "never"], "write-stall-timeout", "KOSTRA_WRITE_STALL_TIMEOUT", "positive number of seconds"),
    ] as [([String: String], [String: String], String, String, String)])
    func wrongValues(flags: [String: String], environment: [String: String], setting: String, source: String, allowed: String) {
        do {
            _ = try ServerSettings.resolve(flags: flags, environment: environment)
            Issue.record("expected an error for \(setting)")
        } catch {
            #expect(error.setting == setting)
            #expect(error.source?.description == source)
            #expect(error.description.contains("allowed: \(allowed)") || error.description.contains(allowed))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("threads: auto (one per core) by default and from the word auto; a number from any source")
    func threads() throws {
        #expect(try ServerSettings.resolve(flags: [:], environment: [:]).settings.threads == 0)
        #expect(try ServerSettings.resolve(flags: ["threads": "auto"], environment: ["KOSTRA_THREADS": "2"]).settings.threads == 0)
        #expect(try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_THREADS": "1"]).settings.threads == 1)
        let written = try ServerSettings.resolve(flags: ["threads": "3"], environment: [:]).settings.serverConfiguration
        #expect(written.writeStallTimeout == .seconds(30))
    }

    @Test("the configuration file: unknown keys, bad lines and a missing file stop the start with the line")
    func fileErrors() throws {
        try self.withConfigFile("port = 7001\nprot = 7002\n") { path in
            #expect(throws: ConfigurationError(
                setting: "prot",
                source: .file(path: path, line: 2),
                problem: "unknown setting; allowed: \(ServerSettings.keys.joined(separator: ", "))"
            )) {
                try ServerSettings.resolve(flags: ["config": path], environment: [:])
            }
        }
        try self.withConfigFile("port 7001\n") { path in
            let error = #expect(throws: ConfigurationError.self) { try ServerSettings.resolve(flags: ["config": path], environment: [:]) }
            #expect(error?.source == .file(path: path, line: 1))
        }
        try self.withConfigFile("host = \"a\\\"b\" # quoted\ntls-cert = \"/etc/x y.pem\"\ntls-key=/k.pem\n") { path in
            let settings = try ServerSettings.resolve(flags: ["config": path], environment: [:]).settings
            #expect(settings.host == "a\"b")
            #expect(settings.tlsCert == "/etc/x y.pem")
            #expect(settings.tlsKey == "/k.pem")
        }
        let missing = #expect(throws: ConfigurationError.self) {
            try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_CONFIG": "/nonexistent/kostra.conf"])
        }
        #expect(missing?.setting == "config")
        #expect(missing?.source == .environment("KOSTRA_CONFIG"))
    }

    @Test("settings that go together: TLS certificate and key; reads behind a token need a token")
    func combinations() throws {
        let tls = #expect(throws: ConfigurationError.self) { try ServerSettings.resolve(flags: ["tls-cert": "/c.pem"], environment: [:]) }
        #expect(tls?.setting == "tls-key")
        #expect(tls?.description.contains("from --tls-cert") == true)
        let reads = #expect(throws: ConfigurationError.self) {
            try ServerSettings.resolve(flags: ["require-token-for-reads": "true"], environment: [:])
        }
        #expect(reads?.setting == "require-token-for-reads")
        let ok = try ServerSettings.resolve(flags: ["require-token-for-reads": "true"], environment: ["KOSTRA_TOKEN": "s3cret"])
        #expect(ok.settings.token == "s3cret")
        #expect(ok.settings.authentication.requireTokenForReads)
    }

    @Test("a token file, from any source, beats KOSTRA_TOKEN; an empty or missing one is an error")
    func tokenFile() throws {
        try self.withConfigFile("from-file\nsecond line\n") { path in
            let settings = try ServerSettings.resolve(flags: [:], environment: ["KOSTRA_TOKEN_FILE": path, "KOSTRA_TOKEN": "direct"]).settings
            #expect(settings.token == "from-file")
        }
        try self.withConfigFile("\n") { path in
            let error = #expect(throws: ConfigurationError.self) { try ServerSettings.resolve(flags: ["token-file": path], environment: [:]) }
            #expect(error?.setting == "token-file")
            #expect(error?.source == .flag("--token-file"))
        }
    }

    @Test("--print-config shows every setting with its source and masks the token")
    func printConfig() throws {
        let (_, effective) = try ServerSettings.resolve(flags: ["port": "9000"], environment: ["KOSTRA_TOKEN": "hunter2-secret"])
        let text = ConfigPrinter.text(effective, version: KostraServerCommand.version)
        #expect(!text.contains("hunter2"))
        #expect(text.contains("token = \"********\""))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("port = 9000 ") && $0.hasSuffix("# from --port") })
        #expect(lines.contains { $0.hasPrefix("token = ") && $0.hasSuffix("# from KOSTRA_TOKEN") })
        #expect(lines.contains { $0.hasPrefix("# metrics-port = (not set)") && $0.hasSuffix("# from default") })
        for key in ServerSettings.keys {
            #expect(lines.contains { $0.hasPrefix("\(key) = ") || $0.hasPrefix("# \(key) = ") }, "\(key) missing")
        }
    }

    @Test("flags parse under their existing names, and --no-require-token-for-reads overrides the environment")
    func flagNames() throws {
        let command = try KostraServerCommand.parse([
            "--host", "::1", "--port", "1", "--max-frame-size", "2", "--max-in-flight", "3", "--max-connections", "4",
            "--idle-timeout", "5", "--frame-timeout", "6", "--drain-timeout", "7", "--shutdown-delay", "0.5", "--max-response-size", "8",
            "--tls-cert", "c", "--tls-key", "k", "--token-file", "t", "--require-token-for-reads", "--log-level", "debug",
            "--log-format", "json", "--slow-request-ms", "9", "--metrics-port", "10", "--metrics-host", "::1", "--config", "f",
        ])
        #expect(command.flagValues.count == 20)
        #expect(command.flagValues["require-token-for-reads"] == "true")
        let off = try KostraServerCommand.parse(["--no-require-token-for-reads"])
        #expect(off.flagValues == ["require-token-for-reads": "false"])
        let settings = try ServerSettings.resolve(flags: off.flagValues, environment: ["KOSTRA_REQUIRE_TOKEN_FOR_READS": "true"]).settings
        #expect(settings.requireTokenForReads == false)
    }
}
