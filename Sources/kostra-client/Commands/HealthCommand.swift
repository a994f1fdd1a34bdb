import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client health`: whether the server serves, and what data it has.
struct HealthCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Ask whether the server is serving.",
        discussion: """
            Exits 0 when the server answers SERVING, 69 when it is unreachable or
            NOT_SERVING.

            Example:
              kostra-client health --port 7878
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await Failure.reporting(self.output.lang) {
            let response = try await self.connection.call(KostraMethods.check, .init())
            self.output.write(Self.render(response, output: self.output))
            if response.status != .serving {
                throw RPCError(.unavailable, "server answers \(response.status.label)")
            }
        }
    }

    /// The answer as `run()` prints it, for tests.
    func answer() async throws -> String {
        Self.render(try await self.connection.call(KostraMethods.check, .init()), output: self.output)
    }

    static func render(_ response: KostraV1.HealthCheckResponse, output: OutputOptions) -> String {
        let years = response.years.map(String.init)
        switch output.format {
        case .json:
            return JSONValue.object([
                ("status", .string(response.status.label)),
                ("server_version", .string(response.serverVersion)),
                ("data_version", .string(response.dataVersion)),
                ("years", .array(response.years.map { .number(Double($0)) })),
            ]).serialized()
        case .csv:
            var csv = CSVWriter(header: ["status", "server_version", "data_version", "years"])
            csv.append([response.status.label, response.serverVersion, response.dataVersion, years.joined(separator: " ")])
            return csv.text
        case .table, .markdown:
            let span = years.isEmpty ? "–" : "\(years.first!)–\(years.last!)"
            return output.lang == .nb
                ? "\(response.status.label)  kostra-server \(response.serverVersion), data: \(response.dataVersion), år \(span)"
                : "\(response.status.label)  kostra-server \(response.serverVersion), data: \(response.dataVersion), years \(span)"
        }
    }
}

extension KostraV1.HealthCheckResponse.ServingStatus {
    /// "SERVING", "NOT_SERVING" or "UNKNOWN".
    var label: String {
        switch self {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        default: "UNKNOWN"
        }
    }
}
