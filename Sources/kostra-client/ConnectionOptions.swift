import ArgumentParser
import Foundation
import KostraCodec
import KostraClient
import KostraProtocol

/// Where the server is: `--host` and `--port` (before or after the command
/// name), else `KOSTRA_HOST` and `KOSTRA_PORT`, else 127.0.0.1:7878.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The server's host (default: $KOSTRA_HOST or 127.0.0.1).")
    var host: String?

    @Option(help: "The server's port (default: $KOSTRA_PORT or 7878).")
    var port: Int?

    @Option(help: "Seconds to wait for an answer (default 10).")
    var timeout: Double?

    @Option(help: "A file holding the server's token (default: $KOSTRA_TOKEN, if set).")
    var tokenFile: String?

    @Flag(help: "Speak TLS to the server.")
    var tls = false

    @Option(help: "With --tls: a PEM file of certificates to trust instead of the system's.")
    var caFile: String?

    func validate() throws {
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port must be between 1 and 65535, not \(port)")
        }
        if let timeout, !(timeout > 0) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
    }

    /// The host to connect to.
    func resolvedHost(environment: [String: String]) -> String {
        self.host ?? environment["KOSTRA_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
    }

    /// The port to connect to; a malformed KOSTRA_PORT is a usage error.
    func resolvedPort(environment: [String: String]) throws -> Int {
        if let port { return port }
        guard let text = environment["KOSTRA_PORT"], !text.isEmpty else { return 7878 }
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ValidationError("KOSTRA_PORT must be a port number between 1 and 65535, not '\(text)'")
        }
        return port
    }

    /// Connects and runs `body`; an unreachable server is an RPCError UNAVAILABLE.
    func withConnection<Result: Sendable>(
        _ body: (KostraConnection) async throws -> Result
    ) async throws -> Result {
        let environment = ProcessEnvironment.current
        let host = self.resolvedHost(environment: environment)
        let port = try self.resolvedPort(environment: environment)
        let tls = self.tls || self.caFile != nil ? ClientTLS(trustRootsPath: self.caFile) : nil
        return try await KostraClient.withConnection(host: host, port: port, tls: tls, body)
    }

    /// Connects, calls `method` with the deadline and the token, and closes.
    func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request) async throws -> Response {
        let metadata = try self.metadata(environment: ProcessEnvironment.current)
        return try await self.withConnection { connection in
            try await connection.call(method, request, timeout: self.deadline, metadata: metadata)
        }
    }

    /// The metadata sent with each request: the token as
    /// `authorization: Bearer <token>` when one is given.
    func metadata(environment: [String: String]) throws -> [KostraV1.MetadataEntry] {
        var token = environment["KOSTRA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8),
                let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty
            else {
                throw ValidationError("--token-file \(tokenFile) cannot be read or is empty")
            }
            token = String(line)
        }
        return token.map { [KostraV1.MetadataEntry(key: "authorization", value: "Bearer \($0)")] } ?? []
    }

    /// The deadline sent with each request.
    var deadline: Duration {
        .milliseconds(Int64((self.timeout ?? 10) * 1000))
    }

    /// These options where given, else `parent`'s: `kostra-client --port 1 health`
    /// and `kostra-client health --port 1` mean the same.
    func merged(over parent: ConnectionOptions) -> ConnectionOptions {
        var merged = self
        merged.host = self.host ?? parent.host
        merged.port = self.port ?? parent.port
        merged.timeout = self.timeout ?? parent.timeout
        merged.tokenFile = self.tokenFile ?? parent.tokenFile
        merged.tls = self.tls || parent.tls
        merged.caFile = self.caFile ?? parent.caFile
        return merged
    }
}
