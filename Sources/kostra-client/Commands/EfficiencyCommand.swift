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

    /// The answer as the JSON output gives it (also a part of `report --format json`).
    static func json(_ response: KostraV1.EfficiencyResponse) -> JSONValue {
        JSONValue.object([
            ("region", (response.region ?? KostraV1.Region()).json),
            ("year", .number(Double(response.year))),
            ("production_index", response.productionIndex.json),
            ("expenditure_index", response.expenditureIndex.json),
            ("efficiency", response.efficiency.json),
            ("published", response.published.json),
            ("difference_from_published", response.differenceFromPublished.json),
            ("agrees_with_published", response.agreesWithPublished.map { .bool($0) } ?? .null),
            ("change_percentage_points", response.change.json),
            ("published_change_percentage_points", response.publishedChange.json),
        ])
    }

    static func render(_ response: KostraV1.EfficiencyResponse, output: OutputOptions) -> String {
        switch output.format {
        case .json:
            return Self.json(response).serialized()
        case .csv:
            var csv = FigureCSV(regionCode: response.region?.code ?? "", year: response.year)
            csv.append("production_index", "Production index", response.productionIndex)
            csv.append("expenditure_index", "Gross expenditure index", response.expenditureIndex)
            csv.append("efficiency", "Relative efficiency", response.efficiency)
            csv.append("published", "Relative efficiency, published", response.published)
            csv.append("difference_from_published", "Computed less published", response.differenceFromPublished)
            csv.append("change_percentage_points", "Change from the year before", response.change)
            csv.append("published_change_percentage_points", "Change from the year before, published", response.publishedChange)
            return csv.text
        case .table, .markdown:
            let style = output.style
            var footnotes = Footnotes()
            func row(_ label: String, _ figure: KostraV1.Figure?) -> [String] {
                [label, footnotes.cell(figure, style), figure?.origin(output.lang) ?? "–"]
            }
            var rows = [
                row(output.text("Produksjonsindeks", "Production index"), response.productionIndex),
                row(output.text("Brutto driftsutgifter, indeks", "Gross expenditure index"), response.expenditureIndex),
                row(output.text("Relativ effektivitet", "Relative efficiency"), response.efficiency),
            ]
            if let published = response.published {
                rows.append(row(output.text("Relativ effektivitet, publisert", "Relative efficiency, published"), published))
            }
            // The computed change, else the report's (its origin column says which).
            let change = response.change?.value != nil ? response.change : (response.publishedChange ?? response.change)
            rows.append(
                row(output.text("Endring fra året før (prosentpoeng)", "Change from the year before (percentage points)"), change)
            )
            var notes = footnotes.notes(output.lang)
            if let formula = response.efficiency?.provenance?.formula, !formula.isEmpty {
                notes.append(output.text("Beregning: ", "Computed as: ") + formula)
            }
            return output.render(
                TextTable(
                    title: output.text(
                        "Ressursbruk, produksjon og effektivitet, \(response.region?.name ?? "") \(response.year) (ASSS-snitt = 100)",
                        "Resources, production and efficiency, \(response.region?.name ?? "") \(response.year) (ASSS average = 100)"
                    ),
                    header: ["", output.text("indeks", "index"), ""],
                    rows: rows,
                    notes: notes
                )
            )
        }
    }
}
