public import KostraData

/// The comparison of one indicator: each region's series, and the region's difference from
/// each other region in each year.
public struct IndicatorComparison: Sendable, Hashable {
    /// The indicator.
    public var indicator: Indicator
    /// The years compared: the indicator's years within the range asked, ascending.
    public var years: [Int]
    /// The region's series first, then each other region's, in the order asked.
    public var series: [ComparedSeries]
    /// The region against each other region, per other region (in the order asked) and year.
    public var differences: [ComparisonDifference]

    /// A comparison of one indicator.
    public init(indicator: Indicator, years: [Int], series: [ComparedSeries], differences: [ComparisonDifference]) {
        self.indicator = indicator
        self.years = years
        self.series = series
        self.differences = differences
    }

    /// The series of the region with this current code, or `nil`.
    public func series(_ regionCode: String) -> ComparedSeries? {
        self.series.first { $0.region.code == regionCode }
    }

    /// The difference from the region with this current code in `year`, or `nil`.
    public func difference(with regionCode: String, year: Int) -> ComparisonDifference? {
        self.differences.first { $0.other.code == regionCode && $0.year == year }
    }
}
