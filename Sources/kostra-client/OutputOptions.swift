import ArgumentParser

/// The output format: a table like the report's, Markdown for documents,
/// JSON for programs, or CSV for spreadsheets.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case markdown
    case json
    case csv
}

/// `--format` and `--lang`, shared by every command.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Language of tables and sentences: nb (Norwegian, decimal comma) or en.")
    var lang: NumberStyle.Language = .nb

    var style: NumberStyle { NumberStyle(language: self.lang) }

    /// Whether the text is Norwegian.
    var nb: Bool { self.lang == .nb }

    /// Picks the Norwegian or the English text.
    func text(_ norwegian: String, _ english: String) -> String {
        self.nb ? norwegian : english
    }
}

extension NumberStyle.Language: ExpressibleByArgument {}

extension OutputOptions {
    /// Prints a rendered answer on stdout: CSV as it is (its rows already end
    /// in CRLF), everything else followed by a newline.
    func write(_ text: String) {
        print(text, terminator: self.format == .csv ? "" : "\n")
    }

    /// A table in the chosen human format: aligned text, or a Markdown table.
    func render(_ table: TextTable) -> String {
        self.format == .markdown ? table.markdown() : table.rendered()
    }
}
