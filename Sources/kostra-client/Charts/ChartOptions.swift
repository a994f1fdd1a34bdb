import ArgumentParser
import Foundation

/// `--chart`, `--svg DIR` and `--color`, for the commands that can draw.
struct ChartOptions: ParsableArguments {
    /// When the terminal chart is coloured.
    enum ColourChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// On a terminal, unless NO_COLOR is set.
        case auto
        case always
        case never
    }

    @Flag(help: "Draw a chart in the terminal instead of the table (Unicode; colour on a terminal unless NO_COLOR is set).")
    var chart = false

    @Option(help: ArgumentHelp("Also write the chart as an SVG file into this directory (made if missing).", valueName: "dir"))
    var svg: String?

    @Option(name: .customLong("color"), help: "Colour of terminal charts: auto (a terminal without NO_COLOR), always or never.")
    var colourChoice: ColourChoice = .auto

    /// The colour the terminal charts use.
    var colour: TerminalColour {
        switch self.colourChoice {
        case .auto: .current
        case .always: TerminalColour(enabled: true)
        case .never: TerminalColour(enabled: false)
        }
    }

    /// --chart draws in the terminal, so it goes with the table format only.
    func validate(format: OutputFormat) throws {
        if self.chart, format != .table {
            throw ValidationError("--chart draws in the terminal and goes with --format table; use --svg DIR for a file")
        }
    }

    /// Writes `document` as `name` into the --svg directory and says so on
    /// stderr; returns the file's path. A directory that cannot be written
    /// is reported in one line and exits 73.
    static func write(_ document: String, name: String, directory: String) throws -> String {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let file = url.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(document.utf8).write(to: file, options: .atomic)
        } catch {
            throw Failure.Local(message: "--svg \(directory): cannot write \(name): \(error.localizedDescription)", exitCode: Failure.cannotWrite)
        }
        Failure.printNote("wrote \(file.path)")
        return file.path
    }

    /// A file name from an id: letters, digits, ".", "-" and "_" kept.
    static func fileName(_ id: String) -> String {
        let kept = id.unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == "_"
            return allowed ? Character(scalar) : "_"
        }
        return String(kept) + ".svg"
    }
}
