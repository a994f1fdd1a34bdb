import KostraCodec

extension LineChart {
    /// A series answer as lines over years: one line per region, a gap and a
    /// footnote for a missing value, the unit and years in the subtitle.
    init(series response: KostraV1.GetSeriesResponse, output: OutputOptions) {
        let indicator = response.indicator ?? KostraV1.Indicator()
        let names = Dictionary(response.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let style = output.style
        let decimals = Int(indicator.decimals)
        let percent = indicator.unit == .percent
        var gaps: [String] = []
        let lines = response.series.map { series -> Line in
            let region = names[series.regionCode]
            let name = (output.nb || region?.nameEn.isEmpty != false ? region?.name : region?.nameEn) ?? series.regionCode
            let values = response.years.map { year in series.observations.first { $0.year == year }?.value }
            let missing = series.observations.filter { $0.value == nil }
            if let first = missing.first {
                let years = missing.map { String($0.year) }.joined(separator: ", ")
                gaps.append(output.text("Uten tall: \(name) \(years). ", "No figure: \(name) \(years). ") + first.missing.explanation(output.lang))
            }
            return Line(name: name, values: values)
        }
        let unit = indicator.unit.label(output.lang)
        let span = response.years.isEmpty ? "" : "\(response.years.first!)–\(response.years.last!)"
        self.init(
            title: output.nb ? indicator.nameNb : indicator.nameEn,
            subtitle: unit.isEmpty ? span : "\(unit), \(span)",
            axisLabel: unit,
            years: response.years,
            lines: lines,
            source: ChartSource.line(response.series.flatMap { $0.observations.filter { $0.value != nil }.map(\.source) }, output: output),
            format: { value in percent ? style.percent(value, decimals: decimals) : style.format(value, decimals: decimals) },
            notes: gaps
        )
    }
}
