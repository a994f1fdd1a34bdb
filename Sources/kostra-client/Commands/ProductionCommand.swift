import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client production`: the production index, its components, and
/// the change in production from the year before.
struct ProductionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "production",
        abstract: "Show the production index (ASSS = 100), its components and the change from the year before.",
        discussion: """
            Figures the report publishes but whose inputs the data lacks are marked "publisert".

            Example:
              kostra-client production --region Bærum --year 2024
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions

    func run() async throws {
        try await Failure.reporting {
            let request = self.target.request
            let metadata = try self.connection.metadata(environment: ProcessEnvironment.current)
            let deadline = self.connection.deadline
            let (index, change) = try await self.connection.withConnection { connection in
                async let index = connection.call(KostraMethods.getProductionIndex, request, timeout: deadline, metadata: metadata)
                async let change = connection.call(KostraMethods.getProductionChange, request, timeout: deadline, metadata: metadata)
                return try await (index, change)
            }
            self.output.write(Self.render(index, change, output: self.output))
        }
    }

    static func render(
        _ index: KostraV1.ProductionIndexResponse,
        _ change: KostraV1.ProductionChangeResponse,
        output: OutputOptions
    ) -> String {
        let region = index.region?.name ?? ""
        switch output.format {
        case .json, .csv:
            return JSONValue.object([
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
            ]).serialized()
        case .table:
            let style = output.style
            let nb = output.lang == .nb
            let rows = index.components.map { component -> [String] in
                let score = component.score?.value != nil ? component.score : component.publishedScore
                return [
                    component.label, style.format(component.weight, decimals: 4),
                    score?.text(style) ?? "–", score?.origin(output.lang) ?? "–",
                ]
            }
            let total = index.total?.value != nil ? index.total : index.publishedTotal
            var notes = [
                (nb ? "Produksjonsindeks: " : "Production index: ") + (total?.text(style) ?? "–")
                    + " (\(total?.origin(output.lang) ?? "–"))",
            ]
            if let municipality = change.municipality {
                let figure = municipality.total?.value != nil ? municipality.total : municipality.published
                let reference = change.referenceChange.flatMap { $0.total?.value != nil ? $0.total : $0.published }
                notes.append(
                    (nb ? "Endring i produksjon \(change.baseYear)–\(change.year): " : "Change in production \(change.baseYear)–\(change.year): ")
                        + (figure?.text(style) ?? "–") + " (\(figure?.origin(output.lang) ?? "–"))"
                        + (nb ? ", ASSS " : ", ASSS ") + (reference?.text(style) ?? "–")
                )
            }
            if !index.weightsSource.isEmpty {
                notes.append((nb ? "Vekter: " : "Weights: ") + index.weightsSource)
            }
            return TextTable(
                title: nb
                    ? "Produksjonsindeks grunnskole, \(region) \(index.year) (ASSS-snitt = 100)"
                    : "Production index, primary school, \(region) \(index.year) (ASSS average = 100)",
                header: [nb ? "indikator" : "indicator", nb ? "vekt" : "weight", nb ? "skår" : "score", ""],
                rows: rows,
                notes: notes
            ).rendered()
        }
    }
}
