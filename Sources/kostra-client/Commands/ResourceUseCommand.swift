import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client resource-use`: the ressursbruksindikator.
struct ResourceUseCommand: RegionYearCommand {
    static let method = KostraMethods.getResourceUse

    static let configuration = CommandConfiguration(
        commandName: "resource-use",
        abstract: "Show resource use: need-corrected spending against the plain ASSS mean, and the deviation in kroner.",
        discussion: """
            Example:
              kostra-client resource-use --region Bærum --year 2024
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions

    /// The answer as the JSON output gives it (also a part of `report --format json`).
    static func json(_ response: KostraV1.ResourceUseResponse) -> JSONValue {
        JSONValue.object([
            ("region", (response.region ?? KostraV1.Region()).json),
            ("year", .number(Double(response.year))),
            ("ratio", response.ratio.json),
            ("mean_ratio", response.meanRatio.json),
            ("index", response.index.json),
            ("published_index", response.publishedIndex.json),
            ("deviation_percent", response.deviationPercent.json),
            ("kroner_per_inhabitant", response.kronerPerInhabitant.json),
            ("published_kroner_per_inhabitant", response.publishedKronerPerInhabitant.json),
        ])
    }

    static func render(_ response: KostraV1.ResourceUseResponse, output: OutputOptions) -> String {
        // The computed figure, else the report's (the origin column says which).
        let index = response.index?.value != nil ? response.index : response.publishedIndex
        let kroner = response.kronerPerInhabitant?.value != nil
            ? response.kronerPerInhabitant : (response.publishedKronerPerInhabitant ?? response.kronerPerInhabitant)
        switch output.format {
        case .json:
            return Self.json(response).serialized()
        case .csv:
            var csv = FigureCSV(regionCode: response.region?.code ?? "", year: response.year)
            csv.append("ratio", "Net expenditure over need-corrected expenditure", response.ratio)
            csv.append("mean_ratio", "Plain ASSS mean of the ratio", response.meanRatio)
            csv.append("index", "Resource use (index)", response.index)
            csv.append("published_index", "Resource use (index), published", response.publishedIndex)
            csv.append("deviation_percent", "Deviation from the ASSS average", response.deviationPercent)
            csv.append("kroner_per_inhabitant", "Kroner per inhabitant", response.kronerPerInhabitant)
            csv.append("published_kroner_per_inhabitant", "Kroner per inhabitant, published", response.publishedKronerPerInhabitant)
            return csv.text
        case .table, .markdown:
            let style = output.style
            var footnotes = Footnotes()
            func row(_ label: String, _ figure: KostraV1.Figure?) -> [String] {
                [label, footnotes.cell(figure, style), figure?.origin(output.lang) ?? "–"]
            }
            let rows = [
                row(output.text("Ressursbruksindikator (indeks)", "Resource use (index)"), index),
                row(output.text("Avvik fra ASSS-snittet", "Deviation from the ASSS average"), response.deviationPercent),
                row(output.text("Kroner per innbygger", "Kroner per inhabitant"), kroner),
            ]
            return output.render(
                TextTable(
                    title: output.text(
                        "Ressursbruksindikator grunnskole, \(response.region?.name ?? "") \(response.year) (ASSS-snitt = 100)",
                        "Resource use, primary school, \(response.region?.name ?? "") \(response.year) (ASSS average = 100)"
                    ),
                    header: ["", "", ""],
                    rows: rows,
                    notes: footnotes.notes(output.lang)
                )
            )
        }
    }
}
