import ArgumentParser
import KostraCodec
import KostraProtocol

/// A command that asks one analysis method about one municipality and year
/// and prints the answer: it declares the method and how to render the
/// answer, and gets `run()` from here.
protocol RegionYearCommand: AnsweringCommand {
    associatedtype Response: KostraMessage
    /// The method called.
    static var method: Method<KostraV1.RegionYearRequest, Response> { get }
    /// The answer as text in the chosen format.
    static func render(_ response: Response, output: OutputOptions) -> String
    /// Where the server is.
    var connection: ConnectionOptions { get }
    /// Which municipality and year.
    var target: RegionYearOptions { get }
}

extension RegionYearCommand {
    func answer() async throws -> String {
        let response = try await self.connection.call(Self.method, self.target.request)
        return Self.render(response, output: self.output)
    }
}
