public import KostraData

/// A region against other regions or group averages, indicator by indicator, over years:
/// differences, index, changes and ranks. Made by `Analysis.compare(region:with:...)`.
public struct Comparison: Sendable, Hashable {
    /// The region compared.
    public var region: Region
    /// The regions it is compared with, in the order asked, without repeats.
    public var others: [Region]
    /// The group the ranks are taken within.
    public var rankGroup: Region
    /// Every year compared (the union of the indicators' years), ascending.
    public var years: [Int]
    /// One entry per indicator, in the data's indicator order.
    public var indicators: [IndicatorComparison]

    /// A comparison.
    public init(region: Region, others: [Region], rankGroup: Region, years: [Int], indicators: [IndicatorComparison]) {
        self.region = region
        self.others = others
        self.rankGroup = rankGroup
        self.years = years
        self.indicators = indicators
    }

    /// The comparison of one indicator, or `nil` when it is not among them.
    public func indicator(_ indicatorId: String) -> IndicatorComparison? {
        self.indicators.first { $0.indicator.id == indicatorId }
    }
}
