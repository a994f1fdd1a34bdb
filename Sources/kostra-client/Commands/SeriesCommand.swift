import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client series`: one indicator for regions over years, laid out
/// as the report's tables are.
struct SeriesCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Show an indicator for one or more regions over years.",
        discussion: """
            A region is named by its number (3201, or its old number 3024), its name in any
            case with or without æ/ø/å ("Bærum", "baerum"), or a group ("ASSS").

            Examples:
              kostra-client series --indicator grunnskole.gruppestorrelse_2 \\
                  --region Bærum --region Asker --region ASSS
              kostra-client series --indicator grunnskole.gruppestorrelse_2 \\
                  --region 3024 --from 2022 --to 2024 --format csv
              kostra-client series --indicator grunnskole.gruppestorrelse_1 \\
                  --region Bærum --region Asker --region ASSS --chart
              kostra-client series --indicator grunnskole.gruppestorrelse_1 \\
                  --region Bærum --region ASSS --svg charts --lang en
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var charts: ChartOptions

    @Option(help: "The indicator's id (see `kostra-client indicators`).")
    var indicator: String

    @Option(help: "A region; repeat for more. Without it, every region with figures.")
    var region: [String] = []

    @Option(help: "The first year.")
    var from: Int?

    @Option(help: "The last year.")
    var to: Int?

    func validate() throws {
        try self.charts.validate(format: self.output.format)
        if let from, let to, from > to {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
    }

    func answer() async throws -> String {
        let response = try await self.connection.call(
            KostraMethods.getSeries,
            KostraV1.GetSeriesRequest(
                indicatorId: self.indicator,
                regions: self.region,
                fromYear: Int32(clamping: self.from ?? 0),
                toYear: Int32(clamping: self.to ?? 0)
            )
        )
        if self.charts.chart || self.charts.svg != nil {
            let chart = LineChart(series: response, output: self.output)
            if let directory = self.charts.svg {
                let span = response.years.isEmpty ? "" : "-\(response.years.first!)-\(response.years.last!)"
                _ = try ChartOptions.write(
                    SVGLineChart.render(chart),
                    name: ChartOptions.fileName(self.indicator + span + "-" + self.output.lang.rawValue),
                    directory: directory
                )
            }
            if self.charts.chart {
                return TerminalLineChart.render(chart, colour: self.charts.colour)
            }
        }
        return Self.render(response, output: self.output)
    }

    static func render(_ response: KostraV1.GetSeriesResponse, output: OutputOptions) -> String {
        let indicator = response.indicator ?? KostraV1.Indicator()
        let names = Dictionary(response.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        switch output.format {
        case .json:
            return JSONValue.object([
                ("indicator", indicator.json),
                ("years", .array(response.years.map { .number(Double($0)) })),
                (
                    "series",
                    .array(
                        response.series.map { series in
                            .object([
                                ("region", names[series.regionCode].map(\.json) ?? .object([("code", .string(series.regionCode))])),
                                ("observations", .array(series.observations.map(\.json))),
                            ])
                        }
                    )
                ),
            ]).serialized()
        case .csv:
            var csv = CSVWriter(header: [
                "indicator_id", "region_code", "region_name", "year", "value", "unit", "missing", "status", "source",
            ])
            for series in response.series {
                for observation in series.observations {
                    csv.append([
                        series.indicatorId, series.regionCode, names[series.regionCode]?.name ?? "",
                        String(observation.year), observation.value?.machineText ?? "", indicator.unit.key,
                        observation.value == nil ? observation.missing.key : "", observation.status.key,
                        observation.source,
                    ])
                }
            }
            return csv.text
        case .table, .markdown:
            return output.render(Self.table(response, indicator: indicator, names: names, output: output))
        }
    }

    private static func table(
        _ response: KostraV1.GetSeriesResponse,
        indicator: KostraV1.Indicator,
        names: [String: KostraV1.Region],
        output: OutputOptions
    ) -> TextTable {
        let style = output.style
        let nb = output.lang == .nb
        var symbols: [KostraV1.MissingReason] = []
        var sources: [String] = []
        let rows = response.series.map { series in
            let region = names[series.regionCode]
            let name = (nb ? region?.name : region?.nameEn.isEmpty == false ? region?.nameEn : region?.name) ?? series.regionCode
            return [name] + series.observations.map { observation -> String in
                guard let value = observation.value else {
                    if !symbols.contains(observation.missing) { symbols.append(observation.missing) }
                    return observation.missing.symbol
                }
                if !observation.source.isEmpty, !sources.contains(observation.source) {
                    sources.append(observation.source)
                }
                return indicator.unit == .percent
                    ? style.percent(value, decimals: Int(indicator.decimals))
                    : style.format(value, decimals: Int(indicator.decimals))
            }
        }
        let unit = indicator.unit.label(output.lang)
        let name = nb ? indicator.nameNb : indicator.nameEn
        var notes = symbols.map { $0.footnote(output.lang) }
        notes += sources.prefix(3).map { (nb ? "Kilde: " : "Source: ") + $0 }
        if sources.count > 3 {
            notes.append(nb ? "… og \(sources.count - 3) kilder til (se --format json)" : "… and \(sources.count - 3) more sources (see --format json)")
        }
        return TextTable(
            title: unit.isEmpty ? name : "\(name) (\(unit))",
            header: [""] + response.years.map(String.init),
            rows: rows,
            notes: notes
        )
    }
}

extension KostraV1.Observation {
    /// The observation as the JSON output gives it: a missing value is null
    /// with its reason and SSB's symbol.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("year", .number(Double(self.year))),
            ("value", .number(self.value)),
        ]
        if self.value == nil {
            members.append(("missing", .string(self.missing.key)))
            members.append(("symbol", .string(self.missing.symbol)))
        }
        members.append(("status", .string(self.status.key)))
        members.append(("source", .string(self.source)))
        if !self.reportedCode.isEmpty {
            members.append(("reported_code", .string(self.reportedCode)))
        }
        return .object(members)
    }
}
