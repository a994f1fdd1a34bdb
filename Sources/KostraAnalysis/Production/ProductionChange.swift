public import KostraData

/// One region's change in production from one year to the next: each weighted indicator's
/// percentage change and their weighted mean over the indicators that have one.
///
/// The total is Σ w·Δ / Σ w over the included indicators: an indicator without a change (no
/// value one of the years) is left out and named in `leftOut`, and the remaining weights are
/// scaled up to sum to 1, which is the same as assuming the left-out indicator changed as the
/// weighted mean of the others. It is never counted as 0.
public struct ProductionChange: Sendable, Hashable {
    /// The region.
    public var region: Region
    /// Each weighted indicator's change, in the data's indicator order.
    public var components: [ProductionChangeComponent]
    /// The sum of the weights of the included indicators (the share of the index the total
    /// covers, against `ProductionChangeResult.weightSum`).
    public var weightUsed: Double
    /// The change in production in percent: computed, published (`provenance.isPublished`)
    /// where nothing can be computed, or missing.
    public var total: Figure
    /// The report's published change whenever the data has one.
    public var published: Figure?

    /// A region's change.
    public init(region: Region, components: [ProductionChangeComponent], weightUsed: Double, total: Figure, published: Figure?) {
        self.region = region
        self.components = components
        self.weightUsed = weightUsed
        self.total = total
        self.published = published
    }

    /// The ids of the weighted indicators left out of the total, each with its reason in
    /// its component's `change.missingReason`.
    public var leftOut: [String] {
        components.filter { !$0.isIncluded }.map(\.indicatorId)
    }
}
