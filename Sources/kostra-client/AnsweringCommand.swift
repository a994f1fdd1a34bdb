import ArgumentParser

/// A command whose whole answer is one text on stdout: `answer()` asks the
/// server and renders, `run()` prints it or reports the failure in one line.
/// Tests call `answer()` to see exactly what an operator would.
protocol AnsweringCommand: AsyncParsableCommand {
    /// How to print.
    var output: OutputOptions { get }
    /// Asks the server and renders the answer in the chosen format.
    func answer() async throws -> String
}

extension AnsweringCommand {
    func run() async throws {
        try await Failure.reporting(self.output.lang) {
            self.output.write(try await self.answer())
        }
    }
}
