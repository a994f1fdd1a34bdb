import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client report`: the grunnskole chapter's whole quantitative
/// content for one municipality and year, in the chapter's order.
struct ReportCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the grunnskole chapter for a municipality and year: its tables, analyses and sentences.",
        discussion: """
            Each of the chapter's tables as the chapter lays it out (title with unit, the
            region and those it is compared with as rows, the year and the three before as
            columns), the service profile with its chart, resource use, the teacher norm,
            the production index and the efficiency, and after each section the
            chapter-style sentences the server phrases about them. A part the server has no
            figures for is named in its place. A missing value shows SSB's symbol (.. : .)
            or "–", with a footnote saying why.

            --format table (the default) is for the terminal; markdown for a document; json
            is one document with every value and its provenance; csv every table cell.
            --svg DIR also writes the profile and every table's series as SVG charts
            (Markdown links them as images).

            Examples:
              kostra-client report --region Bærum --year 2024
              kostra-client report --region Bærum --year 2024 --lang en --chart
              kostra-client report --region 3024 --year 2024 --with Asker --with ASSS \\
                  --format json > baerum-2024.json
              kostra-client report --region Bærum --year 2024 --format markdown \\
                  --svg report > report/grunnskole.md
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions
    @OptionGroup var charts: ChartOptions

    @Option(name: .customLong("with"), help: "A region or group to compare with; repeat for more (default: Asker and ASSS, as the chapter).")
    var others: [String] = []

    func validate() throws {
        try self.charts.validate(format: self.output.format)
    }

    /// Whom the region is compared with: --with, else the chapter's Asker and ASSS.
    var compared: [String] { self.others.isEmpty ? ["Asker", "ASSS"] : self.others }

    func answer() async throws -> String {
        let metadata = try self.connection.metadata(environment: ProcessEnvironment.current)
        let deadline = self.connection.deadline
        let layout = ReportLayout.grunnskole
        let region = self.target.region
        let year = Int32(clamping: self.target.year)
        let others = self.compared
        let answers = try await self.connection.withConnection { connection in
            try await ReportAnswers.fetch(
                layout: layout, region: region, year: year, others: others,
                call: ReportAnswers.Caller(connection: connection, deadline: deadline, metadata: metadata)
            )
        }
        let report = Report(answers: answers, layout: layout, output: self.output)
        var renderer = ReportRenderer(output: self.output, colour: self.charts.colour, lineCharts: self.charts.chart)
        if let directory = self.charts.svg {
            renderer.images = try Self.writeCharts(report, output: self.output, directory: directory)
        }
        return renderer.render(report)
    }

    /// Writes the profile and every table's chart into `directory`; returns
    /// the files by block id, as Markdown links them (relative to the
    /// directory's parent, where the Markdown is expected to be).
    static func writeCharts(_ report: Report, output: OutputOptions, directory: String) throws -> [String: String] {
        var images: [String: String] = [:]
        let folder = directory.split(separator: "/").last.map(String.init) ?? directory
        let suffix = "-\(report.region.code)-\(report.year)-\(output.lang.rawValue)"
        for section in report.sections {
            for block in section.blocks {
                switch block {
                case .profile(let response):
                    let name = ChartOptions.fileName("profil" + suffix)
                    _ = try ChartOptions.write(SVGBarChart.render(BarChart(profile: response, output: output)), name: name, directory: directory)
                    images["profile"] = folder + "/" + name
                case .table(let table):
                    guard let chart = table.chart else { continue }
                    let name = ChartOptions.fileName(table.id + suffix)
                    _ = try ChartOptions.write(SVGLineChart.render(chart), name: name, directory: directory)
                    images[table.id] = folder + "/" + name
                default:
                    continue
                }
            }
        }
        return images
    }
}
