extension Dataset {
    /// Every figure the data has had for one indicator, region and year, oldest first: the
    /// figures later ones replaced (a preliminary figure, then the final), and last the one a
    /// series shows. Empty when there is no figure. `regionCode` may be a former code.
    public func history(indicatorId: String, regionCode: String, year: Int) -> [Observation] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return [] }
        let column = figures.column(indicator)
        guard let cell = column.cell(region: region, year: year) else { return [] }
        let earlier = column.history[Int32(cell)] ?? []
        guard let current = observation(column: column, indicator: indicator, region: region, year: year) else { return earlier }
        return earlier + [current]
    }

    /// The figures of one indicator and region that later ones replaced, oldest year first and
    /// in the order they were replaced within a year.
    public func revisions(indicatorId: String, regionCode: String, years: ClosedRange<Int>? = nil) -> [Observation] {
        guard let code = currentCodes[regionCode], let region = regionPositions[code], let indicator = indicatorPositions[indicatorId] else { return [] }
        let column = figures.column(indicator)
        guard column.hasRow(region: region), column.yearCount > 0 else { return [] }
        var result: [Observation] = []
        for year in column.firstYear..<(column.firstYear + column.yearCount) where years?.contains(year) ?? true {
            if let cell = column.cell(region: region, year: year), let earlier = column.history[Int32(cell)] {
                result += earlier
            }
        }
        return result
    }

    /// Every figure a later one replaced, indicator by indicator, then by region and year. Like
    /// `observations`, it reads every indicator.
    public var revisions: [Observation] {
        indicators.indices.flatMap { indicator in
            let column = figures.column(indicator)
            return column.history.sorted { $0.key < $1.key }.flatMap(\.value)
        }
    }
}
