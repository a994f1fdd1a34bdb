import ArgumentParser
import KostraProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a failed call into one line on stderr and a documented exit code.
enum Failure {
    /// An --svg file that could not be written (EX_CANTCREAT).
    static let cannotWrite: Int32 = 73

    /// A failure of the client itself, not of the server: one line and a code.
    struct Local: Error {
        var message: String
        var exitCode: Int32
    }

    /// Runs `body`; an ``RPCError`` or a ``Local`` failure becomes one line on
    /// stderr and an exit code.
    static func reporting(_ language: NumberStyle.Language = .en, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as RPCError {
            Self.printError(Self.line(for: error, language))
            throw ExitCode(Self.exitCode(for: error.code))
        } catch let error as Local {
            Self.printError(error.message)
            throw ExitCode(error.exitCode)
        }
    }

    /// The line for a server's error: its code and message, then what the
    /// server suggests or accepts when the message does not say it already,
    /// all on one line; in Norwegian (``ReasonText``) with `language` nb, the
    /// status code's name kept so that it can be looked up.
    static func line(for error: RPCError, _ language: NumberStyle.Language = .en) -> String {
        let nb = language == .nb
        var line = "\(error.code.name): \(ReasonText.text(error.message, language))"
        let suggestions = error.details.flatMap(\.suggestions)
        let available = error.details.flatMap(\.available)
        if !suggestions.isEmpty, !error.message.contains("did you mean") {
            line += (nb ? "; mente du " : "; did you mean ")
                + suggestions.prefix(3).map { nb ? "«\($0)»" : "'\($0)'" }.joined(separator: nb ? " eller " : " or ") + "?"
        } else if suggestions.isEmpty, !available.isEmpty, available.count <= 12 {
            line += (nb ? " (finnes: " : " (available: ") + available.joined(separator: ", ") + ")"
        }
        return Self.oneLine(line)
    }

    /// `text` with every line break and tab made a space.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
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
        Self.printNote(message)
    }

    /// One line on stderr that is not the answer: a note such as a file written.
    static func printNote(_ message: String) {
        var line = "kostra-client: \(Self.oneLine(message))\n"
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }
}
