public import KostraData

/// A municipality's production index for a year: each production indicator's score relative
/// to the ASSS average, its weight and contribution, and the weighted total (ASSS = 100).
///
/// The total is Σ weight × score / Σ weight over all the year's weighted indicators: the
/// weights are divided by their published sum (1.0001 for 2024) so that a region scoring 100
/// on every indicator has the index 100. It is computed only when every component has a score
/// (computed or published); otherwise it is the report's published index, or missing.
public struct ProductionIndexResult: Sendable, Hashable {
    /// The municipality.
    public var region: Region
    /// The group the scores are relative to (ASSS med Oslo).
    public var reference: Region
    /// The year.
    public var year: Int
    /// The components, in the data's indicator order. Empty when the data has no weights for
    /// the year (the total can then only be the published one).
    public var components: [ProductionComponent]
    /// The sum of the year's weights as published (1.0001 for 2024); nil without weights.
    public var weightSum: Double?
    /// Where the weights come from; nil without weights.
    public var weightsSource: String?
    /// The production index: computed, published (`provenance.isPublished`), or missing.
    public var total: Figure
    /// The report's published index whenever the data has one (the same figure as `total`
    /// when the total could not be computed).
    public var publishedTotal: Figure?

    /// A result.
    public init(
        region: Region,
        reference: Region,
        year: Int,
        components: [ProductionComponent],
        weightSum: Double?,
        weightsSource: String?,
        total: Figure,
        publishedTotal: Figure?
    ) {
        self.region = region
        self.reference = reference
        self.year = year
        self.components = components
        self.weightSum = weightSum
        self.weightsSource = weightsSource
        self.total = total
        self.publishedTotal = publishedTotal
    }

    /// The component of an indicator, if it is weighted this year.
    public func component(_ indicatorId: String) -> ProductionComponent? {
        components.first { $0.indicatorId == indicatorId }
    }
}
