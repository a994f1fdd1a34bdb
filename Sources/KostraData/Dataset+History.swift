extension Dataset {
    /// Every figure the data has had for one indicator, region and year, oldest first: the
    /// figures later ones replaced (a preliminary figure, then the final), and last the one a
    /// series shows. Empty when there is no figure. `regionCode` may be a former code.
    public func history(indicatorId: String, regionCode: String, year: Int) -> [Observation] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return [] }
        let earlier = figures.history(indicator: indicator, region: region)[year] ?? []
        guard let current = observation(column: figures.column(indicator), indicator: indicator, region: region, year: year) else { return earlier }
        return earlier + [current]
    }

    /// The figures of one indicator and region that later ones replaced, oldest year first and
    /// in the order they were replaced within a year.
    public func revisions(indicatorId: String, regionCode: String, years: ClosedRange<Int>? = nil) -> [Observation] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return [] }
        return figures.history(indicator: indicator, region: region)
            .filter { years?.contains($0.key) ?? true }
            .sorted { $0.key < $1.key }
            .flatMap(\.value)
    }

    /// Every figure a later one replaced, indicator by indicator, then by region and year. Like
    /// `observations`, it reads every indicator (and, for a data directory, every history).
    public var revisions: [Observation] {
        indicators.indices.flatMap { indicator in
            figures.column(indicator).regionOfRow.flatMap { region in
                figures.history(indicator: indicator, region: Int(region)).sorted { $0.key < $1.key }.flatMap(\.value)
            }
        }
    }
}
