public import KostraData

/// One region's series of an indicator over the years compared: each year's value, change and
/// rank, and the change over the whole period.
public struct ComparedSeries: Sendable, Hashable {
    /// The region.
    public var region: Region
    /// One entry per year compared, ascending.
    public var years: [ComparedYear]
    /// The change from the first to the last year compared that has a value (gaps between are
    /// listed in `yearsWithoutValue`); missing when fewer than two years have a value.
    public var period: ValueChange

    /// A series.
    public init(region: Region, years: [ComparedYear], period: ValueChange) {
        self.region = region
        self.years = years
        self.period = period
    }

    /// The entry for `year`, or `nil` when it was not compared.
    public func year(_ year: Int) -> ComparedYear? {
        self.years.first { $0.year == year }
    }
}
