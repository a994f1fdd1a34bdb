import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client efficiency`: production index over gross expenditure index.
struct EfficiencyCommand: RegionYearCommand {
    static let method = KostraMethods.getEfficiency

    static let configuration = CommandConfiguration(
        commandName: "efficiency",
        abstract: "Show relative efficiency: production index over gross expenditure index (ASSS = 100).",
        discussion: """
            Example:
              kostra-client efficiency --region Bærum --year 2024
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions

    static func render(_ response: KostraV1.EfficiencyResponse, output: OutputOptions) -> String {
        switch output.format {
        case .json, .csv:
            return JSONValue.object([
                ("region", (response.region ?? KostraV1.Region()).json),
                ("year", .number(Double(response.year))),
                ("production_index", response.productionIndex.json),
                ("expenditure_index", response.expenditureIndex.json),
                ("efficiency", response.efficiency.json),
                ("published", response.published.json),
                ("difference_from_published", response.differenceFromPublished.json),
                ("agrees_with_published", response.agreesWithPublished.map { .bool($0) } ?? .null),
                ("change_percentage_points", response.change.json),
            ]).serialized()
        case .table:
            let style = output.style
            let nb = output.lang == .nb
            func row(_ label: String, _ figure: KostraV1.Figure?) -> [String] {
                [label, figure?.text(style) ?? "–", figure?.origin(output.lang) ?? "–"]
            }
            var rows = [
                row(nb ? "Produksjonsindeks" : "Production index", response.productionIndex),
                row(nb ? "Brutto driftsutgifter, indeks" : "Gross expenditure index", response.expenditureIndex),
                row(nb ? "Relativ effektivitet" : "Relative efficiency", response.efficiency),
            ]
            if let published = response.published {
                rows.append(row(nb ? "Relativ effektivitet, publisert" : "Relative efficiency, published", published))
            }
            rows.append(row(nb ? "Endring fra året før (prosentpoeng)" : "Change from the year before (percentage points)", response.change))
            var notes: [String] = []
            if let formula = response.efficiency?.provenance?.formula, !formula.isEmpty {
                notes.append((nb ? "Beregning: " : "Computed as: ") + formula)
            }
            return TextTable(
                title: nb
                    ? "Ressursbruk, produksjon og effektivitet, \(response.region?.name ?? "") \(response.year) (ASSS-snitt = 100)"
                    : "Resources, production and efficiency, \(response.region?.name ?? "") \(response.year) (ASSS average = 100)",
                header: ["", nb ? "indeks" : "index", ""],
                rows: rows,
                notes: notes
            ).rendered()
        }
    }
}
