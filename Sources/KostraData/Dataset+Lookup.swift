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
        guard let code = currentCodes[regionCode] else { return [] }
        let all = series[SeriesKey(indicatorId: indicatorId, regionCode: code)] ?? []
        guard let years else { return all }
        return all.filter { years.contains($0.year) }
    }

    /// One observation, or `nil` when the data has none (not even a missing one).
    public func observation(indicatorId: String, regionCode: String, year: Int) -> Observation? {
        observations(indicatorId: indicatorId, regionCode: regionCode).first { $0.year == year }
    }

    /// The regions with any observation of the indicator, a stated missing one included, in
    /// region order.
    public func regionCodes(withDataFor indicatorId: String) -> [String] {
        regionsByIndicator[indicatorId] ?? []
    }

    /// The regions with at least one value (not only missing figures) of the indicator, in
    /// region order.
    public func regionCodes(withValuesFor indicatorId: String) -> [String] {
        regionCodes(withDataFor: indicatorId).filter { code in
            observations(indicatorId: indicatorId, regionCode: code).contains { $0.value != nil }
        }
    }

    /// The years with any observation of the indicator, ascending.
    public func years(of indicatorId: String) -> [Int] {
        yearsByIndicator[indicatorId] ?? []
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
