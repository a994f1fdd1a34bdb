import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client regions`: the regions the server knows.
struct RegionsCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the regions: municipalities with their former numbers, group averages, the country.",
        discussion: """
            Examples:
              kostra-client regions
              kostra-client regions --kind municipality --format csv
            """
    )

    /// The kinds a user can ask for.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case municipality
        case group
        case country

        var wire: KostraV1.RegionKind {
            switch self {
            case .municipality: .municipality
            case .group: .groupAverage
            case .country: .country
            }
        }
    }

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    @Option(help: "Only regions of this kind: municipality, group or country.")
    var kind: Kind?

    func answer() async throws -> String {
        let response = try await self.connection.call(
            KostraMethods.listRegions,
            KostraV1.ListRegionsRequest(kind: self.kind?.wire ?? .unspecified)
        )
        return Self.render(response.regions, output: self.output)
    }

    static func render(_ regions: [KostraV1.Region], output: OutputOptions) -> String {
        switch output.format {
        case .json:
            return JSONValue.object([("regions", .array(regions.map(\.json)))]).serialized()
        case .csv:
            var csv = CSVWriter(header: ["code", "name", "name_en", "kind", "former_codes", "member_codes"])
            for region in regions {
                csv.append([
                    region.code, region.name, region.nameEn, region.kind.key,
                    region.formerCodes.map(\.code).joined(separator: " "),
                    region.memberCodes.joined(separator: " "),
                ])
            }
            return csv.text
        case .table, .markdown:
            let nb = output.lang == .nb
            return output.render(TextTable(
                title: nb ? "Regioner (\(regions.count))" : "Regions (\(regions.count))",
                header: nb ? ["nummer", "navn", "type", "tidligere nummer"] : ["code", "name", "kind", "former codes"],
                rows: regions.map { region in
                    [
                        region.code,
                        nb || region.nameEn.isEmpty ? region.name : region.nameEn,
                        region.kind.label(output.lang),
                        region.formerCodes.map { "\($0.code) (–\($0.lastYear))" }.joined(separator: ", "),
                    ]
                },
                leftAligned: true
            ))
        }
    }
}

extension KostraV1.Region {
    /// The region as the JSON output gives it.
    var json: JSONValue {
        .object([
            ("code", .string(self.code)),
            ("name", .string(self.name)),
            ("name_en", .string(self.nameEn)),
            ("kind", .string(self.kind.key)),
            (
                "former_codes",
                .array(self.formerCodes.map { .object([("code", .string($0.code)), ("last_year", .number(Double($0.lastYear)))]) })
            ),
            ("member_codes", .array(self.memberCodes.map { .string($0) })),
        ])
    }
}

extension KostraV1.RegionKind {
    /// The kind in words.
    func label(_ language: NumberStyle.Language) -> String {
        switch (self, language) {
        case (.municipality, .nb): "kommune"
        case (.municipality, .en): "municipality"
        case (.groupAverage, .nb): "gruppesnitt"
        case (.groupAverage, .en): "group average"
        case (.country, .nb): "landet"
        case (.country, .en): "country"
        default: "–"
        }
    }
}
