extension Dataset {
    /// Every figure the data has had for one indicator, region and year, oldest first: the
    /// figures later ones replaced (a preliminary figure, then the final), and last the one a
    /// series shows. Empty when there is no figure. `regionCode` may be a former code.
    public func history(indicatorId: String, regionCode: String, year: Int) -> [Observation] {
        guard let code = currentCode(for: regionCode) else { return [] }
        let earlier = revisionsByFigure[FigureKey(indicatorId: indicatorId, regionCode: code, year: year)] ?? []
        guard let current = observation(indicatorId: indicatorId, regionCode: code, year: year) else { return earlier }
        return earlier + [current]
    }

    /// The figures of one indicator and region that later ones replaced, oldest year first and
    /// in the order they were replaced within a year.
    public func revisions(indicatorId: String, regionCode: String, years: ClosedRange<Int>? = nil) -> [Observation] {
        guard let code = currentCode(for: regionCode) else { return [] }
        return revisionsByFigure
            .filter { $0.key.indicatorId == indicatorId && $0.key.regionCode == code && (years?.contains($0.key.year) ?? true) }
            .sorted { $0.key.year < $1.key.year }
            .flatMap(\.value)
    }
}
