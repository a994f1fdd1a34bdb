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

    static func render(_ response: KostraV1.ResourceUseResponse, output: OutputOptions) -> String {
        let index = response.index?.value != nil ? response.index : response.publishedIndex
        switch output.format {
        case .json, .csv:
            return JSONValue.object([
                ("region", (response.region ?? KostraV1.Region()).json),
                ("year", .number(Double(response.year))),
                ("ratio", response.ratio.json),
                ("mean_ratio", response.meanRatio.json),
                ("index", response.index.json),
                ("published_index", response.publishedIndex.json),
                ("deviation_percent", response.deviationPercent.json),
                ("kroner_per_inhabitant", response.kronerPerInhabitant.json),
            ]).serialized()
        case .table:
            let style = output.style
            let nb = output.lang == .nb
            func row(_ label: String, _ figure: KostraV1.Figure?) -> [String] {
                [label, figure?.text(style) ?? "–", figure?.origin(output.lang) ?? "–"]
            }
            return TextTable(
                title: nb
                    ? "Ressursbruksindikator grunnskole, \(response.region?.name ?? "") \(response.year) (ASSS-snitt = 100)"
                    : "Resource use, primary school, \(response.region?.name ?? "") \(response.year) (ASSS average = 100)",
                header: ["", "", ""],
                rows: [
                    row(nb ? "Ressursbruksindikator (indeks)" : "Resource use (index)", index),
                    row(nb ? "Avvik fra ASSS-snittet" : "Deviation from the ASSS average", response.deviationPercent),
                    row(nb ? "Kroner per innbygger" : "Kroner per inhabitant", response.kronerPerInhabitant),
                ]
            ).rendered()
        }
    }
}
