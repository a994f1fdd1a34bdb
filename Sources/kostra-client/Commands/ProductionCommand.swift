import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client production`: the production index, its components, and
/// the change in production from the year before.
struct ProductionCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "production",
        abstract: "Show the production index (ASSS = 100), its components and the change from the year before.",
        discussion: """
            Figures the report publishes but whose inputs the data lacks are marked
            "publisert".

            Example:
              kostra-client production --region Bærum --year 2024
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions

    func answer() async throws -> String {
        let request = self.target.request
        let metadata = try self.connection.metadata(environment: ProcessEnvironment.current)
        let deadline = self.connection.deadline
        let (index, change) = try await self.connection.withConnection { connection in
            async let index = connection.call(KostraMethods.getProductionIndex, request, timeout: deadline, metadata: metadata)
            async let change = connection.call(KostraMethods.getProductionChange, request, timeout: deadline, metadata: metadata)
            return try await (index, change)
        }
        return Self.render(index, change, output: self.output)
    }

    /// The answer as the JSON output gives it (also a part of `report --format json`).
    static func json(_ index: KostraV1.ProductionIndexResponse, _ change: KostraV1.ProductionChangeResponse) -> JSONValue {
        JSONValue.object([
            ("region", (index.region ?? KostraV1.Region()).json),
            ("year", .number(Double(index.year))),
            (
                "components",
                .array(
                    index.components.map { component in
                        .object([
                            ("id", .string(component.indicatorId)),
                            ("label", .string(component.label)),
                            ("weight", .number(component.weight)),
                            ("score", component.score.json),
                            ("published_score", component.publishedScore.json),
                            ("contribution", component.contribution.json),
                        ])
                    }
                )
            ),
            ("weight_sum", .number(index.weightSum)),
            ("total", index.total.json),
            ("published_total", index.publishedTotal.json),
            ("change", change.municipality?.total.json ?? .null),
            ("change_published", change.municipality?.published.json ?? .null),
            ("reference_change", change.referenceChange?.total.json ?? .null),
            ("reference_change_published", change.referenceChange?.published.json ?? .null),
        ])
    }

    static func render(
        _ index: KostraV1.ProductionIndexResponse,
        _ change: KostraV1.ProductionChangeResponse,
        output: OutputOptions
    ) -> String {
        let region = index.region?.name ?? ""
        switch output.format {
        case .csv:
            var csv = FigureCSV(regionCode: index.region?.code ?? "", year: index.year)
            for component in index.components {
                csv.append(component.indicatorId, component.label, component.score)
                csv.append(component.indicatorId + ".published", component.label + ", published", component.publishedScore)
                csv.append(component.indicatorId + ".contribution", component.label + ", contribution", component.contribution)
            }
            csv.append("total", "Production index", index.total)
            csv.append("published_total", "Production index, published", index.publishedTotal)
            csv.append("change", "Change in production \(change.baseYear)-\(change.year)", change.municipality?.total)
            csv.append("change_published", "Change in production, published", change.municipality?.published)
            csv.append("reference_change", "Change in production, ASSS", change.referenceChange?.total)
            csv.append("reference_change_published", "Change in production, ASSS, published", change.referenceChange?.published)
            return csv.text
        case .json:
            return Self.json(index, change).serialized()
        case .table, .markdown:
            let style = output.style
            let nb = output.lang == .nb
            var footnotes = Footnotes()
            let rows = index.components.map { component -> [String] in
                // The computed score, else the published one, else the computed one's reason.
                let score = component.score?.value != nil ? component.score : (component.publishedScore ?? component.score)
                return [
                    component.label, style.format(component.weight, decimals: 4),
                    footnotes.cell(score, style), score?.origin(output.lang) ?? "–",
                ]
            }
            let total = index.total?.value != nil ? index.total : (index.publishedTotal ?? index.total)
            var notes = [
                (nb ? "Produksjonsindeks: " : "Production index: ") + footnotes.cell(total, style)
                    + " (\(total?.origin(output.lang) ?? "–"))",
            ]
            if let municipality = change.municipality {
                let figure = municipality.total?.value != nil ? municipality.total : municipality.published
                let reference = change.referenceChange.flatMap { $0.total?.value != nil ? $0.total : $0.published }
                notes.append(
                    (nb ? "Endring i produksjon \(change.baseYear)–\(change.year): " : "Change in production \(change.baseYear)–\(change.year): ")
                        + footnotes.cell(figure, style) + " (\(figure?.origin(output.lang) ?? "–"))"
                        + ", ASSS " + footnotes.cell(reference, style)
                )
            }
            notes += footnotes.notes(output.lang)
            if !index.weightsSource.isEmpty {
                notes.append((nb ? "Vekter: " : "Weights: ") + index.weightsSource)
            }
            return output.render(TextTable(
                title: nb
                    ? "Produksjonsindeks grunnskole, \(region) \(index.year) (ASSS-snitt = 100)"
                    : "Production index, primary school, \(region) \(index.year) (ASSS average = 100)",
                header: [nb ? "indikator" : "indicator", nb ? "vekt" : "weight", nb ? "skår" : "score", ""],
                rows: rows,
                notes: notes
            ))
        }
    }
}
