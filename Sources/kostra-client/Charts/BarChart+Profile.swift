import KostraCodec

extension BarChart {
    /// The service profile as bars around 100: each indicator's index, the
    /// unit and year in the subtitle, the sources underneath.
    init(profile response: KostraV1.GetProfileResponse, output: OutputOptions) {
        let region = response.region ?? KostraV1.Region()
        let reference = response.reference ?? KostraV1.Region()
        let referenceName = output.nb || reference.nameEn.isEmpty ? reference.name : reference.nameEn
        var footnotes = Footnotes()
        let bars = response.rows.map { row -> Bar in
            let indicator = row.indicator ?? KostraV1.Indicator()
            return Bar(
                label: output.nb ? indicator.nameNb : indicator.nameEn,
                value: row.index?.value,
                text: footnotes.cell(row.index, output.style)
            )
        }
        let sources = response.rows.flatMap { $0.index?.provenance?.inputs.map(\.source) ?? [] }
        self.init(
            title: output.text("Tjenesteprofil for \(region.name) \(response.year)", "Service profile of \(region.name) \(response.year)"),
            subtitle: output.text(
                "\(referenceName) = 100; indeks = 100 × \(region.name) / \(referenceName), \(response.year)",
                "\(referenceName) = 100; index = 100 × \(region.name) / \(referenceName), \(response.year)"
            ),
            axisLabel: output.text("indeks (\(referenceName) = 100)", "index (\(referenceName) = 100)"),
            reference: 100,
            bars: bars,
            source: ChartSource.line(sources, output: output),
            notes: footnotes.notes(output.lang)
        )
    }
}

/// The "Kilde:" line of a chart, from the sources of its figures.
enum ChartSource {
    /// "Kilde: A; B" for up to two distinct sources, else a count.
    static func line(_ sources: [String], output: OutputOptions) -> String {
        var distinct: [String] = []
        for source in sources where !source.isEmpty && !distinct.contains(source) {
            distinct.append(source)
        }
        let prefix = output.text("Kilde: ", "Source: ")
        switch distinct.count {
        case 0: return prefix + "kostra-server"
        case 1, 2: return prefix + distinct.joined(separator: "; ")
        default:
            return prefix + distinct[0] + output.text(" og \(distinct.count - 1) tabeller til i kapitlet", " and \(distinct.count - 1) more tables of the chapter")
        }
    }
}
