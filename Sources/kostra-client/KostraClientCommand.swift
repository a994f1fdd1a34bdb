import ArgumentParser

/// `kostra-client`: asks a kostra server for KOSTRA figures and prints them
/// as the report's tables, or as JSON or CSV for scripts.
@main
struct KostraClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kostra-client",
        abstract: "Ask a kostra server for KOSTRA figures.",
        discussion: """
            The server is found by --host and --port, else $KOSTRA_HOST and $KOSTRA_PORT,
            else 127.0.0.1:7878. A server that wants a token gets it from --token-file or
            $KOSTRA_TOKEN.

            Examples:
              kostra-client health
              kostra-client indicators
              kostra-client regions --format json
              kostra-client series --indicator grunnskole.gruppestorrelse_2 --region Bærum --region Asker --region ASSS
              kostra-client profile --region Bærum --year 2024
              kostra-client compare --region Bærum --with Asker --with ASSS --indicator grunnskole.gruppestorrelse_2
              kostra-client production --region Bærum --year 2024
              kostra-client efficiency --region Bærum --year 2024
              kostra-client resource-use --region Bærum --year 2024
              kostra-client norm --region Bærum --year 2024
              kostra-client bench --connections 64 --duration 10

            Exit codes:
              0   success
              1   the server answered with an error not listed below
              2   not found: an unknown region, indicator or year (NOT_FOUND)
              3   the request was invalid (INVALID_ARGUMENT)
              4   the server did not answer in time (DEADLINE_EXCEEDED)
              5   no token, or the wrong one (UNAUTHENTICATED, PERMISSION_DENIED)
              64  the command line was wrong
              69  the server could not be reached or is shutting down (UNAVAILABLE)
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
            BenchCommand.self,
        ]
    )

    /// --host, --port and --timeout given before the command name.
    @OptionGroup var connection: ConnectionOptions
}
