import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client profile`: the service profile, every indicator indexed to
/// ASSS = 100, with the raw values beside the index.
struct ProfileCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show a municipality's service profile: each indicator indexed to ASSS = 100.",
        discussion: """
            Examples:
              kostra-client profile --region Bærum --year 2024
              kostra-client profile --region Bærum --year 2024 --reference Asker \\
                  --format json
              kostra-client profile --region Bærum --year 2024 --chart
              kostra-client profile --region Bærum --year 2024 --svg charts --lang en
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions
    @OptionGroup var charts: ChartOptions

    @Option(help: "What = 100: a group, the country or another municipality (default ASSS).")
    var reference: String?

    func validate() throws {
        try self.charts.validate(format: self.output.format)
    }

    func answer() async throws -> String {
        let response = try await self.connection.call(
            KostraMethods.getProfile,
            KostraV1.GetProfileRequest(
                region: self.target.region,
                year: Int32(clamping: self.target.year),
                reference: self.reference ?? ""
            )
        )
        if self.charts.chart || self.charts.svg != nil {
            let chart = BarChart(profile: response, output: self.output)
            if let directory = self.charts.svg {
                _ = try ChartOptions.write(
                    SVGBarChart.render(chart),
                    name: ChartOptions.fileName("profil-\(response.region?.code ?? "")-\(response.year)-\(self.output.lang.rawValue)"),
                    directory: directory
                )
            }
            if self.charts.chart {
                return TerminalBarChart.render(chart, colour: self.charts.colour)
            }
        }
        return Self.render(response, output: self.output)
    }

    /// The answer as the JSON output gives it (also a part of `report --format json`).
    static func json(_ response: KostraV1.GetProfileResponse) -> JSONValue {
        JSONValue.object([
            ("region", (response.region ?? KostraV1.Region()).json),
            ("reference", (response.reference ?? KostraV1.Region()).json),
            ("year", .number(Double(response.year))),
            (
                "rows",
                .array(
                    response.rows.map { row in
                        .object([
                            ("id", .string(row.indicator?.id ?? "")),
                            ("name_nb", .string(row.indicator?.nameNb ?? "")),
                            ("unit", .string(row.indicator?.unit.key ?? "")),
                            ("value", .number(row.value)),
                            ("reference_value", .number(row.referenceValue)),
                            ("index", row.index.json),
                        ])
                    }
                )
            ),
        ])
    }

    static func render(_ response: KostraV1.GetProfileResponse, output: OutputOptions) -> String {
        let region = response.region ?? KostraV1.Region()
        let reference = response.reference ?? KostraV1.Region()
        switch output.format {
        case .json:
            return Self.json(response).serialized()
        case .csv:
            var csv = CSVWriter(header: ["id", "name_nb", "unit", "year", "value", "reference_value", "index", "formula"])
            for row in response.rows {
                csv.append([
                    row.indicator?.id ?? "", row.indicator?.nameNb ?? "", row.indicator?.unit.key ?? "",
                    String(response.year), row.value?.machineText ?? "", row.referenceValue?.machineText ?? "",
                    row.index?.value?.machineText ?? "", row.index?.provenance?.formula ?? "",
                ])
            }
            return csv.text
        case .table, .markdown:
            let style = output.style
            let nb = output.lang == .nb
            var footnotes = Footnotes()
            let rows = response.rows.map { row -> [String] in
                let indicator = row.indicator ?? KostraV1.Indicator()
                let decimals = Int(indicator.decimals)
                func cell(_ value: Double?) -> String {
                    guard let value else { return "–" }
                    return indicator.unit == .percent ? style.percent(value, decimals: decimals) : style.format(value, decimals: decimals)
                }
                let unit = indicator.unit.label(output.lang)
                return [
                    (nb ? indicator.nameNb : indicator.nameEn) + (unit.isEmpty ? "" : " (\(unit))"),
                    cell(row.value), cell(row.referenceValue), footnotes.cell(row.index, style),
                ]
            }
            let referenceName = nb || reference.nameEn.isEmpty ? reference.name : reference.nameEn
            return output.render(TextTable(
                title: nb
                    ? "Tjenesteprofil for \(region.name) \(response.year), \(referenceName) = 100"
                    : "Service profile of \(region.name) \(response.year), \(referenceName) = 100",
                header: [nb ? "indikator" : "indicator", region.name, referenceName, nb ? "indeks" : "index"],
                rows: rows,
                notes: footnotes.notes(output.lang)
                    + [nb ? "Indeks = 100 × \(region.name) / \(referenceName)." : "Index = 100 × \(region.name) / \(referenceName)."]
            ))
        }
    }
}
