import ArgumentParser

/// `kostra-client`: asks a kostra server for KOSTRA figures and prints them
/// as the report's tables and charts, or as Markdown, JSON or CSV.
@main
struct KostraClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kostra-client",
        abstract: "Ask a kostra server for KOSTRA figures.",
        discussion: """
            The server is found by --host and --port, else $KOSTRA_HOST and $KOSTRA_PORT,
            else 127.0.0.1:7878. A server that wants a token gets it from --token-file or
            $KOSTRA_TOKEN. Numbers are Norwegian (109 384, 13,9, 4,9 %) unless --lang en.
            Charts are coloured only on a terminal and when NO_COLOR is unset.

            Examples:
              kostra-client health
              kostra-client indicators
              kostra-client regions --format json
              kostra-client series --indicator grunnskole.gruppestorrelse_2 \\
                  --region Bærum --region Asker --region ASSS
              kostra-client series --indicator grunnskole.gruppestorrelse_2 \\
                  --region Bærum --region ASSS --chart
              kostra-client profile --region Bærum --year 2024 --chart --svg charts
              kostra-client compare --region Bærum --with Asker --with ASSS \\
                  --indicator grunnskole.gruppestorrelse_2
              kostra-client production --region Bærum --year 2024
              kostra-client efficiency --region Bærum --year 2024
              kostra-client resource-use --region Bærum --year 2024
              kostra-client norm --region Bærum --year 2024
              kostra-client report --region Bærum --year 2024 --format markdown \\
                  --svg report > report.md
              kostra-client bench --connections 64 --duration 10

            Shell completion:
              kostra-client --generate-completion-script bash \\
                  > /etc/bash_completion.d/kostra-client
              kostra-client --generate-completion-script zsh > ~/.zfunc/_kostra-client
              kostra-client --generate-completion-script fish \\
                  > ~/.config/fish/completions/kostra-client.fish

            Exit codes:
              0   success
              1   the server answered with an error not listed below
              2   not found: an unknown region, indicator or year (NOT_FOUND)
              3   the request was invalid (INVALID_ARGUMENT)
              4   the server did not answer in time (DEADLINE_EXCEEDED)
              5   no token, or the wrong one (UNAUTHENTICATED, PERMISSION_DENIED)
              64  the command line was wrong
              69  the server could not be reached or is shutting down (UNAVAILABLE)
              73  an --svg file could not be written
            Every error is one line on stderr, beginning "kostra-client: ".
            """,
        subcommands: [
            HealthCommand.self,
            IndicatorsCommand.self,
            RegionsCommand.self,
            SeriesCommand.self,
            ProfileCommand.self,
            CompareCommand.self,
            ProductionCommand.self,
            EfficiencyCommand.self,
            ResourceUseCommand.self,
            NormCommand.self,
            ReportCommand.self,
            BenchCommand.self,
            ReloadCommand.self,
        ]
    )

    /// --host, --port and --timeout given before the command name.
    @OptionGroup var connection: ConnectionOptions

    /// Runs the command; a wrong command line is one line on stderr and exit
    /// code 64, not the usage screen (`--help` shows that).
    static func main() async {
        do {
            var command = try Self.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if Self.exitCode(for: error) == .validationFailure {
                Failure.printError(Self.usageLine(for: error))
                Self.exit(withError: ExitCode.validationFailure)
            }
            Self.exit(withError: error)
        }
    }

    /// The one line for a command line that could not be parsed: the
    /// parser's message (with its own "did you mean") and where help is.
    static func usageLine(for error: any Error) -> String {
        let message = Self.message(for: error)
        let first = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        var line = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
        if !line.hasSuffix(".") && !line.hasSuffix("?") { line += "." }
        return line + " See 'kostra-client --help'."
    }
}
