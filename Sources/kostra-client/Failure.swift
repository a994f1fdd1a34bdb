import ArgumentParser
import KostraProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a failed call into one line on stderr and a documented exit code.
enum Failure {
    /// Runs `body`; an ``RPCError`` becomes one line on stderr and an exit code.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as RPCError {
            Self.printError("\(error.code.name): \(error.message)")
            throw ExitCode(Self.exitCode(for: error.code))
        }
    }

    /// The exit code for a status; see `kostra-client --help`.
    static func exitCode(for code: StatusCode) -> Int32 {
        switch code {
        case .notFound: 2
        case .invalidArgument: 3
        case .deadlineExceeded: 4
        case .unauthenticated, .permissionDenied: 5
        case .unavailable: 69
        default: 1
        }
    }

    static func printError(_ message: String) {
        var line = "kostra-client: \(message)\n"
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }
}
