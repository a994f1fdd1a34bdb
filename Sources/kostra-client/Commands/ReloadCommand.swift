import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client reload`: tells a server started with `--data DIR` to take up the
/// directory's newest version (the `Reload` method, which needs the token).
struct ReloadCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make a server serve the newest version of its data directory.",
        discussion: """
            After `kostra-server import --data DIR ...`, each server reading DIR goes on
            serving the version it loaded until told. This tells one: it loads the newest
            version while serving the old, then answers new requests from it; no request
            is dropped. Needs the server's token (--token-file or KOSTRA_TOKEN). A version
            that does not load is refused (exit 1) and the old one served on. Run it
            against every replica (docs/deploy.md).

            Examples:
              kostra-client reload --port 7878 --token-file /etc/kostra/token
              KOSTRA_TOKEN=... kostra-client reload --host 10.0.0.11 --format json
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await Failure.reporting(self.output.lang) {
            self.output.write(try await self.answer())
        }
    }

    /// The answer as `run()` prints it, for tests.
    func answer() async throws -> String {
        Self.render(try await self.connection.call(KostraMethods.reload, .init()), output: self.output)
    }

    static func render(_ response: KostraV1.ReloadResponse, output: OutputOptions) -> String {
        let years = response.years.map(String.init)
        switch output.format {
        case .json:
            return JSONValue.object([
                ("data_version", .string(response.dataVersion)),
                ("previous_data_version", .string(response.previousDataVersion)),
                ("years", .array(response.years.map { .number(Double($0)) })),
            ]).serialized()
        case .csv:
            var csv = CSVWriter(header: ["data_version", "previous_data_version", "years"])
            csv.append([response.dataVersion, response.previousDataVersion, years.joined(separator: " ")])
            return csv.text
        case .table, .markdown:
            let span = years.isEmpty ? "–" : "\(years.first!)–\(years.last!)"
            let unchanged = response.dataVersion == response.previousDataVersion
            switch (output.lang, unchanged) {
            case (.nb, false): return "data: \(response.dataVersion), år \(span) (før: \(response.previousDataVersion))"
            case (.nb, true): return "data: \(response.dataVersion), år \(span) (uendret: ingen nyere versjon)"
            case (_, false): return "data: \(response.dataVersion), years \(span) (before: \(response.previousDataVersion))"
            case (_, true): return "data: \(response.dataVersion), years \(span) (unchanged: no newer version)"
            }
        }
    }
}
