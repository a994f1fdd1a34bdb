#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The live progress line of `kostra-client bench`, on stderr: rewritten in
/// place on a terminal, a line a second otherwise (a log keeps every one).
struct ProgressLine: Sendable {
    let enabled: Bool
    let style: NumberStyle
    private let isTerminal = isatty(STDERR_FILENO) == 1

    init(enabled: Bool, style: NumberStyle) {
        self.enabled = enabled
        self.style = style
    }

    /// Shows one sample.
    func show(_ progress: LoadGenerator.Progress) {
        guard self.enabled else { return }
        let english = self.style.language == .en
        let text =
            "\(self.style.format(progress.elapsed.seconds, decimals: 0)) s: "
            + "\(self.style.format(progress.requestsPerSecond, decimals: 0)) \(english ? "requests/s" : "forespørsler/s"), "
            + "\(self.style.format(Double(progress.answered), decimals: 0)) \(english ? "answered" : "besvart"), "
            + "\(self.style.format(Double(progress.errors), decimals: 0)) \(english ? "errors" : "feil")"
        Self.writeStderr(self.isTerminal ? "\r\u{1B}[2K" + text : text + "\n")
    }

    /// Ends the line on a terminal.
    func end() {
        if self.enabled, self.isTerminal { Self.writeStderr("\n") }
    }

    private static func writeStderr(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }
}
