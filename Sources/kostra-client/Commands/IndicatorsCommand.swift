import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client indicators`: the indicators the server holds.
struct IndicatorsCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the indicators, with their ids and units.",
        discussion: """
            Examples:
              kostra-client indicators
              kostra-client indicators --service grunnskole --format json
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    @Option(help: "Only the indicators of this service area (for example grunnskole).")
    var service: String?

    func answer() async throws -> String {
        let response = try await self.connection.call(
            KostraMethods.listIndicators,
            KostraV1.ListIndicatorsRequest(service: self.service ?? "")
        )
        return Self.render(response.indicators, output: self.output)
    }

    static func render(_ indicators: [KostraV1.Indicator], output: OutputOptions) -> String {
        switch output.format {
        case .json:
            return JSONValue.object([("indicators", .array(indicators.map(\.json)))]).serialized()
        case .csv:
            var csv = CSVWriter(header: [
                "id", "name_nb", "name_en", "unit", "kostra_function", "direction", "aggregation",
                "ssb_content_code", "ssb_table", "service", "decimals",
            ])
            for indicator in indicators {
                csv.append([
                    indicator.id, indicator.nameNb, indicator.nameEn, indicator.unit.key, indicator.kostraFunction,
                    indicator.direction.key, indicator.aggregation.key, indicator.ssbContentCode, indicator.ssbTable,
                    indicator.service, String(indicator.decimals),
                ])
            }
            return csv.text
        case .table, .markdown:
            let nb = output.lang == .nb
            return output.render(TextTable(
                title: nb ? "Indikatorer (\(indicators.count))" : "Indicators (\(indicators.count))",
                header: nb ? ["id", "navn", "enhet", "funksjon"] : ["id", "name", "unit", "function"],
                rows: indicators.map { indicator in
                    [
                        indicator.id, nb ? indicator.nameNb : indicator.nameEn, indicator.unit.label(output.lang),
                        indicator.kostraFunction,
                    ]
                },
                leftAligned: true
            ))
        }
    }
}

extension KostraV1.Indicator {
    /// The indicator as the JSON output gives it; the id is under "id".
    var json: JSONValue {
        .object([
            ("id", .string(self.id)),
            ("name_nb", .string(self.nameNb)),
            ("name_en", .string(self.nameEn)),
            ("unit", .string(self.unit.key)),
            ("kostra_function", .string(self.kostraFunction)),
            ("direction", .string(self.direction.key)),
            ("aggregation", .string(self.aggregation.key)),
            ("ssb_content_code", .string(self.ssbContentCode)),
            ("ssb_table", .string(self.ssbTable)),
            ("service", .string(self.service)),
            ("decimals", .number(Double(self.decimals))),
            ("description", .string(self.description)),
        ])
    }
}
