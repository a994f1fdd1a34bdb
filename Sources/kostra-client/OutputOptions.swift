import ArgumentParser

/// The output format: a table like the report's, JSON for programs, or CSV.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case csv
}

/// `--format` and `--lang`, shared by every command.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Language of tables: nb (Norwegian, decimal comma) or en.")
    var lang: NumberStyle.Language = .nb

    var style: NumberStyle { NumberStyle(language: self.lang) }
}

extension NumberStyle.Language: ExpressibleByArgument {}

extension OutputOptions {
    /// Prints a rendered answer on stdout: CSV as it is (its rows already end
    /// in CRLF), everything else followed by a newline.
    func write(_ text: String) {
        print(text, terminator: self.format == .csv ? "" : "\n")
    }
}
