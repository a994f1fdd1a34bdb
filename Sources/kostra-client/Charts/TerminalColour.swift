/// ANSI colour for the terminal charts, used only when standard output is
/// a terminal and NO_COLOR (no-color.org) is unset; otherwise plain text.
struct TerminalColour: Sendable, Equatable {
    /// Whether escape sequences are written at all.
    let enabled: Bool

    /// The policy: a terminal, and NO_COLOR unset or empty (no-color.org:
    /// "when present and not an empty string, regardless of its value").
    static func decide(isTerminal: Bool, environment: [String: String]) -> TerminalColour {
        TerminalColour(enabled: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// For this process's standard output.
    static var current: TerminalColour {
        Self.decide(isTerminal: ProcessEnvironment.stdoutIsTerminal, environment: ProcessEnvironment.current)
    }

    /// A colour of the palette the charts share with the SVG files.
    enum Colour: Int, Sendable, CaseIterable {
        case blue = 34
        case orange = 33
        case green = 32
        case magenta = 35
        case red = 31
        case cyan = 36
    }

    /// `text` in `colour`, or as it is when colour is off.
    func paint(_ text: String, _ colour: Colour) -> String {
        guard self.enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(colour.rawValue)m" + text + "\u{1B}[0m"
    }

    /// `text` dimmed (axes, the reference line), or as it is.
    func dim(_ text: String) -> String {
        guard self.enabled, !text.isEmpty else { return text }
        return "\u{1B}[2m" + text + "\u{1B}[0m"
    }

    /// The colour of the n-th line of a chart.
    static func series(_ index: Int) -> Colour {
        Colour.allCases[index % Colour.allCases.count]
    }
}
