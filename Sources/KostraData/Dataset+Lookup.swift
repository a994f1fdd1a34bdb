extension Dataset {
    /// The indicator with this id, or `nil`.
    public func indicator(id: String) -> Indicator? {
        indicatorPositions[id].map { indicators[$0] }
    }

    /// The region with this exact current code, or `nil`. (`resolveRegion` accepts more.)
    public func region(code: String) -> Region? {
        regionPositions[code].map { regions[$0] }
    }

    /// The current code for a current or former code ("3024" gives "3201"), or `nil`.
    public func currentCode(for code: String) -> String? {
        currentCodes[code]
    }

    /// Finds the region a person means: its current or former code (exactly: "0301", not
    /// "301"), its name in any case and with or without Norwegian letters ("Bærum", "baerum"),
    /// its English name, or an alias ("asss med oslo", "landet"). Surrounding space is ignored.
    /// When nothing matches, up to three close spellings are suggested.
    public func resolveRegion(_ query: String) -> RegionMatch {
        resolver.resolve(query)
    }

    /// The regions of one kind, in file order.
    public func regions(kind: RegionKind) -> [Region] {
        regions.filter { $0.kind == kind }
    }

    /// A region's observations of an indicator, oldest year first, within `years` if given.
    /// Missing figures are included (with their reason). The region may be given by a former code.
    public func observations(indicatorId: String, regionCode: String, years: ClosedRange<Int>? = nil) -> [Observation] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return [] }
        let column = figures.column(indicator)
        guard column.hasRow(region: region) else { return [] }
        var result: [Observation] = []
        let first = max(column.firstYear, years?.lowerBound ?? .min)
        let last = min(column.firstYear + column.yearCount - 1, years?.upperBound ?? .max)
        guard first <= last else { return [] }
        for year in first...last {
            if let observation = self.observation(column: column, indicator: indicator, region: region, year: year) {
                result.append(observation)
            }
        }
        return result
    }

    /// One observation, or `nil` when the data has none (not even a missing one).
    public func observation(indicatorId: String, regionCode: String, year: Int) -> Observation? {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return nil }
        return observation(column: figures.column(indicator), indicator: indicator, region: region, year: year)
    }

    /// A region's observation of an indicator in each of `years`, in order: nil for a year the
    /// data has none for (not even a missing one). The indicator and the region (current or
    /// former code) are looked up once, not once a year.
    public func observations(indicatorId: String, regionCode: String, eachOf years: [Int]) -> [Observation?] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else {
            return Array(repeating: nil, count: years.count)
        }
        let column = figures.column(indicator)
        return years.map { self.observation(column: column, indicator: indicator, region: region, year: $0) }
    }

    /// The figure of a column's cell as an `Observation`, or `nil` when the cell has none.
    func observation(column: FigureColumn, indicator: Int, region: Int, year: Int) -> Observation? {
        guard let cell = column.cell(region: region, year: year) else { return nil }
        let state = column.states[cell]
        guard state.isPresent else { return nil }
        return Observation(
            indicatorId: indicators[indicator].id,
            regionCode: regions[region].code,
            year: year,
            value: state.hasValue ? column.values[cell] : nil,
            missing: state.missing,
            status: state.status,
            source: figures.sources[Int(column.sources[cell])],
            reportedCode: column.reportedCodes[Int32(cell)],
            note: column.notes[Int32(cell)]
        )
    }

    /// Whether the region (current code) has a value (not a missing figure) of any indicator in
    /// `year`.
    public func hasAnyValue(regionCode: String, year: Int) -> Bool {
        guard let code = currentCodes[regionCode], let region = regionPositions[code] else { return false }
        for indicator in indicators.indices {
            let column = figures.column(indicator)
            if let cell = column.cell(region: region, year: year), column.states[cell].hasValue { return true }
        }
        return false
    }

    /// The regions with any observation of the indicator, a stated missing one included, in
    /// region order.
    public func regionCodes(withDataFor indicatorId: String) -> [String] {
        guard let indicator = indicatorPositions[indicatorId] else { return [] }
        let column = figures.column(indicator)
        return column.regionOfRow.enumerated().compactMap { row, region in
            let cells = row * column.yearCount..<(row + 1) * column.yearCount
            return column.states[cells].contains { $0.isPresent } ? regions[Int(region)].code : nil
        }
    }

    /// The regions with at least one value (not only missing figures) of the indicator, in
    /// region order.
    public func regionCodes(withValuesFor indicatorId: String) -> [String] {
        guard let indicator = indicatorPositions[indicatorId] else { return [] }
        let column = figures.column(indicator)
        return column.regionOfRow.enumerated().compactMap { row, region in
            let cells = row * column.yearCount..<(row + 1) * column.yearCount
            return column.states[cells].contains { $0.hasValue } ? regions[Int(region)].code : nil
        }
    }

    /// The years with any observation of the indicator, ascending.
    public func years(of indicatorId: String) -> [Int] {
        guard let indicator = indicatorPositions[indicatorId] else { return [] }
        return figures.column(indicator).years
    }

    /// Every observation, indicator by indicator in catalogue order, then by region and year.
    ///
    /// This reads every figure: for the built-in data and tests. A data directory's dataset
    /// reads each indicator only when asked, and this asks for all of them.
    public var observations: [Observation] {
        var result: [Observation] = []
        for indicator in indicators.indices {
            let column = figures.column(indicator)
            for (row, region) in column.regionOfRow.enumerated() {
                for offset in 0..<column.yearCount {
                    let cell = row * column.yearCount + offset
                    guard column.states[cell].isPresent else { continue }
                    if let observation = observation(column: column, indicator: indicator, region: Int(region), year: column.firstYear + offset) {
                        result.append(observation)
                    }
                }
            }
        }
        return result
    }

    /// Reads every indicator's figures now, so that no request later waits for one: what a
    /// server does in the background after it starts on a data directory, and before it swaps
    /// in a reloaded one. Returns the bytes the figures take, roughly.
    @discardableResult
    public func warm() -> Int {
        indicators.indices.reduce(0) { $0 + figures.column($1).byteCount }
    }

    /// Why figures could not be read from the data directory, if any could not (they are served
    /// as missing meanwhile).
    public var loadFailures: [String] { figures.loadFailures }

    /// How many figures the dataset has; like `observations`, it reads every indicator.
    public var figureCount: Int {
        indicators.indices.reduce(0) { $0 + figures.column($1).figureCount }
    }

    /// The indicators of one service area, in file order.
    public func indicators(service: String) -> [Indicator] {
        indicators.filter { $0.service == service }
    }

    /// The production-index weights for a year, or `nil`.
    public func productionWeights(year: Int) -> ProductionWeights? {
        productionWeights.first { $0.year == year }
    }

    /// The facts whose subject or other regions include the region (current or former code).
    public func facts(about regionCode: String) -> [Fact] {
        guard let code = currentCodes[regionCode] else { return [] }
        return facts.filter { $0.subject == code || $0.regions.contains(code) }
    }
}
