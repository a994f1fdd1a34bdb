import ArgumentParser
import GRPCCore
import GRPCNIOTransportHTTP2
import KostraAnalysis
import KostraData
import GRPCPeerKit

/// A minimal grpc-swift-2 server for the load comparison: `GetProfile` only,
/// over HTTP/2 in plaintext on loopback, answered by kostra's own analysis
/// from the built-in data with protobuf-c as its codec.
///
/// It runs on NIO's singleton event-loop group, one loop per core, as
/// kostra-server does. It stops on SIGTERM or SIGINT (the default action: a
/// benchmark peer has nothing to drain).
@main
struct GRPCPeerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "GRPCPeer",
        abstract: "Serve kostra.v1.Kostra/GetProfile over gRPC (grpc-swift-2, HTTP/2, plaintext).",
        discussion: """
            --answer kept (the default) keeps each distinct answer encoded and sends it as it is,
            as kostra-server does for a request answered before; encode keeps it decoded and
            encodes it with protobuf-c for every call; compute decodes, computes and encodes
            every call.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on stdout).")
    var port = 0

    @Option(help: "How each answer is made: \(ProfileService.AnswerMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var answer = ProfileService.AnswerMode.kept.rawValue

    func validate() throws {
        guard ProfileService.AnswerMode(rawValue: self.answer) != nil else {
            throw ValidationError("--answer must be one of \(ProfileService.AnswerMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let dataset = try Dataset.builtIn()
        let server = GRPCServer(
            transport: .http2NIOPosix(
                address: .ipv4(host: self.host, port: self.port),
                transportSecurity: .plaintext
            ),
            services: [ProfileService(analysis: Analysis(dataset: dataset), mode: ProfileService.AnswerMode(rawValue: self.answer) ?? .kept)]
        )
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let address = try await server.listeningAddress {
                print("GRPCPeer listening on \(address), answers \(self.answer)")
            }
        }
    }
}
