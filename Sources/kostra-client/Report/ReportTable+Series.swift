import KostraCodec

extension ReportTable {
    /// Builds tables from series answers, collecting the footnotes of the
    /// missing values and the sources as it goes.
    struct Builder {
        let output: OutputOptions
        private var symbols: [KostraV1.MissingReason] = []
        private var sources: [String] = []

        init(output: OutputOptions) {
            self.output = output
        }

        /// A cell for an observation: the value as the indicator prints it,
        /// or SSB's symbol for why it is missing.
        mutating func cell(_ observation: KostraV1.Observation?, _ indicator: KostraV1.Indicator) -> Cell {
            guard let observation, let value = observation.value else {
                let reason = observation?.missing ?? .notPublished
                if !self.symbols.contains(reason) { self.symbols.append(reason) }
                return Cell(value: nil, text: reason.symbol, missing: reason)
            }
            if !observation.source.isEmpty, !self.sources.contains(observation.source) {
                self.sources.append(observation.source)
            }
            let decimals = Int(indicator.decimals)
            let style = self.output.style
            let text = indicator.unit == .percent ? style.percent(value, decimals: decimals) : style.format(value, decimals: decimals)
            return Cell(value: value, text: text, missing: nil)
        }

        /// The footnotes, then the sources (three at most).
        var notes: [String] {
            var notes = self.symbols.map { $0.footnote(self.output.lang) }
            notes += self.sources.prefix(3).map { self.output.text("Kilde: ", "Source: ") + $0 }
            if self.sources.count > 3 {
                notes.append(self.output.text("… og \(self.sources.count - 3) kilder til", "… and \(self.sources.count - 3) more sources"))
            }
            return notes
        }

        /// "Name (unit)".
        func title(_ name: String, _ unit: KostraV1.Unit) -> String {
            let label = unit.label(self.output.lang)
            return label.isEmpty ? name : "\(name) (\(label))"
        }

        /// A region's name in the output's language.
        func name(_ region: KostraV1.Region?, code: String) -> String {
            guard let region else { return code }
            return self.output.nb || region.nameEn.isEmpty ? region.name : region.nameEn
        }
    }

    /// One indicator, regions as rows and years as columns, with its chart.
    init(regions response: KostraV1.GetSeriesResponse, output: OutputOptions) {
        var builder = Builder(output: output)
        let indicator = response.indicator ?? KostraV1.Indicator()
        let names = Dictionary(response.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = response.series.map { series in
            Row(
                label: builder.name(names[series.regionCode], code: series.regionCode),
                regionCode: series.regionCode,
                indicatorId: indicator.id,
                cells: response.years.map { year in builder.cell(series.observations.first { $0.year == year }, indicator) }
            )
        }
        self.init(
            id: indicator.id,
            title: builder.title(output.nb ? indicator.nameNb : indicator.nameEn, indicator.unit),
            unit: indicator.unit,
            columns: response.years.map { Column(label: String($0), regionCode: nil, year: $0) },
            rows: rows,
            notes: builder.notes,
            chart: LineChart(series: response, output: output)
        )
    }

    /// Several indicators of one region, one row each, years as columns.
    init(
        id: String,
        title: String,
        rows: [(label: String, response: KostraV1.GetSeriesResponse)],
        output: OutputOptions
    ) {
        var builder = Builder(output: output)
        let years = rows.first?.response.years ?? []
        let unit = rows.first?.response.indicator?.unit ?? .unspecified
        let region = rows.first?.response.regions.first
        let tableRows = rows.map { label, response in
            let indicator = response.indicator ?? KostraV1.Indicator()
            let observations = response.series.first?.observations ?? []
            return Row(
                label: label,
                regionCode: region?.code,
                indicatorId: indicator.id,
                cells: years.map { year in builder.cell(observations.first { $0.year == year }, indicator) }
            )
        }
        let name = region.map { builder.name($0, code: $0.code) }
        self.init(
            id: id,
            title: builder.title(name.map { "\(title), \($0)" } ?? title, unit),
            unit: unit,
            columns: years.map { Column(label: String($0), regionCode: nil, year: $0) },
            rows: tableRows,
            notes: builder.notes,
            chart: nil
        )
    }

    /// Several indicators for the region and the others, the year and the
    /// year before as column groups: «Resultat 2024», then «Resultat 2023».
    init(
        id: String,
        title: String,
        pairs rows: [(label: String, response: KostraV1.GetSeriesResponse)],
        output: OutputOptions
    ) {
        var builder = Builder(output: output)
        let first = rows.first?.response
        let regions = first?.regions ?? []
        let years = (first?.years ?? []).sorted(by: >)
        let unit = first?.indicator?.unit ?? .unspecified
        var columns: [Column] = []
        for columnYear in years {
            for region in regions {
                columns.append(Column(label: "\(builder.name(region, code: region.code)) \(columnYear)", regionCode: region.code, year: columnYear))
            }
        }
        let tableRows = rows.map { label, response in
            let indicator = response.indicator ?? KostraV1.Indicator()
            return Row(
                label: label,
                regionCode: nil,
                indicatorId: indicator.id,
                cells: columns.map { column in
                    let series = response.series.first { $0.regionCode == column.regionCode }
                    return builder.cell(series?.observations.first { $0.year == column.year }, indicator)
                }
            )
        }
        self.init(
            id: id,
            title: builder.title(title, unit),
            unit: unit,
            columns: columns,
            rows: tableRows,
            notes: builder.notes,
            chart: nil
        )
    }
}
