import ArgumentParser
import KostraCodec
import KostraProtocol

/// `kostra-client norm`: group size 2 against the legal teacher norm.
struct NormCommand: RegionYearCommand {
    static let method = KostraMethods.getTeacherNorm

    static let configuration = CommandConfiguration(
        commandName: "norm",
        abstract: "Show group size 2 per grade band against the legal teacher norm (15 in grades 1-4, 20 in 5-10).",
        discussion: """
            Example:
              kostra-client norm --region Bærum --year 2024
            """
    )

    @ParentCommand var root: KostraClientCommand
    @OptionGroup var ownConnection: ConnectionOptions
    var connection: ConnectionOptions { self.ownConnection.merged(over: self.root.connection) }
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: RegionYearOptions

    /// The answer as the JSON output gives it (also a part of `report --format json`).
    static func json(_ response: KostraV1.TeacherNormResponse) -> JSONValue {
        JSONValue.object([
            ("region", (response.region ?? KostraV1.Region()).json),
            ("year", .number(Double(response.year))),
            (
                "bands",
                .array(
                    response.bands.map { band in
                        .object([
                            ("first_grade", .number(Double(band.firstGrade))),
                            ("last_grade", .number(Double(band.lastGrade))),
                            ("id", .string(band.indicatorId)),
                            ("group_size", band.groupSize.json),
                            ("legal_maximum", band.legalMaximum.json),
                            ("margin", band.margin.json),
                            ("within_norm", band.withinNorm.map { .bool($0) } ?? .null),
                        ])
                    }
                )
            ),
            ("overall_group_size", response.overallGroupSize.json),
            ("norm_arithmetic", response.normArithmetic.json),
            ("norm_harmonic", response.normHarmonic.json),
            ("assumes_equal_grades", .bool(response.assumesEqualGrades)),
            ("overall_margin", response.overallMargin.json),
        ])
    }

    static func render(_ response: KostraV1.TeacherNormResponse, output: OutputOptions) -> String {
        switch output.format {
        case .csv:
            var csv = FigureCSV(regionCode: response.region?.code ?? "", year: response.year)
            for band in response.bands {
                let grades = "\(band.firstGrade)-\(band.lastGrade)"
                csv.append("group_size_\(grades)", "Group size 2, grades \(grades)", band.groupSize)
                csv.append("legal_maximum_\(grades)", "Legal maximum, grades \(grades)", band.legalMaximum)
                csv.append("margin_\(grades)", "Margin to the norm, grades \(grades)", band.margin)
            }
            csv.append("overall_group_size", "Group size 2, grades 1-10", response.overallGroupSize)
            csv.append("norm_arithmetic", "Norm, grades 1-10 (pupil-weighted)", response.normArithmetic)
            csv.append("norm_harmonic", "Norm, grades 1-10 (teacher hours)", response.normHarmonic)
            csv.append("overall_margin", "Margin to the norm, grades 1-10", response.overallMargin)
            return csv.text
        case .json:
            return Self.json(response).serialized()
        case .table, .markdown:
            let style = output.style
            let nb = output.lang == .nb
            var footnotes = Footnotes()
            var rows = response.bands.map { band -> [String] in
                [
                    nb ? "\(band.firstGrade).–\(band.lastGrade). trinn" : "grades \(band.firstGrade)-\(band.lastGrade)",
                    footnotes.cell(band.groupSize, style), footnotes.cell(band.legalMaximum, style),
                    footnotes.cell(band.margin, style),
                ]
            }
            rows.append([
                nb ? "1.–10. trinn" : "grades 1-10", footnotes.cell(response.overallGroupSize, style),
                footnotes.cell(response.normArithmetic, style), footnotes.cell(response.overallMargin, style),
            ])
            var notes = footnotes.notes(output.lang) + [
                nb
                    ? "Normen for 1.–10. trinn er elevvektet snitt av 15 og 20 (rapportens form: 18 ved like store trinn); regnet i lærertimer (harmonisk) blir den \(response.normHarmonic?.text(style, decimals: 2) ?? "–")."
                    : "The norm for grades 1-10 is the pupil-weighted mean of 15 and 20 (the report's form: 18 for equal grades); counted in teacher hours (harmonic) it is \(response.normHarmonic?.text(style, decimals: 2) ?? "–").",
            ]
            if response.assumesEqualGrades {
                notes.append(nb ? "Trinnene er antatt like store (elevtall per trinn mangler)." : "Grades assumed equal in size (pupils per grade are missing).")
            }
            return output.render(TextTable(
                title: nb
                    ? "Gruppestørrelse 2 mot lærernormen, \(response.region?.name ?? "") \(response.year) (elever per lærertime)"
                    : "Group size 2 against the teacher norm, \(response.region?.name ?? "") \(response.year) (pupils per teacher hour)",
                header: ["", nb ? "gruppestørrelse 2" : "group size 2", nb ? "norm (maks)" : "norm (max)", nb ? "margin" : "margin"],
                rows: rows,
                notes: notes
            ))
        }
    }
}
