import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client compare`: a region against others over years.
struct CompareCommand: AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a region with other regions and group averages over years.",
        discussion: """
            Without --indicator, every indicator the region has. Without --year, every
            year.

            Examples:
              kostra-client compare --region Bærum --with Asker --with ASSS \\
                  --indicator grunnskole.gruppestorrelse_2
              kostra-client compare --region Bærum --with Asker --year 2024 --format json
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions

    @Option(help: "The region compared.")
    var region: String

    @Option(name: .customLong("with"), help: "A region or group to compare with; repeat for more.")
    var others: [String] = []

    @Option(help: "One indicator's id; without it, all the region has.")
    var indicator: String?

    @Option(help: "One year; without it, every year.")
    var year: Int?

    func validate() throws {
        guard !self.others.isEmpty else {
            throw ValidationError("name at least one region to compare with: --with Asker")
        }
    }

    func answer() async throws -> String {
        let year = Int32(clamping: self.year ?? 0)
        let response = try await self.connection.call(
            KostraMethods.compare,
            KostraV1.CompareRequest(
                region: self.region,
                with: self.others,
                indicatorId: self.indicator ?? "",
                fromYear: year,
                toYear: year
            )
        )
        return Self.render(response, output: self.output)
    }

    static func render(_ response: KostraV1.CompareResponse, output: OutputOptions) -> String {
        switch output.format {
        case .json:
            return JSONValue.object([
                ("region", (response.region ?? KostraV1.Region()).json),
                ("others", .array(response.others.map(\.json))),
                ("years", .array(response.years.map { .number(Double($0)) })),
                ("indicators", .array(response.indicators.map(\.json))),
            ]).serialized()
        case .csv:
            var csv = CSVWriter(header: ["id", "other_region_code", "year", "absolute", "relative_percent", "index", "assessment"])
            for comparison in response.indicators {
                for difference in comparison.differences {
                    csv.append([
                        comparison.indicator?.id ?? "", difference.otherRegionCode, String(difference.year),
                        difference.absolute?.value?.machineText ?? "", difference.relative?.value?.machineText ?? "",
                        difference.index?.value?.machineText ?? "", difference.assessment.key,
                    ])
                }
            }
            return csv.text
        case .table, .markdown:
            return response.indicators.map { Self.table($0, output: output) }.joined(separator: "\n\n")
        }
    }

    private static func table(_ comparison: KostraV1.IndicatorComparison, output: OutputOptions) -> String {
        let style = output.style
        let nb = output.lang == .nb
        let indicator = comparison.indicator ?? KostraV1.Indicator()
        let decimals = Int(indicator.decimals)
        var footnotes = Footnotes()
        func cell(_ compared: KostraV1.ComparedYear?) -> String {
            guard let value = compared?.value else {
                let reason = compared?.missingReason ?? ""
                return "–" + footnotes.mark(reason.isEmpty ? Footnotes.noFigure(output.lang) : ReasonText.text(reason, output.lang))
            }
            return indicator.unit == .percent ? style.percent(value, decimals: decimals) : style.format(value, decimals: decimals)
        }
        var rows: [[String]] = comparison.series.map { series in
            [series.region?.name ?? ""] + comparison.years.map { year in cell(series.years.first { $0.year == year }) }
        }
        let subject = comparison.series.first?.region?.name ?? ""
        let names = Dictionary(comparison.series.compactMap { $0.region }.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for other in comparison.series.dropFirst().compactMap(\.region) {
            let label = nb ? "\(subject) − \(other.name)" : "\(subject) − \(other.name)"
            rows.append(
                [label]
                    + comparison.years.map { year in
                        guard let difference = comparison.differences.first(where: { $0.otherRegionCode == other.code && $0.year == year }),
                            let value = difference.absolute?.value
                        else { return "–" }
                        let text = indicator.unit == .percent
                            ? style.format(value, decimals: decimals) + (nb ? " pp" : " pp")
                            : style.format(value, decimals: decimals)
                        return text + difference.assessment.mark
                    }
            )
        }
        var notes = footnotes.notes(output.lang)
        if let first = comparison.series.first {
            for year in first.years {
                if let rank = year.rank {
                    notes.append(
                        nb
                            ? "\(year.year): \(subject) er nr. \(rank.fromLowest) fra lavest av \(rank.ranked) i \(rank.group) med tall\(rank.tiedWith.isEmpty ? "" : ", delt med " + rank.tiedWith.map { names[$0] ?? $0 }.joined(separator: ", "))."
                            : "\(year.year): \(subject) is no. \(rank.fromLowest) from the lowest of \(rank.ranked) in \(rank.group) with figures\(rank.tiedWith.isEmpty ? "" : ", shared with " + rank.tiedWith.joined(separator: ", "))."
                    )
                }
            }
            if let period = first.period, let percent = period.percent?.value {
                notes.append(
                    nb
                        ? "Endring \(period.fromYear)–\(period.toYear): \(style.percent(percent, decimals: 1))."
                        : "Change \(period.fromYear)–\(period.toYear): \(style.percent(percent, decimals: 1))."
                )
            }
        }
        notes.append(nb ? "+ gunstig, − ugunstig forskjell gitt indikatorens retning." : "+ favourable, − unfavourable difference given the indicator's direction.")
        let unit = indicator.unit.label(output.lang)
        let name = nb ? indicator.nameNb : indicator.nameEn
        return output.render(TextTable(
            title: unit.isEmpty ? name : "\(name) (\(unit))",
            header: [""] + comparison.years.map(String.init),
            rows: rows,
            notes: notes
        ))
    }
}

extension KostraV1.Favourability {
    /// The assessment as a JSON value.
    var key: String {
        switch self {
        case .favourable: "favourable"
        case .unfavourable: "unfavourable"
        case .equal: "equal"
        case .notJudged: "not_judged"
        case .unknown: "unknown"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "favourability_\(value)"
        }
    }

    /// A mark after a difference in a table: " +" favourable, " −" unfavourable.
    var mark: String {
        switch self {
        case .favourable: " +"
        case .unfavourable: " \u{2212}"
        default: ""
        }
    }
}

extension KostraV1.IndicatorComparison {
    /// The comparison of one indicator as JSON.
    var json: JSONValue {
        .object([
            ("indicator", (self.indicator ?? KostraV1.Indicator()).json),
            ("years", .array(self.years.map { .number(Double($0)) })),
            (
                "series",
                .array(
                    self.series.map { series in
                        .object([
                            ("region_code", .string(series.region?.code ?? "")),
                            (
                                "years",
                                .array(
                                    series.years.map { year in
                                        .object([
                                            ("year", .number(Double(year.year))),
                                            ("value", .number(year.value)),
                                            ("change_from_year_before", year.changeFromYearBefore?.json ?? .null),
                                            ("rank", year.rank?.json ?? .null),
                                        ])
                                    }
                                )
                            ),
                            ("period", series.period?.json ?? .null),
                        ])
                    }
                )
            ),
            (
                "differences",
                .array(
                    self.differences.map { difference in
                        .object([
                            ("other_region_code", .string(difference.otherRegionCode)),
                            ("year", .number(Double(difference.year))),
                            ("absolute", difference.absolute.json),
                            ("relative", difference.relative.json),
                            ("index", difference.index.json),
                            ("assessment", .string(difference.assessment.key)),
                        ])
                    }
                )
            ),
        ])
    }
}

extension KostraV1.ValueChange {
    var json: JSONValue {
        .object([
            ("from_year", .number(Double(self.fromYear))),
            ("to_year", .number(Double(self.toYear))),
            ("absolute", self.absolute.json),
            ("percent", self.percent.json),
            ("assessment", .string(self.assessment.key)),
        ])
    }
}

extension KostraV1.GroupRank {
    var json: JSONValue {
        .object([
            ("group", .string(self.group)),
            ("from_lowest", .number(Double(self.fromLowest))),
            ("from_highest", .number(Double(self.fromHighest))),
            ("ranked", .number(Double(self.ranked))),
            ("members", .number(Double(self.members))),
            ("tied_with", .array(self.tiedWith.map { .string($0) })),
        ])
    }
}
