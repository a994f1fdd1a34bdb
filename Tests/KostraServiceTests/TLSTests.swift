import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KostraClient
import KostraCodec
import KostraProtocol
import KostraService
import Testing

/// TLS on the same protocol, with a self-signed certificate the test makes
/// with the openssl command line (Debian's openssl).
@Suite("Live server: TLS")
struct TLSTests {
    /// Makes a self-signed EC certificate for 127.0.0.1 and localhost in a
    /// new temporary directory; returns the certificate and key paths.
    static func makeCertificate() throws -> (certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("server.pem").path
        let key = directory.appendingPathComponent("server.key").path
        // system(3) rather than Foundation's Process, whose run() leaks a
        // weak-reference side table that LeakSanitizer reports in CI.
        let command = [
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes",
            "-keyout '\(key)' -out '\(certificate)' -days 1 -subj /CN=kostra-test",
            "-addext subjectAltName=IP:127.0.0.1,DNS:localhost >/dev/null 2>&1",
        ].joined(separator: " ")
        let status = system(command)
        guard status == 0 else {
            throw ServerError(message: "openssl could not make a test certificate (status \(status))")
        }
        return (certificate, key)
    }

    @Test("a TLS client that trusts the certificate is served; a plain client is not, and the server goes on")
    func tls() async throws {
        let files = try Self.makeCertificate()
        let configuration = ServerConfiguration(tls: TLSFiles(certificateChainPath: files.certificate, privateKeyPath: files.key))
        try await withTestServer(configuration: configuration) { port in
            let tls = ClientTLS(trustRootsPath: files.certificate)
            let regions = try await KostraClient.withConnection(host: "127.0.0.1", port: port, tls: tls) { connection in
                try await connection.call(KostraMethods.listRegions, .init())
            }
            #expect(regions.regions.count == 16)

            // The same name check by host name.
            let byName = try await KostraClient.withConnection(host: "localhost", port: port, tls: tls) { connection in
                try await connection.call(KostraMethods.check, .init())
            }
            #expect(byName.status == .serving)

            // Plain bytes to a TLS server get no answer.
            await #expect(throws: RPCError.self) {
                try await KostraClient.withConnection(host: "127.0.0.1", port: port) { connection in
                    _ = try await connection.call(KostraMethods.check, .init(), timeout: .seconds(2))
                }
            }

            // A client that does not trust the certificate refuses the server.
            await #expect(throws: (any Error).self) {
                try await KostraClient.withConnection(host: "127.0.0.1", port: port, tls: ClientTLS()) { connection in
                    _ = try await connection.call(KostraMethods.check, .init(), timeout: .seconds(2))
                }
            }

            let after = try await KostraClient.withConnection(host: "127.0.0.1", port: port, tls: tls) { connection in
                try await connection.call(KostraMethods.check, .init())
            }
            #expect(after.status == .serving)
        }
    }

    @Test("a missing certificate file stops the start with a message naming it")
    func missingFile() async throws {
        let configuration = ServerConfiguration(
            tls: TLSFiles(certificateChainPath: "/nonexistent/server.pem", privateKeyPath: "/nonexistent/server.key")
        )
        await #expect {
            try await withTestServer(configuration: configuration) { _ in }
        } throws: { error in
            "\(error)".contains("/nonexistent/server.pem")
        }
    }
}
