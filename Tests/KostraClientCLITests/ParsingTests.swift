import ArgumentParser
import KostraProtocol
import Testing

@testable import kostra_client

@Suite("Command line: parsing, validation and exit codes")
struct ParsingTests {
    @Test("--host and --port before the command, as the issue writes it, or after it")
    func connectionOptionsEitherSide() throws {
        var before = try KostraClientCommand.parseAsRoot(["--host", "::1", "--port", "9000", "health"])
        guard let health = before as? HealthCommand else {
            Issue.record("expected the health command, got \(type(of: before))")
            return
        }
        _ = health
        before = try KostraClientCommand.parseAsRoot(["health", "--port", "9001", "--format", "json"])
        let after = try #require(before as? HealthCommand)
        #expect(after.ownConnection.port == 9001)
        #expect(after.output.format == .json)
    }

    @Test("series takes repeated --region and a year range")
    func series() throws {
        let command = try #require(
            try KostraClientCommand.parseAsRoot([
                "series", "--indicator", "grunnskole.gruppestorrelse_2", "--region", "Bærum", "--region", "3203",
                "--region", "ASSS", "--from", "2022", "--to", "2024", "--format", "csv",
            ]) as? SeriesCommand
        )
        #expect(command.region == ["Bærum", "3203", "ASSS"])
        #expect(command.from == 2022)
        #expect(command.to == 2024)
        #expect(command.output.format == .csv)
    }

    @Test("bad command lines are refused with a message that names the problem", arguments: [
        (["series", "--region", "Bærum"], "--indicator"),
        (["series", "--indicator", "x", "--from", "2024", "--to", "2021"], "--from 2024 is after --to 2021"),
        (["health", "--port", "70000"], "--port must be between 1 and 65535"),
        (["health", "--format", "xml"], "xml"),
        (["health", "--timeout", "0"], "--timeout must be a positive number"),
    ])
    func refused(arguments: [String], message: String) {
        do {
            _ = try KostraClientCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            #expect(KostraClientCommand.message(for: error).contains(message))
            #expect(KostraClientCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test("KOSTRA_HOST and KOSTRA_PORT are used when no flag is given; a flag wins")
    func environment() throws {
        let options = try ConnectionOptions.parse([])
        #expect(options.resolvedHost(environment: ["KOSTRA_HOST": "10.0.0.1"]) == "10.0.0.1")
        #expect(try options.resolvedPort(environment: ["KOSTRA_PORT": "9100"]) == 9100)
        #expect(options.resolvedHost(environment: [:]) == "127.0.0.1")
        #expect(try options.resolvedPort(environment: [:]) == 7878)
        #expect(throws: ValidationError.self) { try options.resolvedPort(environment: ["KOSTRA_PORT": "http"]) }
        let flagged = try ConnectionOptions.parse(["--port", "9200"])
        #expect(try flagged.resolvedPort(environment: ["KOSTRA_PORT": "9100"]) == 9200)
    }

    @Test("each status has its documented exit code")
    func exitCodes() {
        #expect(Failure.exitCode(for: .notFound) == 2)
        #expect(Failure.exitCode(for: .invalidArgument) == 3)
        #expect(Failure.exitCode(for: .deadlineExceeded) == 4)
        #expect(Failure.exitCode(for: .unavailable) == 69)
        #expect(Failure.exitCode(for: .unauthenticated) == 5)
        #expect(Failure.exitCode(for: .permissionDenied) == 5)
        #expect(Failure.exitCode(for: .internal) == 1)
    }
}
